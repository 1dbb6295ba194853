import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';

/**
 * Domain events written in the same path as the change they describe, keyed by a dedupe id so a
 * retried step never records one twice. The notifications worker turns them into messages.
 */
export type OutboxEvent = {
  _id: string;
  type: string;
  bookingId: string | null;
  /** Users who should hear of it. */
  recipients: string[];
  /** Never holds counseling topics or notes. */
  payload: Record<string, unknown>;
  at: Date;
  processedAt: Date | null;
};

export const outboxIndexes: CollectionIndexes = {
  collection: 'outbox',
  indexes: [{ key: { processedAt: 1, at: 1 }, name: 'by_pending' }],
};

export class OutboxRepository {
  private readonly outbox: Collection<OutboxEvent>;

  constructor(db: Db) {
    this.outbox = resilientCollection<OutboxEvent>(db, 'outbox');
  }

  async add(event: OutboxEvent): Promise<void> {
    try {
      await this.outbox.insertOne(event);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  list(filter: { bookingId?: string; type?: string }): Promise<OutboxEvent[]> {
    const query: Record<string, string> = {};
    if (filter.bookingId) query.bookingId = filter.bookingId;
    if (filter.type) query.type = filter.type;
    return this.outbox.find(query).sort({ at: 1 }).toArray();
  }
}
