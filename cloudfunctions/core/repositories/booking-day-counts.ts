import type { Collection } from 'mongodb';
import { addDays, districtDateOf, districtDayStart } from '../../../shared/domain/time';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { CollectionIndexes } from '../db/indexes';
import { InFlight } from '../db/in-flight';
import { insertIfNew } from '../db/insert-if-new';
import type { BookingDoc, StoredBooking, StoredStatus } from './booking.repository';

/**
 * Bookings counted per district day of their start, for the staff lists and counts over a year.
 *
 * FerretDB reads every row its pushed-down filter matches and decodes it (about 0.3 ms a booking),
 * so counting a year of a district (30,000 bookings) took 10 s and more however the query was put.
 * A day's counts are a handful of small rows; the counts of a settled day are stored once
 * (`booking_day_counts`, `_id` = the day) and read back instead of its bookings.
 *
 * A day is settled when it is over (before the district's today) and none of its bookings can
 * change any more: every one is in a final status (no `holding`, `requested` or `confirmed`). Final
 * statuses have no transition out (shared/domain/booking-lifecycle.ts), and nothing is booked or
 * moved into a past day (creates and reschedules take offered, future slots only), so a settled
 * day's counts never change. The stored document is inserted by unique `_id`: two instances
 * settling the same day write the same counts, and the second insert is refused.
 * Other days (today, the future, a past day with a booking still open) are counted from their
 * bookings each time, one indexed equality (`startsDay`) per day.
 */

/** The fields a day's counts are kept by: every filter the staff lists and counts use. */
export type DayCountRow = {
  service: ServiceKind;
  status: StoredStatus;
  streetId: string | null;
  communityId: string | null;
  stationId: string | null;
  /** The hardship group an escort request claims (`details.eligibility`), null for other services. */
  eligibility: string | null;
  /** Staff's check of that claim (`eligibilityCheck.status`), null when none is recorded. */
  check: string | null;
  free: boolean;
  n: number;
};

/**
 * A settled day's counts. The rows are kept as one JSON string: FerretDB decodes a document field by
 * field, and a year of days with their rows as objects took 2 s to read back; as one string, a few ms.
 */
export type BookingDayCountsDoc = { _id: string; year: string; rows: string; settledAt: Date };

const FIELDS = ['service', 'status', 'streetId', 'communityId', 'stationId', 'eligibility', 'check', 'free', 'n'] as const;

function packRows(rows: DayCountRow[]): string {
  return JSON.stringify(rows.map((row) => FIELDS.map((field) => row[field])));
}

function unpackRows(packed: string): DayCountRow[] {
  return (JSON.parse(packed) as unknown[][]).map((values) => Object.fromEntries(FIELDS.map((field, i) => [field, values[i]])) as DayCountRow);
}

export const bookingDayCountIndexes: CollectionIndexes[] = [{ collection: 'booking_day_counts', indexes: [{ key: { year: 1 }, name: 'by_year' }] }];

/** Statuses a booking can still leave: a day holding one is not settled. */
const OPEN: readonly StoredStatus[] = ['holding', 'requested', 'confirmed'];

/** How many days are counted from their bookings at once. */
const LIVE_DAYS_AT_ONCE = 8;

/** The projection a day's counts need: what `rowsOf` reads. */
export const DAY_COUNT_FIELDS = { _id: 0, service: 1, status: 1, streetId: 1, communityId: 1, stationId: 1, details: 1, eligibilityCheck: 1, freeOfCharge: 1 } as const;

type Counted = Pick<BookingDoc, 'service' | 'status' | 'streetId' | 'communityId' | 'stationId' | 'details' | 'eligibilityCheck' | 'freeOfCharge'>;

/** The district day a booking starts on: the derived key `startsDay` the repository writes. */
export function startsDayOf(startsAt: Date): string {
  return districtDateOf(startsAt);
}

