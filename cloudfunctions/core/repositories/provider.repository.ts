import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { ReferenceCache } from './reference-cache';

export type ProviderDoc = {
  _id: string;
  userId: string;
  kind: ServiceKind;
  name: string;
  /** Advisors sit at a station; counselors at the marriage registry; escorts in the district pool. */
  stationId: string | null;
  streetId: string | null;
  venue: string;
  intro: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const providerIndexes: CollectionIndexes = {
  collection: 'providers',
  indexes: [
    { key: { userId: 1, kind: 1 }, name: 'user_kind_unique', unique: true },
    { key: { kind: 1, stationId: 1 }, name: 'by_kind_station' },
  ],
};

/** Providers. Every write is stamped (`cache.writing('reference', …)`): creates read them from the instance's cache. */
export class ProviderRepository {
  private readonly providers: Collection<ProviderDoc>;

  constructor(
    db: Db,
    private readonly cache: ReferenceCache,
  ) {
    this.providers = resilientCollection<ProviderDoc>(db, 'providers');
  }

  findById(id: string): Promise<ProviderDoc | null> {
    return this.cache.read('reference', `provider:${id}`, () => this.providers.findOne({ _id: id }));
  }

  findByUser(userId: string): Promise<ProviderDoc[]> {
    return this.providers.find({ userId }).toArray();
  }

  list(filter: { kind?: ServiceKind; stationId?: string; streetId?: string; activeOnly?: boolean }): Promise<ProviderDoc[]> {
    const query: Record<string, unknown> = {};
    if (filter.kind) query.kind = filter.kind;
    if (filter.stationId) query.stationId = filter.stationId;
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.activeOnly) query.active = true;
    return this.providers.find(query).sort({ _id: 1 }).toArray();
  }

  /** False when the user already provides this service under another provider id. */
  async upsert(doc: ProviderDoc): Promise<boolean> {
    try {
      await this.cache.writing('reference', () => this.providers.replaceOne({ _id: doc._id }, doc, { upsert: true }));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async deactivate(id: string, now: Date): Promise<boolean> {
    return (await this.cache.writing('reference', () => this.providers.updateOne({ _id: id }, { $set: { active: false, updatedAt: now } }))).matchedCount === 1;
  }
}
