/**
 * The staff lists and counts read through the bookings' day key (`startsDay`) and the stored
 * counts of settled days (booking-day-counts.ts) answer exactly what the look-ups without them
 * answer, on the real engine: for bookings stored before the key existed (written straight into
 * the collection, as an older deploy left them) once `adoptDayKeys` has given them one, for
 * bookings the repository stores now, for days counted from their bookings and days read back
 * from their stored counts, and after a booking of an open past day changes; and a rescheduled booking moves to its new day.
 */
import type { BookingDoc, StoredStatus } from '../../cloudfunctions/core/repositories/booking.repository';
import type { ServiceKind } from '../../shared/domain/service-kinds';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** District 2026-12-01 10:00. */
const now = new Date('2026-12-01T02:00:00Z');
/** District day `day` of November (or December when above 30) at `hour` district time. */
const on = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour - 8));
/** District midnight starting the day. */
const midnight = (day: number) => on(day, 0);

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  // The longest horizon bounds how far ahead any booking can start.
  await t.db.collection('services').insertOne({ _id: 'advisor' as never, horizonDays: 14 });
});
afterEach(async () => {
  await t.close();
});

let seq = 0;
function booking(fields: Partial<BookingDoc> & { status: StoredStatus; startsAt: Date }): BookingDoc {
  seq += 1;
  const service: ServiceKind = fields.service ?? 'advisor';
  return {
    _id: `dk${String(seq).padStart(3, '0')}`, requestId: `req-${seq}`, service, bookerId: 'us-booker', personKey: 'us-booker', forFamily: null,
    contactPhone: '13800000001', providerId: 'pv-a', stationId: 'sn-a', streetId: 'st-a', communityId: 'cm-a',
    pool: `slot:pv-a:${fields.startsAt.toISOString()}`, poolCapacity: 1, endsAt: new Date(fields.startsAt.getTime() + 30 * 60_000),
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, freeOfCharge: true, version: 1,
    acceptBy: null, reason: null, serviceNotes: null, failure: null, released: false, createdAt: now, updatedAt: now,
    ...fields,
  };
}

const escort = (eligibility: 'none' | 'dibao', check: 'verified' | 'pending' | null) => ({
  service: 'escort' as const,
  providerId: 'pv-escort',
  stationId: null,
  details: { kind: 'escort' as const, hospital: '医院', department: '内科', pickupAddress: '东门', mobilityAids: [], eligibility, streetId: 'st-a' },
  ...(check ? { eligibilityCheck: { status: check, reason: null, decidedAt: check === 'pending' ? null : now } } : {}),
});

/** A year's worth in small: several past days, today, ahead; every status; two 街道, stations, 社区. */
function theYear(): BookingDoc[] {
  return [
    booking({ status: 'completed', startsAt: on(20, 9) }),
    booking({ status: 'completed', startsAt: on(20, 11), streetId: 'st-b', communityId: 'cm-b', stationId: 'sn-b' }),
    booking({ status: 'cancelled', startsAt: on(20, 11) }),
    booking({ status: 'failed', startsAt: on(20, 12) }),
    booking({ status: 'no_show', startsAt: on(21, 8), communityId: undefined }),
    booking({ status: 'completed', startsAt: on(21, 9), ...escort('dibao', 'verified'), freeOfCharge: true }),
    booking({ status: 'completed', startsAt: on(21, 10), ...escort('dibao', null), freeOfCharge: false }),
    booking({ status: 'completed', startsAt: on(21, 10), ...escort('none', null), freeOfCharge: false }),
    booking({ status: 'declined', startsAt: on(22, 15), service: 'counseling', details: { kind: 'counseling', format: 'individual', topic: 'premarital' } }),
    // A past day still open: counted from its bookings until it settles.
    booking({ status: 'confirmed', startsAt: on(25, 9) }),
    booking({ status: 'completed', startsAt: on(25, 10) }),
    booking({ status: 'expired', startsAt: on(28, 16) }),
    // Late evening and just after midnight: the district day, not UTC's.
    booking({ status: 'completed', startsAt: on(29, 23) }),
    booking({ status: 'completed', startsAt: on(30, 0) }),
    // Today and ahead.
    booking({ status: 'requested', startsAt: on(31, 14) }),
    booking({ status: 'holding', startsAt: on(32, 9) }),
    booking({ status: 'cancelled', startsAt: on(33, 9) }),
    booking({ status: 'confirmed', startsAt: on(34, 9), ...escort('dibao', 'pending') }),
  ];
}

type Answers = Record<string, unknown>;