/** The bookings' counts, one row per distinct combination of the kept fields. */
export function rowsOf(bookings: Counted[]): DayCountRow[] {
  const rows = new Map<string, DayCountRow>();
  for (const b of bookings) {
    const row: DayCountRow = {
      service: b.service,
      status: b.status,
      streetId: b.streetId ?? null,
      communityId: b.communityId ?? null,
      stationId: b.stationId ?? null,
      eligibility: b.details?.kind === 'escort' ? (b.details.eligibility ?? null) : null,
      check: b.eligibilityCheck?.status ?? null,
      free: b.freeOfCharge === true,
      n: 0,
    };
    const key = JSON.stringify([row.service, row.status, row.streetId, row.communityId, row.stationId, row.eligibility, row.check, row.free]);
    const found = rows.get(key) ?? row;
    found.n += 1;
    rows.set(key, found);
  }
  return [...rows.values()];
}

/** Every calendar day from `from` to `to`, both included, in order. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * [from, to) as district days (the last one included), or null when either end is not a district
 * midnight: such a window is counted from the bookings themselves.
 */
export function wholeDays(from: Date | undefined, to: Date | undefined): { from?: string; to?: string } | null {
  const fromDay = from ? districtDateOf(from) : undefined;
  if (from && districtDayStart(fromDay!).getTime() !== from.getTime()) return null;
  const toDay = to ? districtDateOf(to) : undefined;
  if (to && districtDayStart(toDay!).getTime() !== to.getTime()) return null;
  return { ...(fromDay ? { from: fromDay } : {}), ...(toDay ? { to: addDays(toDay, -1) } : {}) };
}

export class BookingDayCounts {
  /** Settled days already read: they never change, so an instance reads each once. */
  private readonly settled = new Map<string, DayCountRow[]>();
  /** A year's stored days being read now: concurrent callers (the dashboard's months) share one read. */
  private readonly reading = new InFlight<void>();
  /** Days being counted from their bookings now, shared by concurrent callers. */
  private readonly counting = new InFlight<DayCountRow[]>();

  constructor(
    private readonly bookings: Collection<StoredBooking>,
    private readonly counts: Collection<BookingDayCountsDoc>,
  ) {}

  /** Each day of [from, to] (both included), in order, with its rows; a day without bookings has none. */
  async between(from: string, to: string, now: Date): Promise<Map<string, DayCountRow[]>> {
    const days = from <= to ? daysFrom(from, to) : [];
    const result = new Map<string, DayCountRow[]>();
    if (days.length === 0) return result;
    for (const day of days) {
      const known = this.settled.get(day);
      if (known) result.set(day, known);
    }
    const today = districtDateOf(now);
    // The stored days of the years not yet all known (a past day unknown here may be stored by now).
    const years = [...new Set(days.filter((day) => !result.has(day) && day < today).map((day) => day.slice(0, 4)))];
    await Promise.all(years.map((year) => this.readYear(year)));
    for (const day of days) {
      const known = this.settled.get(day);
      if (known) result.set(day, known);
    }
    const live = days.filter((day) => !result.has(day));
    for (let start = 0; start < live.length; start += LIVE_DAYS_AT_ONCE) {
      await Promise.all(live.slice(start, start + LIVE_DAYS_AT_ONCE).map(async (day) => result.set(day, await this.countLive(day, today, now))));
    }
    return new Map(days.map((day) => [day, result.get(day) ?? []]));
  }

  /**
   * A day counted from its bookings, stored once settled. Callers asking for the same day at the same
   * time share one read (the dashboard asks for the year's counts and the month's beside them, and
   * both cover today and the days ahead); a later call reads it again, as it may have changed.
   */
  private countLive(day: string, today: string, now: Date): Promise<DayCountRow[]> {
    return this.counting.run(day, async () => {
      const bookings = await this.bookings.find({ startsDay: day }, { projection: DAY_COUNT_FIELDS }).toArray();
      const rows = rowsOf(bookings);
      if (day < today && !bookings.some((b) => OPEN.includes(b.status))) {
        await insertIfNew(this.counts, { _id: day, year: day.slice(0, 4), rows: packRows(rows), settledAt: now });
        this.settled.set(day, rows);
      }
      return rows;
    });
  }

  private readYear(year: string): Promise<void> {
    return this.reading.run(year, async () => {
      for (const doc of await this.counts.find({ year }).toArray()) this.settled.set(doc._id, unpackRows(doc.rows));
    });
  }
}
