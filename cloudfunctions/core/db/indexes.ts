import type { Db, IndexDescription } from 'mongodb';

export type CollectionIndexes = { collection: string; indexes: IndexDescription[] };

const ensured = new WeakMap<Db, Promise<void>>();

/**
 * Creates every declared index once per database handle. createIndexes is idempotent, so running it
 * on every cold start is safe; the WeakMap only spares repeated round trips within one process.
 */
export function ensureIndexes(db: Db, declarations: CollectionIndexes[]): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = (async () => {
      for (const { collection, indexes } of declarations) {
        if (indexes.length > 0) await db.collection(collection).createIndexes(indexes);
      }
    })();
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}
