import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { DateException, WeeklyRule } from '../../../shared/domain/availability';

export type AvailabilityDoc = { _id: string; rules: WeeklyRule[]; exceptions: DateException[]; updatedAt: Date; updatedBy: string | null };

/** A provider's weekly rules and date exceptions, one document per provider. */
export class AvailabilityRepository {
  private readonly availability: Collection<AvailabilityDoc>;

  constructor(db: Db) {
    this.availability = resilientCollection<AvailabilityDoc>(db, 'availability');
  }

  async get(providerId: string): Promise<AvailabilityDoc> {
    return (await this.availability.findOne({ _id: providerId })) ?? { _id: providerId, rules: [], exceptions: [], updatedAt: new Date(0), updatedBy: null };
  }

  async save(doc: AvailabilityDoc): Promise<void> {
    await this.availability.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
