import { randomUUID } from 'node:crypto';
import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../db/mongo-errors';

/**
 * What a function instance may keep in memory, by the data it comes from: `reference` (services,
 * the holiday calendar, providers, their hours, streets, communities, stations) and `users`.
 */
export const STAMP_KINDS = ['reference', 'users'] as const;
export type StampKind = (typeof STAMP_KINDS)[number];
export type Stamps = Record<StampKind, string>;

type StampDoc = { _id: StampKind; token: string; at: Date };

/** The token of a kind never written yet. */
export const UNSTAMPED = 'none';

/**
 * Version stamps: one small document per kind of cached data, given a new random token after every
 * write to that data. A token is set, never incremented: FerretDB applies an update as read, change,
 * write back, so two concurrent `$inc` could leave one number for two writes; two concurrent sets
 * leave one of two new tokens, and either differs from every token read before the writes.
 */
export class StampRepository {
  private readonly stamps: Collection<StampDoc>;

  constructor(db: Db) {
    this.stamps = resilientCollection<StampDoc>(db, 'stamps');
  }

  /** Every kind's current token, in one round trip. */
  async read(): Promise<Stamps> {
    const docs = await this.stamps.find({ _id: { $in: [...STAMP_KINDS] } }).toArray();
    const stamps = Object.fromEntries(STAMP_KINDS.map((kind) => [kind, UNSTAMPED])) as Stamps;
    for (const doc of docs) stamps[doc._id] = doc.token;
    return stamps;
  }

  /** Gives the kind a new token; returns it. */
  async bump(kind: StampKind): Promise<string> {
    const doc: StampDoc = { _id: kind, token: randomUUID(), at: new Date() };
    try {
      await this.stamps.replaceOne({ _id: kind }, doc, { upsert: true });
    } catch (error) {
      // Two first writes at once both upsert; the one that lost the insert replaces the winner's token.
      if (!isDuplicateKeyError(error)) throw error;
      await this.stamps.replaceOne({ _id: kind }, doc);
    }
    return doc.token;
  }
}
