import { resilientCollection } from '../db/resilient-collection';
import { inBatches } from '../db/cursor-batches';
import type { Collection, Db, Filter, FindCursor } from 'mongodb';
import { ACTIVE_BOOKING_STATUSES, reachedOnlyAfterStart, type BookingStatus } from '../../../shared/domain/booking-lifecycle';
import type { BookingDetails } from '../../../shared/schemas/booking-details.schema';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { EligibilityCheck } from '../../../shared/domain/eligibility-check';
import { addDays, districtDateOf, districtDayStart } from '../../../shared/domain/time';
import { BookingDayCounts, DAY_COUNT_FIELDS, daysFrom, startsDayOf, wholeDays, type BookingDayCountsDoc, type DayCountRow } from './booking-day-counts';
import { MetaRepository } from './meta.repository';

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
  /**
   * Transition #1 (the create's decision), stored with the booking since the booking's own insert
   * records it; absent on bookings whose create recorded it in `transitions` (stored in `holding` first).
   */
  firstTransition?: TransitionDoc;
};

/**
 * A booking as stored: with `startsDay`, the district day `startsAt` falls on ('YYYY-MM-DD'),
 * written by this repository with every start (see booking-day-counts.ts); absent on bookings
 * stored before it was kept until `adoptDayKeys` gives them one. Reads leave it out.
 */
export type StoredBooking = BookingDoc & { startsDay?: string };

function readBooking(doc: StoredBooking): BookingDoc {
  const { startsDay: _day, ...booking } = doc;
  return booking;
}

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
      // The per-day look-ups of the staff lists and counts (an equality FerretDB hands to its backend).
      { key: { startsDay: 1, status: 1 }, name: 'by_starts_day' },
    ],
  },
  { collection: 'transitions', indexes: [{ key: { bookingId: 1, seq: 1 }, name: 'by_booking' }, { key: { at: 1 }, name: 'by_time' }] },
];

/** How many documents an export reads from its cursor at a time. */
export const EXPORT_BATCH = 200;

/** A day-count row counts toward the staff list with these filters (as `streetBookingFilter` selects). */
function listedBy(query: StreetBookingFilter, row: DayCountRow): boolean {
  if (query.status ? row.status !== query.status : UNSHOWN.includes(row.status)) return false;
  if (query.streetId && row.streetId !== query.streetId) return false;
  if (query.service && row.service !== query.service) return false;
  if (query.stationId && row.stationId !== query.stationId) return false;
  if (query.communityId && row.communityId !== query.communityId) return false;
  return true;
}

