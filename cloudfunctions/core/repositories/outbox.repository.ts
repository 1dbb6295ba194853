import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import { bookingSubject, type Subject } from '../../../shared/domain/subject';
import type { CollectionIndexes } from '../db/indexes';
import { insertIfNew } from '../db/insert-if-new';

/**
 * Domain events written in the same path as the change they describe, keyed by a dedupe id so a
 * retried step never records one twice. The notifications worker turns them into messages.
 */
export type OutboxEvent = {
  _id: string;
  type: string;
  /** What the event is about; its kind's handler (registered with notify) says what it means. */
  subject: Subject;
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

/**
 * Records written before events named a subject carry `bookingId` instead: every one of them was
 * about a booking. They are read as booking subjects (migrated on read, never rewritten), so old
 * and new writers may run side by side while functions are deployed one by one.
 */
export function withSubject<T extends { subject?: Subject }>(doc: T): T & { subject: Subject } {
  if (doc.subject) return doc as T & { subject: Subject };
  const { bookingId, ...rest } = doc as T & { bookingId?: string | null };
  // An empty id finds no booking: what a legacy event without a booking meant (none was written).
  return { ...(rest as unknown as T), subject: bookingSubject(bookingId ?? '') };
}

/** The stored records of one subject, legacy ones (`bookingId`) included. */
export function ofSubjectFilter<T>(subject: Subject): Filter<T> {
  const current = { 'subject.kind': subject.kind, 'subject.id': subject.id };
  return (subject.kind === 'booking' ? { $or: [current, { subject: { $exists: false }, bookingId: subject.id }] } : current) as Filter<T>;
}

export class OutboxRepository {
  private readonly outbox: Collection<OutboxEvent>;

  constructor(db: Db) {
    this.outbox = resilientCollection<OutboxEvent>(db, 'outbox');
  }

  async add(event: OutboxEvent): Promise<void> {
    // A second add of one event (a retried call) is the same event: nothing more to do.
    await insertIfNew(this.outbox, event);
  }

  async list(filter: { subject?: Subject; type?: string }): Promise<OutboxEvent[]> {
    const query: Filter<OutboxEvent> = filter.subject ? ofSubjectFilter<OutboxEvent>(filter.subject) : {};
    if (filter.type) query.type = filter.type;
    return (await this.outbox.find(query).sort({ at: 1 }).toArray()).map(withSubject);
  }
}