/** Every question asked twice: through the day keys (with `now`) or without them (no `now`). */
async function answers(withDays: boolean): Promise<Answers> {
  const repo = t.app.repos.bookings;
  const at = withDays ? { now } : {};
  const out: Answers = {};
  const lists: Record<string, Parameters<typeof repo.ofStreet>[0]> = {
    all: { skip: 0, limit: 100 },
    firstPage: { skip: 0, limit: 3 },
    middlePage: { skip: 4, limit: 5 },
    pastTheEnd: { skip: 40, limit: 5 },
    street: { streetId: 'st-a', skip: 1, limit: 4 },
    completed: { status: 'completed', skip: 0, limit: 100 },
    cancelled: { status: 'cancelled', skip: 0, limit: 100 },
    escort: { service: 'escort', skip: 0, limit: 100 },
    station: { stationId: 'sn-b', skip: 0, limit: 100 },
    community: { communityId: 'cm-a', skip: 2, limit: 3 },
    window: { from: midnight(21), to: midnight(26), skip: 1, limit: 10 },
    fromOnly: { from: midnight(29), skip: 0, limit: 100 },
    toOnly: { to: midnight(22), skip: 0, limit: 100 },
  };
  for (const [name, query] of Object.entries(lists)) out[`ofStreet ${name}`] = await repo.ofStreet({ ...query, ...at });
  out.counts = await repo.countsByServiceStatusStreet({ from: midnight(1), to: midnight(40), ...at });
  out.countsOfStreet = await repo.countsByServiceStatusStreet({ from: midnight(20), to: midnight(26), streetId: 'st-b', ...at });
  const sortPlaces = (rows: Awaited<ReturnType<typeof repo.serviceCountsByPlace>>) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  out.places = sortPlaces(await repo.serviceCountsByPlace({ from: midnight(1), to: midnight(31), status: 'completed', ...at }));
  out.placesOfStreet = sortPlaces(await repo.serviceCountsByPlace({ from: midnight(1), to: midnight(31), status: 'completed', streetId: 'st-a', ...at }));
  out.completedByService = Object.fromEntries(await repo.completedByService({ from: midnight(1), to: midnight(31), streetId: null, ...at }));
  out.completedOfStreet = Object.fromEntries(await repo.completedByService({ from: midnight(21), to: midnight(22), streetId: 'st-a', ...at }));
  out.escortDay = await repo.ofProvidersBetween(['pv-escort', 'pv-a'], midnight(21), midnight(22), ['completed', 'no_show']);
  return out;
}

describe('the staff lists and counts by day', () => {
  it('answer as before for bookings stored without the day key, once it is adopted, and as they change', async () => {
    const year = theYear();
    // Stored by an older deploy: straight into the collection, no day key.
    await t.db.collection<BookingDoc>('bookings').insertMany(year.slice(0, 12));
    // Stored now: the repository adds the key.
    for (const doc of year.slice(12)) await t.app.repos.bookings.insertOrGet(doc);
    const before = await answers(false);
    expect((before['ofStreet all'] as { total: number }).total).toBe(16);

    // Not adopted yet: the day path is not taken (the same look-ups answer).
    expect(await answers(true)).toEqual(before);
    expect(await t.app.repos.bookings.adoptDayKeys(now)).toBe(12);
    expect(await t.app.repos.bookings.adoptDayKeys(now)).toBe(0);
    expect(await t.db.collection('bookings').countDocuments({ startsDay: { $exists: false } })).toBe(0);
    expect(await t.db.collection('bookings').findOne({ _id: year[12]!._id as never })).toMatchObject({ startsDay: '2026-11-29' });
    expect(await t.db.collection('bookings').findOne({ _id: year[13]!._id as never })).toMatchObject({ startsDay: '2026-11-30' });
    // Reads never show the key.
    expect(await t.app.repos.bookings.findById(year[0]!._id)).toEqual(year[0]);

    // Through the day keys, every day counted from its bookings; then from stored counts.
    expect(await answers(true)).toEqual(before);
    expect(await t.app.repos.bookings.settleDays(now)).toBeGreaterThan(0);
    const settled = await t.db.collection<{ _id: string }>('booking_day_counts').find({}).toArray();
    const days = settled.map((d) => d._id).sort();
    // Past days with no open booking only: not the 25th (confirmed), not today or later.
    expect(days).toContain('2026-11-20');
    expect(days).toContain('2026-11-30');
    expect(days).not.toContain('2026-11-25');
    expect(days.every((d) => d < '2026-12-01')).toBe(true);
    expect(await answers(true)).toEqual(before);

    // The open past day moves on; a new booking ahead; a fresh instance (no cached fact) agrees too.
    await t.app.repos.bookings.set(year[9]!._id, { status: 'completed' });
    await t.app.repos.bookings.insertOrGet(booking({ status: 'requested', startsAt: on(40, 9), streetId: 'st-b' }));
    const changed = await answers(false);
    expect(changed).not.toEqual(before);
    expect(await answers(true)).toEqual(changed);
  });

  it('a rescheduled booking carries the day of its new start', async () => {
    const doc = booking({ status: 'confirmed', startsAt: on(33, 9) });
    await t.app.repos.bookings.insertOrGet(doc);
    await t.app.repos.bookings.set(doc._id, { startsAt: on(34, 23) });
    expect(await t.db.collection('bookings').findOne({ _id: doc._id as never })).toMatchObject({ startsDay: '2026-12-04' });
  });
});
