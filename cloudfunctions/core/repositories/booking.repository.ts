import { resilientCollection } from '../db/resilient-collection';
import { inBatches } from '../db/cursor-batches';
import type { Collection, Db, Filter } from 'mongodb';
import { ACTIVE_BOOKING_STATUSES, type BookingStatus } from '../../../shared/domain/booking-lifecycle';
import type { BookingDetails } from '../../../shared/schemas/booking-details.schema';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { EligibilityCheck } from '../../../shared/domain/eligibility-check';

/** `holding` is a create in progress: not shown to anyone until its seat and locks are held. */
export type StoredStatus = BookingStatus | 'holding' | 'failed';

/** Create attempts in progress or lost: nobody is shown them, and they are not counted. */
const UNSHOWN: readonly StoredStatus[] = ['holding', 'failed'];

/** Which page of a list: how many to skip and how many to return. */
export type Page = { skip: number; limit: number };

/** One row of the staff counts. */
export type StatusCount = { service: ServiceKind; status: StoredStatus; streetId: string | null; count: number };

/** One row of the dashboard's booking counts. */
/** `eligible`: a hardship group claimed and verified by staff (or claimed before checks existed: no check recorded). */
export type PlaceCount = { service: ServiceKind; streetId: string | null; communityId: string | null; claimedHardship: boolean; eligible: boolean; free: boolean; count: number };

/** What staff filter a 街道's bookings by; dates are [from, to). */
export type StreetBookingFilter = {
  streetId?: string;
  service?: ServiceKind;
  status?: BookingStatus;
  from?: Date;
  to?: Date;
  stationId?: string;
  communityId?: string;
};

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
  /** The 社区 it counts for in staff lists: its station's, else the booker's; absent on bookings made before it was kept. */
  communityId?: string | null;
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
  /** A claimed hardship group's check by staff (escort only; absent when none is claimed, or on older bookings). */
  eligibilityCheck?: EligibilityCheck | null;
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
  changes: Partial<Pick<BookingDoc, 'providerId' | 'startsAt' | 'endsAt' | 'pool' | 'poolCapacity' | 'reason' | 'serviceNotes' | 'acceptBy' | 'failure' | 'freeOfCharge' | 'eligibilityCheck'>>;
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
      { key: { communityId: 1, startsAt: 1 }, name: 'by_community_time' },
      // The staff desk's station filter (staff.streetBookings' stationId).
      { key: { stationId: 1, startsAt: 1 }, name: 'by_station_time' },
    ],
  },
  { collection: 'transitions', indexes: [{ key: { bookingId: 1, seq: 1 }, name: 'by_booking' }, { key: { at: 1 }, name: 'by_time' }] },
];

/** How many documents an export reads from its cursor at a time. */
export const EXPORT_BATCH = 200;

