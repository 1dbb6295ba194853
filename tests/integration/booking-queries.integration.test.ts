/**
 * The named questions the booking repository answers, asked of the real engine: which bookings each
 * one returns and which it leaves out, and the staff counts, which the engine aggregates
 * (`$match` + `$group`) instead of the function loading every booking. Real: the engine and the
 * repository, on a fresh database per test; the documents are written directly, so each case shows
 * exactly what it asks about.
 */
import type { BookingDoc, StoredStatus } from '../../cloudfunctions/core/repositories/booking.repository';
import type { ServiceKind } from '../../shared/domain/service-kinds';
import { createTestApp, type TestApp } from '../helpers/test-app';

const now = new Date('2026-12-01T02:00:00Z');
const at = (day: number, hourUtc = 1) => new Date(Date.UTC(2026, 11, day, hourUtc));

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

let seq = 0;
async function put(fields: Partial<BookingDoc> & { status: StoredStatus }): Promise<BookingDoc> {
  seq += 1;
  const service: ServiceKind = fields.service ?? 'advisor';
  const startsAt = fields.startsAt ?? at(10);
  const doc: BookingDoc = {
    _id: `bq${seq}`, requestId: `req-${seq}`, service, bookerId: 'us-booker', personKey: 'us-booker', forFamily: null,
    contactPhone: '13800000001', providerId: 'pv-a', stationId: null, streetId: 'st-a',
    pool: `slot:pv-a:${startsAt.toISOString()}`, poolCapacity: 1, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, freeOfCharge: true, version: 1,
    acceptBy: null, reason: null, serviceNotes: null, failure: null, released: false, createdAt: now, updatedAt: now,
    ...fields,
  };
  await t.app.repos.bookings.insertOrGet(doc);
  return doc;
}
const ids = (docs: BookingDoc[]) => docs.map((d) => d._id);
/** For the questions that promise no order. */
const idSet = (docs: BookingDoc[]) => new Set(ids(docs));

describe('countsByServiceStatusStreet', () => {
  it('counts per service, status and 街道 in the window, without create attempts, sorted', async () => {
    // Window: 2026-12-20 00:00 (inclusive) to 2026-12-22 00:00 (exclusive), UTC instants.
    const from = at(20, 0);
    const to = at(22, 0);
    await put({ status: 'requested', startsAt: at(20, 0), streetId: 'st-w1' });
    await put({ status: 'requested', startsAt: at(21, 23), streetId: 'st-w1' });
    await put({ status: 'confirmed', startsAt: at(21), streetId: 'st-w1' });
    await put({ status: 'cancelled', service: 'escort', startsAt: at(21), streetId: 'st-w2' });
    await put({ status: 'completed', service: 'counseling', startsAt: at(21), streetId: null });
    // Left out: in progress, failed, before the window, at its end.
    await put({ status: 'holding', startsAt: at(21), streetId: 'st-w1' });
    await put({ status: 'failed', startsAt: at(21), streetId: 'st-w1' });
    await put({ status: 'requested', startsAt: new Date(from.getTime() - 1), streetId: 'st-w1' });
    await put({ status: 'requested', startsAt: to, streetId: 'st-w1' });

    expect(await t.app.repos.bookings.countsByServiceStatusStreet({ from, to })).toEqual([
      { service: 'advisor', status: 'confirmed', streetId: 'st-w1', count: 1 },
      { service: 'advisor', status: 'requested', streetId: 'st-w1', count: 2 },
      { service: 'counseling', status: 'completed', streetId: null, count: 1 },
      { service: 'escort', status: 'cancelled', streetId: 'st-w2', count: 1 },
    ]);
    expect(await t.app.repos.bookings.countsByServiceStatusStreet({ from, to, streetId: 'st-w2' })).toEqual([
      { service: 'escort', status: 'cancelled', streetId: 'st-w2', count: 1 },
    ]);
    expect(await t.app.repos.bookings.countsByServiceStatusStreet({ from, to, streetId: 'st-none' })).toEqual([]);
  });
});

