import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { DateException, WeeklyRule } from '../../../shared/domain/availability';
import type { ReferenceCache } from './reference-cache';

export type AvailabilityDoc = { _id: string; rules: WeeklyRule[]; exceptions: DateException[]; updatedAt: Date; updatedBy: string | null };

/**
 * A provider's weekly rules and date exceptions, one document per provider. Every write is stamped
 * (`cache.writing('reference', …)`): creates read them from the instance's cache.
 */
export class AvailabilityRepository {
  private readonly availability: Collection<AvailabilityDoc>;

  constructor(
    db: Db,
    private readonly cache: ReferenceCache,
  ) {
    this.availability = resilientCollection<AvailabilityDoc>(db, 'availability');
  }

  async get(providerId: string): Promise<AvailabilityDoc> {
    const stored = await this.cache.read('reference', `availability:${providerId}`, () => this.availability.findOne({ _id: providerId }));
    return stored ?? { _id: providerId, rules: [], exceptions: [], updatedAt: new Date(0), updatedBy: null };
  }

  async save(doc: AvailabilityDoc): Promise<void> {
    await this.cache.writing('reference', () => this.availability.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }
}