/** The bookings staff may list (shown ones unless a status is asked for) that pass the filters. */
function streetBookingFilter(query: StreetBookingFilter): Filter<BookingDoc> {
  const filter: Filter<BookingDoc> = { status: query.status ?? { $nin: [...UNSHOWN] } };
  if (query.streetId) filter.streetId = query.streetId;
  if (query.service) filter.service = query.service;
  if (query.stationId) filter.stationId = query.stationId;
  if (query.communityId) filter.communityId = query.communityId;
  if (query.from || query.to) filter.startsAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  return filter;
}

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

  /** A booker's own bookings (one status, or every status shown), latest start first, one page. */
  async ofBooker(bookerId: string, query: { status?: BookingStatus } & Page): Promise<{ items: BookingDoc[]; total: number }> {
    return this.page({ bookerId, status: query.status ?? { $nin: [...UNSHOWN] } }, { startsAt: -1 }, query);
  }

  /** Requests waiting for one of these providers to accept or decline, soonest first, one page. */
  async requestsFor(providerIds: string[], page: Page): Promise<{ items: BookingDoc[]; total: number }> {
    return this.page({ providerId: { $in: providerIds }, status: 'requested' }, { startsAt: 1 }, page);
  }

  /** Bookings of these providers in one of `statuses` starting in [from, to), in start order. */
  ofProvidersBetween(providerIds: string[], from: Date, to: Date, statuses: readonly StoredStatus[]): Promise<BookingDoc[]> {
    return this.bookings
      .find({ providerId: { $in: providerIds }, status: { $in: [...statuses] }, startsAt: { $gte: from, $lt: to } })
      .sort({ startsAt: 1 })
      .toArray();
  }

  /**
   * Bookings staff may list: one 街道's (or the district's, `streetId` absent) shown bookings that
   * pass the filters, latest start first, one page.
   */
  async ofStreet(query: StreetBookingFilter & Page): Promise<{ items: BookingDoc[]; total: number }> {
    return this.page(streetBookingFilter(query), { startsAt: -1, _id: 1 }, query);
  }

  /**
   * exports: every booking `ofStreet` would list, earliest first, read from one cursor a batch at a
   * time, so an export of a busy year never holds all of it in the function.
   */
  eachOfStreet(query: StreetBookingFilter, batchSize = EXPORT_BATCH): AsyncGenerator<BookingDoc[]> {
    return inBatches(this.bookings.find(streetBookingFilter(query)).sort({ startsAt: 1, _id: 1 }), batchSize);
  }

  /** Escort requests still open (requested, no escort) of one 街道, or of the district when absent. */
  openEscortRequestsOf(streetId: string | undefined): Promise<BookingDoc[]> {
    return this.bookings.find({ service: 'escort', status: 'requested', providerId: null, ...(streetId ? { streetId } : {}) }).toArray();
  }

  /** Active escort bookings (requested or confirmed) overlapping [from, to): what a new request may duplicate. */
  activeEscortsOverlapping(from: Date, to: Date): Promise<BookingDoc[]> {
    return this.bookings.find({ service: 'escort', status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $lt: to }, endsAt: { $gt: from } }).toArray();
  }

  /** Escort requests no escort has claimed and staff have not assigned: the pool. */
  openEscortRequests(): Promise<BookingDoc[]> {
    return this.bookings.find({ service: 'escort', status: 'requested', providerId: null }).toArray();
  }

  /** The provider's active bookings (requested or confirmed) that start after `now`. */
  upcomingActiveOf(providerId: string, now: Date): Promise<BookingDoc[]> {
    return this.bookings.find({ providerId, status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $gt: now } }).toArray();
  }

  /** Every active booking that starts after `now` and has a provider, except those of `exceptService`. */
  upcomingActiveAssigned(now: Date, exceptService: ServiceKind): Promise<BookingDoc[]> {
    return this.bookings
      .find({ service: { $ne: exceptService }, providerId: { $ne: null }, status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $gt: now } })
      .toArray();
  }

  /** Requests whose accept window closed before `now`, at most `limit` (the timer takes the rest next time). */
  requestsDueForExpiry(now: Date, limit: number): Promise<BookingDoc[]> {
    return this.bookings.find({ status: 'requested', acceptBy: { $lt: now } }).limit(limit).toArray();
  }

  /** Creates still in `holding` that began before `before`: interrupted, for repair to resume. */
  stuckInHolding(before: Date): Promise<BookingDoc[]> {
    return this.bookings.find({ status: 'holding', createdAt: { $lt: before } }).toArray();
  }

  /** Bookings in one of `statuses` whose seats and locks have not been given back yet. */
  unreleasedIn(statuses: readonly StoredStatus[]): Promise<BookingDoc[]> {
    return this.bookings.find({ status: { $in: [...statuses] }, released: false }).toArray();
  }

  /**
   * How many bookings start in [from, to), per service, status and 街道 (one 街道 when given),
   * counted by the engine so that a month of the district never travels to the function. Create
   * attempts in progress or failed are not counted. Rows come sorted, so the answer is stable.
   */
  async countsByServiceStatusStreet(window: { from: Date; to: Date; streetId?: string }): Promise<StatusCount[]> {
    const match: Filter<BookingDoc> = { status: { $nin: [...UNSHOWN] }, startsAt: { $gte: window.from, $lt: window.to } };
    if (window.streetId) match.streetId = window.streetId;
    const groups = await this.bookings
      .aggregate<{ _id: { service: ServiceKind; status: StoredStatus; streetId?: string | null }; count: number }>([
        { $match: match },
        { $group: { _id: { service: '$service', status: '$status', streetId: '$streetId' }, count: { $sum: 1 } } },
      ])
      .toArray();
    return groups
      .map(({ _id, count }) => ({ service: _id.service, status: _id.status, streetId: _id.streetId ?? null, count }))
      .sort((a, b) => a.service.localeCompare(b.service) || a.status.localeCompare(b.status) || (a.streetId ?? '').localeCompare(b.streetId ?? ''));
  }

  /**
   * Bookings in one status starting in [from, to) counted per service, 街道 and 社区, and for
   * escorts whether a hardship group was claimed and whether it was free, by the engine (the
   * dashboard's year never travels to the function). One accumulator: FerretDB v1.24 gets only the first right.
   */
  async serviceCountsByPlace(window: { from: Date; to: Date; status: StoredStatus; streetId?: string }): Promise<PlaceCount[]> {
    const match: Filter<BookingDoc> = { status: window.status, startsAt: { $gte: window.from, $lt: window.to } };
    if (window.streetId) match.streetId = window.streetId;
    const groups = await this.bookings
      .aggregate<{ _id: { service: ServiceKind; streetId?: string | null; communityId?: string | null; eligibility?: string | null; check?: string | null; free?: boolean }; count: number }>([
        { $match: match },
        {
          $group: {
            _id: { service: '$service', streetId: '$streetId', communityId: '$communityId', eligibility: '$details.eligibility', check: '$eligibilityCheck.status', free: '$freeOfCharge' },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return groups.map(({ _id, count }) => {
      const claimedHardship = typeof _id.eligibility === 'string' && _id.eligibility !== 'none';
      return {
        service: _id.service,
        streetId: _id.streetId ?? null,
        communityId: _id.communityId ?? null,
        claimedHardship,
        eligible: claimedHardship && (_id.check === 'verified' || _id.check === undefined || _id.check === null),
        free: _id.free === true,
        count,
      };
    });
  }

  private async page(filter: Filter<BookingDoc>, sort: Record<string, 1 | -1>, page: Page): Promise<{ items: BookingDoc[]; total: number }> {
    const [items, total] = await Promise.all([
      this.bookings.find(filter).sort(sort).skip(page.skip).limit(page.limit).toArray(),
      this.bookings.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Applies fields to a booking. Only the winner of a transition (or a create's owner) calls this. */
  async set(id: string, fields: Partial<BookingDoc>): Promise<void> {
    await this.bookings.updateOne({ _id: id }, { $set: fields });
  }

  /**
   * Records transition `seq` of a booking. The unique `_id` makes exactly one concurrent caller win;
   * false tells the loser someone else changed the booking first.
   */
  async recordTransition(doc: TransitionDoc): Promise<boolean> {
    return insertIfNew(this.transitions, doc);
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
