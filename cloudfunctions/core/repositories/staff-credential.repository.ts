import type { Collection, Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { resilientCollection } from '../db/resilient-collection';

/**
 * A staff member's password, kept apart from the user so that no query of users (profiles, role
 * look-ups, replies) can ever carry a hash. `_id` is the login key (the login name in lower case):
 * inserting it is what claims a login name, so two admins creating one name at once make one account.
 */
export type StaffCredentialDoc = {
  _id: string;
  /** The login name as the admin typed it, for showing. */
  loginName: string;
  userId: string;
  /** argon2id PHC string (algorithm, parameters and salt inside). */
  hash: string;
  /**
   * The failure tickets in use are those of this series (login-limits.ts); a success, a reset or the
   * end of a lockout starts the next, which is what clears the count.
   */
  attemptSeries: number;
  /** A view of the count for the admin; the tickets are what decide. */
  failedCount: number;
  lockedUntil: Date | null;
  mustChange: boolean;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

export const staffCredentialIndexes: CollectionIndexes = {
  collection: 'staff_credentials',
  indexes: [{ key: { userId: 1 }, name: 'userId_unique', unique: true }],
};

export class StaffCredentialRepository {
  private readonly credentials: Collection<StaffCredentialDoc>;

  constructor(db: Db) {
    this.credentials = resilientCollection<StaffCredentialDoc>(db, 'staff_credentials');
  }

  byLoginKey(loginKey: string): Promise<StaffCredentialDoc | null> {
    return this.credentials.findOne({ _id: loginKey });
  }

  ofUser(userId: string): Promise<StaffCredentialDoc | null> {
    return this.credentials.findOne({ userId });
  }

  /** Claims the login name; 'taken' when the name, or the user, already has a credential. */
  async create(doc: StaffCredentialDoc): Promise<'created' | 'login_taken' | 'user_has_one'> {
    try {
      await this.credentials.insertOne(doc);
      return 'created';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.byLoginKey(doc._id)) ? 'login_taken' : 'user_has_one';
    }
  }

  /** The failure view after a counted wrong password (the ticket already decided it). */
  async recordFailure(loginKey: string, failedCount: number, lockedUntil: Date | null, now: Date): Promise<void> {
    await this.credentials.updateOne({ _id: loginKey }, { $set: { failedCount, lockedUntil, updatedAt: now } });
  }

  /**
   * Moves to series `next` (from `from`), clearing the count and the lock. Several callers may do it
   * at once from the same series: they all write the same value, so the race cannot skip a series
   * or hand out a fresh count twice.
   */
  async startSeries(loginKey: string, from: number, now: Date): Promise<void> {
    await this.credentials.updateOne(
      { _id: loginKey, attemptSeries: from },
      { $set: { attemptSeries: from + 1, failedCount: 0, lockedUntil: null, updatedAt: now } },
    );
  }

  /** A new password: a fresh series, no lock; `mustChange` when someone else chose it. */
  async setPassword(loginKey: string, hash: string, mustChange: boolean, fromSeries: number, now: Date): Promise<void> {
    await this.credentials.updateOne(
      { _id: loginKey },
      { $set: { hash, mustChange, attemptSeries: fromSeries + 1, failedCount: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now } },
    );
  }
}
