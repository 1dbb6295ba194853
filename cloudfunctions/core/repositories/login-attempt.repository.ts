import type { Collection, Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { resilientCollection } from '../db/resilient-collection';

/**
 * Numbered tickets of the password login's limits: `_id` `<prefix><n>` for n below the limit, so
 * under any concurrency at most `limit` attempts of one prefix are let through (login-limits.ts
 * names the prefixes). A ticket holds no password and no name typed at the login, only the key.
 */
export type LoginAttemptDoc = { _id: string; pool: string; n: number; at: Date };

export const loginAttemptIndexes: CollectionIndexes = {
  collection: 'login_attempts',
  indexes: [
    { key: { pool: 1 }, name: 'by_pool' },
    { key: { at: 1 }, name: 'by_at' },
  ],
};

export class LoginAttemptRepository {
  private readonly attempts: Collection<LoginAttemptDoc>;

  constructor(db: Db) {
    this.attempts = resilientCollection<LoginAttemptDoc>(db, 'login_attempts');
  }

  /** Takes the lowest free ticket of the pool below `limit`, or null when every one is taken. */
  async take(pool: string, limit: number, at: Date): Promise<LoginAttemptDoc | null> {
    const taken = new Set((await this.attempts.find({ pool }, { projection: { n: 1 } }).toArray()).map((doc) => doc.n));
    for (let n = 0; n < limit; n += 1) {
      if (taken.has(n)) continue;
      const ticket: LoginAttemptDoc = { _id: `${pool}${n}`, pool, n, at };
      try {
        await this.attempts.insertOne(ticket);
        return ticket;
      } catch (error) {
        // Another attempt took this number between our read and our insert: try the next one.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return null;
  }

  /** When the pool's latest ticket was taken, or null for an empty pool. */
  async latestAt(pool: string): Promise<Date | null> {
    const [latest] = await this.attempts.find({ pool }).sort({ at: -1 }).limit(1).toArray();
    return latest?.at ?? null;
  }

  /** Gives a ticket back (a login that succeeded is not a failure of its address). */
  async release(id: string): Promise<void> {
    await this.attempts.deleteOne({ _id: id });
  }

  /** Drops a pool's tickets (an account's old series). */
  async dropPool(pool: string): Promise<void> {
    await this.attempts.deleteMany({ pool });
  }

  async purgeBefore(before: Date): Promise<number> {
    return (await this.attempts.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