describe('the lists', () => {
  it('ofBooker: one page of the booker’s own, latest first, with the total, never a create attempt', async () => {
    const own = [await put({ status: 'requested', bookerId: 'us-ob', startsAt: at(3) }), await put({ status: 'cancelled', bookerId: 'us-ob', startsAt: at(5) }), await put({ status: 'confirmed', bookerId: 'us-ob', startsAt: at(4) })];
    await put({ status: 'holding', bookerId: 'us-ob', startsAt: at(6) });
    await put({ status: 'failed', bookerId: 'us-ob', startsAt: at(7) });
    await put({ status: 'requested', bookerId: 'us-someone-else', startsAt: at(3) });

    const first = await t.app.repos.bookings.ofBooker('us-ob', { skip: 0, limit: 2 });
    expect(first).toEqual({ items: [own[1], own[2]], total: 3 });
    expect(ids((await t.app.repos.bookings.ofBooker('us-ob', { skip: 2, limit: 2 })).items)).toEqual([own[0]!._id]);
    expect(await t.app.repos.bookings.ofBooker('us-ob', { status: 'cancelled', skip: 0, limit: 10 })).toEqual({ items: [own[1]], total: 1 });
  });

  it('requestsFor and ofProvidersBetween: these providers only, in start order', async () => {
    const later = await put({ status: 'requested', providerId: 'pv-r1', startsAt: at(12, 3) });
    const sooner = await put({ status: 'requested', providerId: 'pv-r2', startsAt: at(12, 2) });
    const confirmed = await put({ status: 'confirmed', providerId: 'pv-r1', startsAt: at(12, 4) });
    await put({ status: 'requested', providerId: 'pv-other', startsAt: at(12, 1) });
    await put({ status: 'cancelled', providerId: 'pv-r1', startsAt: at(12, 5) });
    await put({ status: 'requested', providerId: 'pv-r1', startsAt: at(13, 5) });

    const inbox = await t.app.repos.bookings.requestsFor(['pv-r1', 'pv-r2'], { skip: 0, limit: 2 });
    expect(ids(inbox.items)).toEqual([sooner._id, later._id]);
    expect(inbox.total).toBe(3);
    const day = await t.app.repos.bookings.ofProvidersBetween(['pv-r1', 'pv-r2'], at(12, 0), at(13, 0), ['requested', 'confirmed']);
    expect(ids(day)).toEqual([sooner._id, later._id, confirmed._id]);
  });

  it('openEscortRequests: requested escorts nobody holds', async () => {
    const open = await put({ status: 'requested', service: 'escort', providerId: null });
    await put({ status: 'requested', service: 'escort', providerId: 'pv-escort' });
    await put({ status: 'cancelled', service: 'escort', providerId: null });
    await put({ status: 'requested', service: 'advisor', providerId: null });
    expect(ids(await t.app.repos.bookings.openEscortRequests())).toEqual([open._id]);
  });

  it('upcomingActiveOf and upcomingActiveAssigned: active, after now, with a provider, not the excepted service', async () => {
    const mine = await put({ status: 'confirmed', providerId: 'pv-u1', startsAt: new Date(now.getTime() + 60_000) });
    const other = await put({ status: 'requested', providerId: 'pv-u2', service: 'counseling', startsAt: at(15) });
    await put({ status: 'requested', providerId: 'pv-u1', startsAt: now });
    await put({ status: 'completed', providerId: 'pv-u1', startsAt: at(15) });
    const escort = await put({ status: 'confirmed', providerId: 'pv-u3', service: 'escort', startsAt: at(15) });
    await put({ status: 'requested', providerId: null, service: 'escort', startsAt: at(15) });

    expect(ids(await t.app.repos.bookings.upcomingActiveOf('pv-u1', now))).toEqual([mine._id]);
    expect(idSet(await t.app.repos.bookings.upcomingActiveAssigned(now, 'escort'))).toEqual(new Set([mine._id, other._id]));
    expect(idSet(await t.app.repos.bookings.upcomingActiveAssigned(now, 'counseling'))).toEqual(new Set([mine._id, escort._id]));
  });
});

describe('what the timers look for', () => {
  it('requestsDueForExpiry, stuckInHolding and unreleasedIn', async () => {
    const due = await put({ status: 'requested', acceptBy: new Date(now.getTime() - 1) });
    await put({ status: 'requested', acceptBy: now });
    await put({ status: 'confirmed', acceptBy: new Date(now.getTime() - 1) });
    const stuck = await put({ status: 'holding', createdAt: new Date(now.getTime() - 1) });
    await put({ status: 'holding', createdAt: now });
    const unreleased = await put({ status: 'declined', released: false });
    await put({ status: 'declined', released: true });
    await put({ status: 'completed', released: false });

    const dueToo = await put({ status: 'requested', acceptBy: new Date(now.getTime() - 2) });

    expect(idSet(await t.app.repos.bookings.requestsDueForExpiry(now, 500))).toEqual(new Set([due._id, dueToo._id]));
    expect(await t.app.repos.bookings.requestsDueForExpiry(now, 1)).toHaveLength(1);
    expect(ids(await t.app.repos.bookings.stuckInHolding(now))).toEqual([stuck._id]);
    expect(ids(await t.app.repos.bookings.unreleasedIn(['declined', 'expired', 'cancelled', 'failed']))).toEqual([unreleased._id]);
  });
});