/** The staff list's order: latest start first, then by id. */
function latestFirst(a: BookingDoc, b: BookingDoc): number {
  return b.startsAt.getTime() - a.startsAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

function byServiceStatusStreet(a: StatusCount, b: StatusCount): number {
  return a.service.localeCompare(b.service) || a.status.localeCompare(b.status) || (a.streetId ?? '').localeCompare(b.streetId ?? '');
}

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

/** Recorded in `meta` once every stored booking carries `startsDay`; its value holds the first day booked. */
const DAY_KEYS_FACT = 'bookings.day_keys';
/** How long an instance trusts "not yet adopted" before asking again (the old look-ups stay correct meanwhile). */
const FACT_RECHECK_MS = 60_000;
/** How many older bookings one `adoptDayKeys` call gives their day, and how many updates it sends at once. */
const ADOPT_BATCH = 5000;
const ADOPT_AT_ONCE = 25;

type DayKeysFact = { firstDay: string };

/**
 * One place count from its grouped fields, whichever way they were counted (day rows or the engine's
 * grouping): the hardship rule is here once. A claim with no check recorded counts as eligible; a pending one does not.
 */
function placeCountOf(g: { service: ServiceKind; streetId?: string | null; communityId?: string | null; eligibility?: string | null; check?: string | null; free?: boolean }, count: number): PlaceCount {
  const claimedHardship = typeof g.eligibility === 'string' && g.eligibility !== 'none';
  return {
    service: g.service,
    streetId: g.streetId ?? null,
    communityId: g.communityId ?? null,
    claimedHardship,
    eligible: claimedHardship && (g.check === 'verified' || g.check === undefined || g.check === null),
    free: g.free === true,
    count,
  };
}

export class BookingRepository {
  private readonly bookings: Collection<StoredBooking>;
  private readonly transitions: Collection<TransitionDoc>;
  private readonly services: Collection<{ _id: string; horizonDays: number }>;
  private readonly meta: MetaRepository;
  private readonly dayCounts: BookingDayCounts;
  /** The fact once seen (it never goes back); else when it was last found missing. */
  private dayKeys: DayKeysFact | number | null = null;

  constructor(db: Db) {
    this.bookings = resilientCollection<StoredBooking>(db, 'bookings');
    this.transitions = resilientCollection<TransitionDoc>(db, 'transitions');
    this.services = resilientCollection<{ _id: string; horizonDays: number }>(db, 'services');
    this.meta = new MetaRepository(db);
    this.dayCounts = new BookingDayCounts(this.bookings, resilientCollection<BookingDayCountsDoc>(db, 'booking_day_counts'));
  }

  private findBookings(filter: Filter<StoredBooking>): FindCursor<BookingDoc> {
    return this.bookings.find(filter).map(readBooking);
  }

  private async findOneBooking(filter: Filter<StoredBooking>): Promise<BookingDoc | null> {
    const doc = await this.bookings.findOne(filter);
    return doc && readBooking(doc);
  }

  /** Inserts the booking unless one with this id (the same request) exists; returns what is stored. */
  async insertOrGet(doc: BookingDoc): Promise<{ booking: BookingDoc; created: boolean }> {
    try {
      await this.bookings.insertOne({ ...doc, startsDay: startsDayOf(doc.startsAt) });
      return { booking: doc, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findOneBooking({ _id: doc._id });
      if (!existing) throw error;
      return { booking: existing, created: false };
    }
  }

  findById(id: string): Promise<BookingDoc | null> {
    return this.findOneBooking({ _id: id });
  }

  /** A booker's own bookings (one status, or every status shown), latest start first, one page. */
  async ofBooker(bookerId: string, query: { status?: BookingStatus } & Page): Promise<{ items: BookingDoc[]; total: number }> {
    return this.page({ bookerId, status: query.status ?? { $nin: [...UNSHOWN] } }, { startsAt: -1 }, query);
  }

  /** Requests waiting for one of these providers to accept or decline, soonest first, one page. */
  async requestsFor(providerIds: string[], page: Page): Promise<{ items: BookingDoc[]; total: number }> {
    return this.page({ providerId: { $in: providerIds }, status: 'requested' }, { startsAt: 1 }, page);
  }

  /**
   * Bookings of these providers in one of `statuses` starting in [from, to), in start order. Whole
   * district days are read one provider and day at a time (equalities the index serves).
   */
  async ofProvidersBetween(providerIds: string[], from: Date, to: Date, statuses: readonly StoredStatus[]): Promise<BookingDoc[]> {
    const days = wholeDays(from, to);
    if (days?.from && days.to && (await this.dayKeysFact())) {
      const lists = await Promise.all(daysFrom(days.from, days.to).flatMap((day) => providerIds.map((providerId) => this.findBookings({ providerId, startsDay: day }).toArray())));
      return lists
        .flat()
        .filter((b) => statuses.includes(b.status))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    }
    return this.bookings
      .find({ providerId: { $in: providerIds }, status: { $in: [...statuses] }, startsAt: { $gte: from, $lt: to } })
      .sort({ startsAt: 1 })
      .toArray();
  }

  /**
   * Bookings staff may list: one 街道's (or the district's, `streetId` absent) shown bookings that
   * pass the filters, latest start first, one page.
   */
  async ofStreet(query: StreetBookingFilter & Page & { now?: Date }): Promise<{ items: BookingDoc[]; total: number }> {
    const days = wholeDays(query.from, query.to);
    const fact = days && query.now && (await this.dayKeysFact());
    if (!days || !fact || !query.now) return this.page(streetBookingFilter(query), { startsAt: -1, _id: 1 }, query);
    // The day counts say how many each day lists and so which days hold the page; only those are read.
    const counted = await this.countedDays(days, fact, query.now);
    const perDay = [...counted].reverse().map(([day, rows]) => ({ day, n: rows.filter((row) => listedBy(query, row)).reduce((sum, row) => sum + row.n, 0) }));
    const total = perDay.reduce((sum, d) => sum + d.n, 0);
    const wanted: string[] = [];
    let before = 0;
    let offset = 0;
    for (const { day, n } of perDay) {
      if (n > 0 && before + n > query.skip && before < query.skip + query.limit) {
        if (wanted.length === 0) offset = query.skip - before;
        wanted.push(day);
      }
      before += n;
    }
    const { status: _status, startsAt: _range, ...equalities } = streetBookingFilter(query);
    const lists = await Promise.all(wanted.map((day) => this.findBookings({ ...equalities, ...(query.status ? { status: query.status } : {}), startsDay: day }).toArray()));
    const items = lists
      .map((list) => list.filter((b) => (query.status ? true : !UNSHOWN.includes(b.status))).sort(latestFirst))
      .flat()
      .slice(offset, offset + query.limit);
    return { items, total };
  }

  /**
   * exports: every booking `ofStreet` would list, earliest first, read from one cursor a batch at a
   * time, so an export of a busy year never holds all of it in the function.
   */
  eachOfStreet(query: StreetBookingFilter, batchSize = EXPORT_BATCH): AsyncGenerator<BookingDoc[]> {
    return inBatches(this.findBookings(streetBookingFilter(query)).sort({ startsAt: 1, _id: 1 }), batchSize);
  }

  /** Escort requests still open (requested, no escort) of one 街道, or of the district when absent. */
  openEscortRequestsOf(streetId: string | undefined): Promise<BookingDoc[]> {
    return this.findBookings({ service: 'escort', status: 'requested', providerId: null, ...(streetId ? { streetId } : {}) }).toArray();
  }

  /** Active escort bookings (requested or confirmed) overlapping [from, to): what a new request may duplicate. */
  activeEscortsOverlapping(from: Date, to: Date): Promise<BookingDoc[]> {
    return this.findBookings({ service: 'escort', status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $lt: to }, endsAt: { $gt: from } }).toArray();
  }

  /** Escort requests no escort has claimed and staff have not assigned: the pool. */
  openEscortRequests(): Promise<BookingDoc[]> {
    return this.findBookings({ service: 'escort', status: 'requested', providerId: null }).toArray();
  }

  /** The provider's active bookings (requested or confirmed) that start after `now`. */
  upcomingActiveOf(providerId: string, now: Date): Promise<BookingDoc[]> {
    return this.findBookings({ providerId, status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $gt: now } }).toArray();
  }

  /** Every active booking that starts after `now` and has a provider, except those of `exceptService`. */
  upcomingActiveAssigned(now: Date, exceptService: ServiceKind): Promise<BookingDoc[]> {
    return this.bookings
      .find({ service: { $ne: exceptService }, providerId: { $ne: null }, status: { $in: [...ACTIVE_BOOKING_STATUSES] }, startsAt: { $gt: now } })
      .toArray();
  }

  /** Requests whose accept window closed before `now`, at most `limit` (the timer takes the rest next time). */
  requestsDueForExpiry(now: Date, limit: number): Promise<BookingDoc[]> {
    return this.findBookings({ status: 'requested', acceptBy: { $lt: now } }).limit(limit).toArray();
  }

  /** Creates still in `holding` that began before `before`: interrupted, for repair to resume. */
  stuckInHolding(before: Date): Promise<BookingDoc[]> {
    return this.findBookings({ status: 'holding', createdAt: { $lt: before } }).toArray();
  }

  /** Bookings in one of `statuses` whose seats and locks have not been given back yet. */
  unreleasedIn(statuses: readonly StoredStatus[]): Promise<BookingDoc[]> {
    return this.findBookings({ status: { $in: [...statuses] }, released: false }).toArray();
  }

  /**
   * How many bookings start in [from, to), per service, status and 街道 (one 街道 when given),
   * counted by the engine so that a month of the district never travels to the function. Create
   * attempts in progress or failed are not counted. Rows come sorted, so the answer is stable.
   */
  async countsByServiceStatusStreet(window: { from: Date; to: Date; streetId?: string; now?: Date }): Promise<StatusCount[]> {
    const dayRows = await this.dayRowsOf(window);
    if (dayRows) {
      const sums = new Map<string, StatusCount>();
      for (const row of dayRows) {
        if (UNSHOWN.includes(row.status) || (window.streetId && row.streetId !== window.streetId)) continue;
        const key = JSON.stringify([row.service, row.status, row.streetId]);
        const sum = sums.get(key) ?? { service: row.service, status: row.status, streetId: row.streetId, count: 0 };
        sum.count += row.n;
        sums.set(key, sum);
      }
      return [...sums.values()].sort(byServiceStatusStreet);
    }
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
      .sort(byServiceStatusStreet);
  }

  /**
   * Bookings in one status starting in [from, to) counted per service, 街道 and 社区, and for
   * escorts whether a hardship group was claimed and whether it was free, by the engine (the
   * dashboard's year never travels to the function). One accumulator: FerretDB v1.24 gets only the first right.
   */
  async serviceCountsByPlace(window: { from: Date; to: Date; status: StoredStatus; streetId?: string; now?: Date }): Promise<PlaceCount[]> {
    // A status reached only after the start (completed, no-show) is on no day after today: the days
    // ahead of a year's window need not be read.
    const tomorrow = window.now && reachedOnlyAfterStart(window.status) ? districtDayStart(addDays(districtDateOf(window.now), 1)) : null;
    const dayRows = await this.dayRowsOf(tomorrow && tomorrow < window.to ? { ...window, to: tomorrow } : window);
    if (dayRows) {
      const sums = new Map<string, PlaceCount>();
      for (const row of dayRows) {
        if (row.status !== window.status || (window.streetId && row.streetId !== window.streetId)) continue;
        const key = JSON.stringify([row.service, row.streetId, row.communityId, row.eligibility, row.check, row.free]);
        const sum = sums.get(key) ?? placeCountOf(row, 0);
        sum.count += row.n;
        sums.set(key, sum);
      }
      return [...sums.values()];
    }
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
    return groups.map(({ _id, count }) => placeCountOf(_id, count));
  }

  /** Bookings given (completed) per service, of sessions starting in [from, to): one month of a pace line. */
  async completedByService(window: { from: Date; to: Date; streetId: string | null; now?: Date }): Promise<Map<ServiceKind, number>> {
    const rows = await this.serviceCountsByPlace({ from: window.from, to: window.to, status: 'completed', ...(window.streetId ? { streetId: window.streetId } : {}), now: window.now });
    const counts = new Map<ServiceKind, number>();
    for (const row of rows) counts.set(row.service, (counts.get(row.service) ?? 0) + row.count);
    return counts;
  }

  private async page(filter: Filter<StoredBooking>, sort: Record<string, 1 | -1>, page: Page): Promise<{ items: BookingDoc[]; total: number }> {
    const [items, total] = await Promise.all([
      this.findBookings(filter).sort(sort).skip(page.skip).limit(page.limit).toArray(),
      this.bookings.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Applies fields to a booking. Only the winner of a transition (or a create's owner) calls this. */
  async set(id: string, fields: Partial<BookingDoc>): Promise<void> {
    await this.bookings.updateOne({ _id: id }, { $set: fields.startsAt ? { ...fields, startsDay: startsDayOf(fields.startsAt) } : fields });
  }

  /**
   * Gives bookings stored without `startsDay` their day, at most `ADOPT_BATCH` a call, and once
   * none is left records that all have one, with the first day anyone booked (once per database;
   * the repair timer calls it, so a year of older bookings is done over its first few runs).
   * Bookings written meanwhile carry the key already; until the fact is recorded the lists and
   * counts use the look-ups that need no key. One `_id` update each, a few at once: FerretDB runs
   * the statements of one bulk write one after another and took far longer that way.
   * Returns how many were given one.
   */
  async adoptDayKeys(now: Date): Promise<number> {
    if (await this.dayKeysFact()) return 0;
    const all = await this.bookings.find({}, { projection: { _id: 1, startsAt: 1, startsDay: 1 } }).toArray();
    const missing = all.filter((b) => b.startsDay === undefined);
    const batch = missing.slice(0, ADOPT_BATCH);
    for (let start = 0; start < batch.length; start += ADOPT_AT_ONCE) {
      await Promise.all(batch.slice(start, start + ADOPT_AT_ONCE).map((b) => this.bookings.updateOne({ _id: b._id }, { $set: { startsDay: startsDayOf(b.startsAt) } })));
    }
    if (missing.length > batch.length) return batch.length;
    // No booking is made for a past day, so none will start before the first one stored now (or today).
    const firstDay = all.reduce((first, b) => (startsDayOf(b.startsAt) < first ? startsDayOf(b.startsAt) : first), districtDateOf(now));
    await this.meta.markOnce(DAY_KEYS_FACT, now, { firstDay } satisfies DayKeysFact);
    this.dayKeys = null;
    await this.dayKeysFact();
    return batch.length;
  }

  /**
   * Counts and stores every settled day from the first day booked to yesterday that is not stored
   * yet (the repair timer calls it, so a list's first look at the year finds them counted; a day
   * nobody stored is counted when it is first read). Returns how many days were looked at.
   */
  async settleDays(now: Date): Promise<number> {
    const fact = await this.dayKeysFact();
    if (!fact) return 0;
    const yesterday = addDays(districtDateOf(now), -1);
    return (await this.dayCounts.between(fact.firstDay, yesterday, now)).size;
  }

  /**
   * The day rows of a window of whole district days, once every booking has its day key; null when
   * the window (or a call without `now`) must be counted from the bookings themselves.
   */
  private async dayRowsOf(window: { from: Date; to: Date; now?: Date }): Promise<DayCountRow[] | null> {
    const days = wholeDays(window.from, window.to);
    const fact = days && window.now ? await this.dayKeysFact() : null;
    if (!days || !fact || !window.now) return null;
    return [...(await this.countedDays(days, fact, window.now)).values()].flat();
  }

  private async dayKeysFact(): Promise<DayKeysFact | null> {
    if (this.dayKeys !== null && typeof this.dayKeys === 'object') return this.dayKeys;
    if (typeof this.dayKeys === 'number' && Date.now() - this.dayKeys < FACT_RECHECK_MS) return null;
    const fact = await this.meta.get(DAY_KEYS_FACT);
    if (fact) return (this.dayKeys = fact.value as DayKeysFact);
    this.dayKeys = Date.now();
    return null;
  }

  /**
   * The day counts of [from, to], each end defaulting to the first or last day any booking can
   * start on: the first day booked, and the furthest a booking can be made ahead (the longest
   * horizon of the services) or the latest day a booking still open starts on.
   */
  private async countedDays(days: { from?: string; to?: string }, fact: DayKeysFact, now: Date): Promise<Map<string, DayCountRow[]>> {
    const from = days.from && days.from > fact.firstDay ? days.from : fact.firstDay;
    const to = days.to ?? (await this.lastBookableDay(now));
    return this.dayCounts.between(from, to, now);
  }

  private async lastBookableDay(now: Date): Promise<string> {
    const [services, ...open] = await Promise.all([
      this.services.find({}, { projection: { horizonDays: 1 } }).toArray(),
      ...(['holding', ...ACTIVE_BOOKING_STATUSES] as const).map((status) => this.bookings.find({ status }, { projection: { startsAt: 1 } }).toArray()),
    ]);
    const horizon = Math.max(0, ...services.map((s) => s.horizonDays ?? 0));
    let last = addDays(districtDateOf(now), horizon + 1);
    for (const b of open.flat()) if (startsDayOf(b.startsAt) > last) last = startsDayOf(b.startsAt);
    return last;
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

  /** Every transition of the booking in order, its first one included wherever it is kept. */
  async history(booking: Pick<BookingDoc, '_id' | 'firstTransition'>): Promise<TransitionDoc[]> {
    const recorded = await this.transitions.find({ bookingId: booking._id }).sort({ seq: 1 }).toArray();
    return booking.firstTransition && !recorded.some((t) => t.seq === 1) ? [booking.firstTransition, ...recorded] : recorded;
  }

  transitionsSince(since: Date): Promise<TransitionDoc[]> {
    return this.transitions.find({ at: { $gte: since } }).toArray();
  }
}
