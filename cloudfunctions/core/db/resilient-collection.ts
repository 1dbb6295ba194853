import type { Collection, Db, Document } from 'mongodb';
import { isTransientEngineError } from './mongo-errors';

const RETRIED = new Set([
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany',
  'findOne', 'findOneAndUpdate', 'countDocuments', 'createIndexes', 'listIndexes',
]);
const MAX_ATTEMPTS = 12;

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isTransientEngineError(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Jittered, growing pause so the writers that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/**
 * A collection whose single-statement operations are sent again when the engine reports a transient
 * lock (FerretDB/SQLite under concurrent writers). On MongoDB the error never occurs and this is a
 * pass-through. Repositories take their collections from here.
 */
export function resilientCollection<T extends Document>(db: Db, name: string): Collection<T> {
  const collection = db.collection<T>(name);
  return new Proxy(collection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !RETRIED.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => withRetry(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
