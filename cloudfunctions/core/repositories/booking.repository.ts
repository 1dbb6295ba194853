import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { BookingStatus } from '../../../shared/domain/booking-lifecycle';
import type { BookingDetails } from '../../../shared/schemas/booking-details.schema';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import type { ServiceKind } from '../../../shared/domain/service-kinds';

/** `holding` is a create in progress: not shown to anyone until its seat and locks are held. */
export type StoredStatus = BookingStatus | 'holding' | 'failed';

export type FamilyMember = { name: string; phone: string; relationship: string };

export type BookingDoc = {
  _id: string;
  requestId: string;
  service: ServiceKind;
  bookerId: string;
  /** Whose time the booking takes: the booker, or one family member of theirs. */
  personKey: string;
  forFamily: FamilyMember | null;
  contactPhone: string;
  providerId: string | null;
  stationId: string | null;
  streetId: string | null;
  /** The seat pool (provider slot or escort day) the booking holds. */
  pool: string;
  /** Seats in the pool when the booking was made; a retry resumes with the same number. */
  poolCapacity: number;
  startsAt: Date;
  endsAt: Date;
  details: BookingDetails;
  freeOfCharge: boolean;
  status: StoredStatus;
  /** Number of transitions applied; the next transition record is `<_id>#<version + 1>`. */
  version: number;
  acceptBy: Date | null;
  reason: string | null;
  serviceNotes: string | null;
  failure: string | null;
  /** Seats and locks of a finished booking have been given back. */
  released: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type TransitionDoc = {
  _id: string;
  bookingId: string;
  seq: number;
  from: StoredStatus;
  to: StoredStatus;
  action: string;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  at: Date;
  /**
   * Fields the transition changes on the booking besides status (provider, slot, notes; a lost
   * create's `failure`, so whoever applies the record, a retry or the repair step, keeps the reason).
   */
  changes: Partial<Pick<BookingDoc, 'providerId' | 'startsAt' | 'endsAt' | 'pool' | 'poolCapacity' | 'reason' | 'serviceNotes' | 'acceptBy' | 'failure'>>;
};

export const bookingIndexes: CollectionIndexes[] = [
  {
    collection: 'bookings',
    indexes: [
      { key: { bookerId: 1, createdAt: -1 }, name: 'by_booker' },
      { key: { providerId: 1, startsAt: 1 }, name: 'by_provider_time' },
      { key: { service: 1, status: 1 }, name: 'by_service_status' },
      { key: { status: 1, acceptBy: 1 }, name: 'by_status_accept_by' },
      { key: { streetId: 1, startsAt: 1 }, name: 'by_street_time' },
    ],
  },
  { collection: 'transitions', indexes: [{ key: { bookingId: 1, seq: 1 }, name: 'by_booking' }, { key: { at: 1 }, name: 'by_time' }] },
];

export class BookingRepository {
  private readonly bookings: Collection<BookingDoc>;
  private readonly transitions: Collection<TransitionDoc>;

  constructor(db: Db) {
    this.bookings = resilientCollection<BookingDoc>(db, 'bookings');
    this.transitions = resilientCollection<TransitionDoc>(db, 'transitions');
  }

  /** Inserts the booking unless one with this id (the same request) exists; returns what is stored. */
  async insertOrGet(doc: BookingDoc): Promise<{ booking: BookingDoc; created: boolean }> {
    try {
      await this.bookings.insertOne(doc);
      return { booking: doc, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.bookings.findOne({ _id: doc._id });
      if (!existing) throw error;
      return { booking: existing, created: false };
    }
  }

  findById(id: string): Promise<BookingDoc | null> {
    return this.bookings.findOne({ _id: id });
  }

  find(filter: Filter<BookingDoc>, options: { sort?: Record<string, 1 | -1>; skip?: number; limit?: number } = {}): Promise<BookingDoc[]> {
    let cursor = this.bookings.find(filter);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.toArray();
  }

  count(filter: Filter<BookingDoc>): Promise<number> {
    return this.bookings.countDocuments(filter);
  }

  /** Applies fields to a booking. Only the winner of a transition (or a create's owner) calls this. */
  async set(id: string, fields: Partial<BookingDoc>): Promise<void> {
    await this.bookings.updateOne({ _id: id }, { $set: fields });
  }

  async deleteHolding(id: string): Promise<void> {
    await this.bookings.deleteOne({ _id: id, status: 'holding' });
  }

  /**
   * Records transition `seq` of a booking. The unique `_id` makes exactly one concurrent caller win;
   * false tells the loser someone else changed the booking first.
   */
  async recordTransition(doc: TransitionDoc): Promise<boolean> {
    try {
      await this.transitions.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  findTransition(id: string): Promise<TransitionDoc | null> {
    return this.transitions.findOne({ _id: id });
  }

  history(bookingId: string): Promise<TransitionDoc[]> {
    return this.transitions.find({ bookingId }).sort({ seq: 1 }).toArray();
  }

  transitionsSince(since: Date): Promise<TransitionDoc[]> {
    return this.transitions.find({ at: { $gte: since } }).toArray();
  }
}
