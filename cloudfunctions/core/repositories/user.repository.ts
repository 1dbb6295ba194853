import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, UpdateFilter } from 'mongodb';
import type { Role } from '../../../shared/domain/roles';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import type { ReferenceCache } from './reference-cache';

export type UserDoc = {
  _id: string;
  openid: string;
  name: string | null;
  phone: string | null;
  communityId: string | null;
  /** Absent on users stored before the profile had an address. */
  address?: string | null;
  elderMode: boolean;
  roles: Role[];
  staffStreetId: string | null;
  /** staff sign-in: tokens issued before this are refused (set by a password change or reset; absent before). */
  sessionsValidFrom?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ProfileChanges = Partial<Pick<UserDoc, 'name' | 'phone' | 'communityId' | 'address' | 'elderMode'>>;

/** Up to this many ids, `namesOf` asks one `_id` equality each (see there). */
const NAMES_BY_EQUALITY = 100;

export const userIndexes: CollectionIndexes = {
  collection: 'users',
  indexes: [{ key: { openid: 1 }, name: 'openid_unique', unique: true }],
};

/**
 * Users. Every change to a stored user goes through `cache.writing('users', …)`: the session check
 * serves users from the instance's cache, and a new stamp is what tells every instance to forget
 * them. A user first inserted needs none (a missing user is never cached).
 */
export class UserRepository {
  private readonly users: Collection<UserDoc>;

  constructor(
    db: Db,
    private readonly cache: ReferenceCache,
  ) {
    this.users = resilientCollection<UserDoc>(db, 'users');
  }

  findById(id: string): Promise<UserDoc | null> {
    return this.cache.read('users', id, () => this.users.findOne({ _id: id }));
  }

  /**
   * The profile names of these users (null for a user who gave none). A few ids are asked one
   * equality each, at once: FerretDB serves an `_id` equality from its index but reads every user
   * for `$in` (1.4 s among 6,400 users in `npm run bench -- --year`; a staff page names 20 to 50);
   * only a list longer than that is one `$in`.
   */
  async namesOf(ids: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const projection = { _id: 1, name: 1 } as const;
    const docs =
      unique.length <= NAMES_BY_EQUALITY
        ? (await Promise.all(unique.map((id) => this.users.findOne({ _id: id }, { projection })))).filter((doc) => doc !== null)
        : await this.users.find({ _id: { $in: unique } }, { projection }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc.name ?? null]));
  }

  /**
   * People staff look up to grant a role: an exact phone number, or a name containing the text, at
   * most `limit`, by name. The text is matched literally (escaped), never as a pattern.
   */
  findPeople(query: { phone?: string; nameContains?: string }, limit: number): Promise<UserDoc[]> {
    const filter = query.phone
      ? { phone: query.phone }
      : { name: { $regex: (query.nameContains ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&') } };
    return this.users.find(filter).sort({ name: 1, _id: 1 }).limit(limit).toArray();
  }

  findByOpenid(openid: string): Promise<UserDoc | null> {
    return this.users.findOne({ openid });
  }

  /**
   * Returns the user for this openid, creating it when absent. Two first logins at once both try
   * the insert; the unique openid index lets one win and the other reads the winner's document.
   */
  async findOrCreate(candidate: UserDoc): Promise<{ user: UserDoc; created: boolean }> {
    const existing = await this.findByOpenid(candidate.openid);
    if (existing) return { user: existing, created: false };
    try {
      await this.users.insertOne(candidate);
      return { user: candidate, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.findByOpenid(candidate.openid);
      if (!winner) throw error;
      return { user: winner, created: false };
    }
  }

  async updateProfile(id: string, changes: ProfileChanges, now: Date): Promise<UserDoc | null> {
    return this.cache.writing('users', () => this.users.findOneAndUpdate(
      { _id: id },
      { $set: { ...changes, updatedAt: now } },
      { returnDocument: 'after' },
    ));
  }

  async addRoles(id: string, roles: Role[], staffStreetId: string | null | undefined, now: Date): Promise<UserDoc | null> {
    const set: Partial<UserDoc> = { updatedAt: now };
    if (staffStreetId !== undefined) set.staffStreetId = staffStreetId;
    return this.cache.writing('users', () => this.users.findOneAndUpdate(
      { _id: id },
      { $addToSet: { roles: { $each: roles } }, $set: set },
      { returnDocument: 'after' },
    ));
  }

  /** Ends every session issued before `at` (the token check reads it with the user on every call). */
  async endSessionsBefore(id: string, at: Date): Promise<void> {
    await this.cache.writing('users', () => this.users.updateOne({ _id: id }, { $set: { sessionsValidFrom: at, updatedAt: at } }));
  }

  async removeRoles(id: string, roles: Role[], now: Date): Promise<UserDoc | null> {
    const set: Partial<UserDoc> = { updatedAt: now };
    if (roles.includes('staff')) set.staffStreetId = null;
    // $pullAll rather than $pull with $in: FerretDB v1 ignores the $in form. The driver's typing of
    // either on a union-typed array is too narrow, hence the cast.
    const update = { $pullAll: { roles }, $set: set } as UpdateFilter<UserDoc>;
    return this.cache.writing('users', () => this.users.findOneAndUpdate(
      { _id: id },
      update,
      { returnDocument: 'after' },
    ));
  }
}
