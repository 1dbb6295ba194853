/**
 * Crashes between two writes, simulated by making the first writes of a step and then stopping, and
 * the timer-triggered repair step (booking.repairHolds) that finishes or undoes what they left.
 */
import { createHash } from 'node:crypto';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { bookingFunction } from '../../cloudfunctions/booking';
import { REPAIR_GRACE_MS } from '../../cloudfunctions/core/services/booking/booking-maintenance.service';
import { bookingSubject } from '../../shared/domain/hold-keys';
import type { BookingDoc } from '../../cloudfunctions/core/repositories/booking.repository';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';

const clock = manualClock('2026-11-30T00:00:00Z');
const slot = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 30, hour - 8, minute));

let t: TestApp;
let resident: { token: string; userId: string };
beforeEach(async () => {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
  resident = await loginAs(t, 'demo-resident-1');
});
afterEach(async () => {
  await t.close();
});

const repair = async () => {
  clock.advance(REPAIR_GRACE_MS + 1_000);
  return expectOk<{ resumed: number; caughtUp: number; released: number; orphanSeats: number; orphanLocks: number; purged: number }>(
    await bookingFunction.runTimer(t.app, 'repairHolds'),
  );
};

function holdingDoc(id: string, startsAt: Date): BookingDoc {
  const now = clock.now();
  return {
    _id: id, requestId: `req-${id}`, service: 'advisor', bookerId: resident.userId, personKey: resident.userId, forFamily: null,
    contactPhone: '13800000001', providerId: 'pv-advisor-1', stationId: 'sn-xiaoying', streetId: 'st-nandajie',
    pool: `slot:pv-advisor-1:${startsAt.toISOString()}`, poolCapacity: 1, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, freeOfCharge: true, status: 'holding', version: 0,
    acceptBy: startsAt, reason: null, serviceNotes: null, failure: null, released: false, createdAt: now, updatedAt: now,
  };
}

it('finishes a create the writer before this one stopped after its holding booking and seat were written', async () => {
  const doc = holdingDoc('bkcrash1', slot(9));
  await t.app.repos.bookings.insertOrGet(doc);
  await t.app.repos.holds.takeSeat(doc.pool, 1, bookingSubject(doc._id), doc.startsAt, clock.now());
  const report = await repair();
  expect(report.resumed).toBe(1);
  const after = await t.app.repos.bookings.findById('bkcrash1');
  expect(after).toMatchObject({ status: 'requested', version: 1 });
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': 'bkcrash1' })).toBe(6);
  expect(await t.db.collection('outbox').countDocuments({ 'subject.id': 'bkcrash1', type: 'booking_requested' })).toBe(1);
});

/** A create's draft: the booking as create builds it before anything is written. */
const draftOf = (id: string, startsAt: Date) => holdingDoc(id, startsAt);

it('finishes a create that stopped after taking its seat: the seat carries the booking', async () => {
  const draft = draftOf('bkseat1', slot(9));
  await t.app.repos.holds.takeSeat(draft.pool, 1, bookingSubject(draft._id), draft.startsAt, clock.now(), undefined, draft);
  expect(await t.app.repos.bookings.findById('bkseat1')).toBeNull();
  const report = await repair();
  expect(report.resumed).toBe(1);
  expect(await t.app.repos.bookings.findById('bkseat1')).toMatchObject({ status: 'requested', version: 1, bookerId: resident.userId, pool: draft.pool });
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': 'bkseat1' })).toBe(6);
  expect(await t.db.collection('seats').countDocuments({ pool: draft.pool })).toBe(1);
  expect(await t.db.collection('outbox').countDocuments({ 'subject.id': 'bkseat1', type: 'booking_requested' })).toBe(1);
  // Its history starts with the create, as every booking's does.
  const stored = (await t.app.repos.bookings.findById('bkseat1'))!;
  expect((await t.app.repos.bookings.history(stored)).map((h) => `${h.from}>${h.to}`)).toEqual(['holding>requested']);
  // A retry of the request answers with that booking, and a second repair finds nothing to do.
  expect(await repair()).toEqual({ resumed: 0, caughtUp: 0, released: 0, orphanSeats: 0, orphanLocks: 0, purged: 0 });
});

it('finishes a create that stopped after its seat and time locks, and a retry of it gets that booking', async () => {
  const startsAt = slot(11);
  const create = { action: 'create', requestId: 'stopped-after-locks', providerId: 'pv-advisor-1', startsAt: startsAt.toISOString(), details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001' };
  // The instance dies as it stores the booking: seat and locks are written, the booking is not.
  const bookings = t.app.repos.bookings;
  jest.spyOn(bookings, 'insertOrGet').mockRejectedValueOnce(new Error('simulated crash: the instance died before storing the booking'));
  const lost = await t.callAs(resident.token, 'booking', create);
  expect(lost.ok).toBe(false);
  jest.restoreAllMocks();
  const seat = await t.db.collection('seats').findOne({ pool: `slot:pv-advisor-1:${startsAt.toISOString()}` });
  expect(seat).toMatchObject({ draft: { requestId: 'stopped-after-locks' } });
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': seat!.subject.id })).toBe(6);
  expect(await t.db.collection('bookings').countDocuments({ requestId: 'stopped-after-locks' })).toBe(0);
  expect((await repair()).resumed).toBe(1);
  const retry = expectOk<{ id: string; status: string }>(await t.callAs(resident.token, 'booking', create));
  expect(retry).toMatchObject({ id: seat!.subject.id, status: 'requested' });
  expect(await t.db.collection('bookings').countDocuments({ requestId: 'stopped-after-locks' })).toBe(1);
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': retry.id })).toBe(1);
});

it('fails a create stopped after its seat once the person has booked that time elsewhere, and frees the seat', async () => {
  const draft = draftOf('bkseat2', slot(9));
  await t.app.repos.holds.takeSeat(draft.pool, 1, bookingSubject(draft._id), draft.startsAt, clock.now(), undefined, draft);
  // Meanwhile the same resident booked another advisor at nine.
  expectOk(await t.callAs(resident.token, 'booking', {
    action: 'create', requestId: 'other-advisor-at-nine', providerId: 'pv-advisor-2', startsAt: slot(9).toISOString(),
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
  }));
  expect((await repair()).resumed).toBe(1);
  expect(await t.app.repos.bookings.findById('bkseat2')).toMatchObject({ status: 'failed', failure: 'OVERLAPPING_BOOKING', released: true });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': 'bkseat2' })).toBe(0);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': 'bkseat2' })).toBe(0);
});

it('lets a retry of a stopped create and the repair step finishing it agree: one booking, one seat, one event', async () => {
  for (let round = 0; round < 5; round += 1) {
    const requestId = `stopped-then-raced-${round}`;
    const id = `bk${createHash('sha256').update(`${resident.userId}:${requestId}`).digest('hex').slice(0, 22)}`;
    const startsAt = new Date(slot(14).getTime() + round * 30 * 60_000);
    const doc = { ...draftOf(id, startsAt), requestId, endsAt: new Date(startsAt.getTime() + 30 * 60_000), pool: `slot:pv-advisor-1:${startsAt.toISOString()}` };
    await t.app.repos.holds.takeSeat(doc.pool, 1, bookingSubject(id), startsAt, clock.now(), undefined, doc);
    clock.advance(REPAIR_GRACE_MS + 1_000);
    // The resident's retry arrives just as the repair step finishes the create.
    const [retry, report] = await Promise.all([
      t.callAs(resident.token, 'booking', {
        action: 'create', requestId, providerId: 'pv-advisor-1', startsAt: startsAt.toISOString(),
        details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
      }),
      bookingFunction.runTimer(t.app, 'repairHolds'),
    ]);
    expect(expectOk<{ id: string; status: string }>(retry)).toMatchObject({ id, status: 'requested' });
    expect(report.ok).toBe(true);
    expect(await t.db.collection('bookings').countDocuments({ requestId })).toBe(1);
    expect(await t.db.collection('seats').countDocuments({ pool: doc.pool })).toBe(1);
    expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': id })).toBe(6);
    expect(await t.db.collection('outbox').countDocuments({ 'subject.id': id, type: 'booking_requested' })).toBe(1);
  }
});

it('undoes a create whose seat was taken by someone else while it was stopped', async () => {
  const doc = holdingDoc('bkcrash2', slot(9, 30));
  await t.app.repos.bookings.insertOrGet(doc);
  const other = expectOk<{ id: string }>(
    await t.callAs((await loginAs(t, 'demo-resident-2')).token, 'booking', {
      action: 'create', requestId: 'other-request-1', providerId: 'pv-advisor-1', startsAt: slot(9, 30).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000002',
    }),
  );
  await repair();
  expect(await t.app.repos.bookings.findById('bkcrash2')).toMatchObject({ status: 'failed', failure: 'SLOT_FULL', released: true });
  expect(await t.db.collection('seats').countDocuments({ pool: doc.pool })).toBe(1);
  expect(await t.db.collection('seats').findOne({ pool: doc.pool })).toMatchObject({ subject: { kind: 'booking', id: other.id } });
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': 'bkcrash2' })).toBe(0);
});

it('applies a cancellation recorded just before a crash and frees its seat', async () => {
  const booked = expectOk<{ id: string }>(
    await t.callAs(resident.token, 'booking', {
      action: 'create', requestId: 'to-cancel-1', providerId: 'pv-advisor-1', startsAt: slot(10).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    }),
  );
  // The winner recorded transition #2 and died before touching the booking or its seat.
  await t.app.repos.bookings.recordTransition({
    _id: `${booked.id}#2`, bookingId: booked.id, seq: 2, from: 'requested', to: 'cancelled', action: 'cancel',
    actorId: resident.userId, actorRole: 'resident', reason: null, at: clock.now(), changes: {},
  });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id })).toBe(1);
  const report = await repair();
  expect(report.caughtUp).toBe(1);
  expect(await t.app.repos.bookings.findById(booked.id)).toMatchObject({ status: 'cancelled', version: 2, released: true });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id })).toBe(0);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': booked.id })).toBe(0);
  // The freed slot can be booked again.
  const again = await t.callAs((await loginAs(t, 'demo-resident-2')).token, 'booking', {
    action: 'create', requestId: 'rebook-1', providerId: 'pv-advisor-1', startsAt: slot(10).toISOString(),
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000002',
  });
  expect(again.ok).toBe(true);
});

it('deletes the new seat of a reschedule that stopped before it was recorded', async () => {
  const booked = expectOk<{ id: string }>(
    await t.callAs(resident.token, 'booking', {
      action: 'create', requestId: 'to-move-1', providerId: 'pv-advisor-1', startsAt: slot(14).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    }),
  );
  const newPool = `slot:pv-advisor-1:${slot(15).toISOString()}`;
  await t.app.repos.holds.takeSeat(newPool, 1, bookingSubject(booked.id), slot(15), clock.now());
  const report = await repair();
  expect(report.orphanSeats).toBe(1);
  expect(await t.db.collection('seats').countDocuments({ pool: newPool })).toBe(0);
  expect(await t.app.repos.bookings.findById(booked.id)).toMatchObject({ status: 'requested', startsAt: slot(14) });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id })).toBe(1);
});

it('leaves a healthy booking alone', async () => {
  const booked = expectOk<{ id: string }>(
    await t.callAs(resident.token, 'booking', {
      action: 'create', requestId: 'healthy-1', providerId: 'pv-advisor-1', startsAt: slot(16).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    }),
  );
  const report = await repair();
  expect(report).toEqual({ resumed: 0, caughtUp: 0, released: 0, orphanSeats: 0, orphanLocks: 0, purged: 0 });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id })).toBe(1);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': booked.id })).toBe(6);
});

it('deletes a seat a concurrent retry took for a create that failed and was marked released', async () => {
  // The losing attempt records `failed` and marks the booking released in one write; a retry of the
  // same request that had meanwhile taken a seat leaves it behind.
  const doc = { ...holdingDoc('bkcrash5', slot(10, 30)), status: 'failed' as const, version: 1, failure: 'OVERLAPPING_BOOKING', released: true };
  await t.app.repos.bookings.insertOrGet(doc);
  await t.app.repos.holds.takeSeat(doc.pool, 1, bookingSubject(doc._id), doc.startsAt, clock.now());
  const report = await repair();
  expect(report.orphanSeats).toBe(1);
  expect(await t.db.collection('seats').countDocuments({ pool: doc.pool })).toBe(0);
});

it('purges the seats and time locks of times more than two days past, and keeps the bookings', async () => {
  const create = (requestId: string, startsAt: Date) =>
    t.callAs(resident.token, 'booking', {
      action: 'create', requestId, providerId: 'pv-advisor-1', startsAt: startsAt.toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    });
  const past = expectOk<{ id: string }>(await create('soon-past-1', slot(11)));
  const later = expectOk<{ id: string }>(await create('much-later-1', new Date(slot(11).getTime() + 7 * 24 * 3600_000)));
  // Confirmed and never marked completed: its seat and time would otherwise stay for ever.
  const advisor = await loginAs(t, 'demo-advisor-1');
  expectOk(await t.callAs(advisor.token, 'provider', { action: 'accept', bookingId: past.id }));
  clock.advance(3 * 24 * 3600_000);
  const report = await repair();
  expect(report.purged).toBe(1 + 6);
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': past.id })).toBe(0);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': past.id })).toBe(0);
  expect(await t.app.repos.bookings.findById(past.id)).toMatchObject({ status: 'confirmed' });
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': later.id })).toBe(1);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': later.id })).toBe(6);
});

describe('a lost create interrupted after its `failed` booking was stored and before it was marked released', () => {
  const create = (token: string, requestId: string, providerId = 'pv-advisor-1') =>
    t.callAs(token, 'booking', {
      action: 'create', requestId, providerId, startsAt: slot(9).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    });

  /**
   * The resident already has another advisor at that time, so the create gets its seat, meets its own
   * time taken and loses; the instance dies right after recording that.
   */
  async function interruptedLoss(requestId: string): Promise<string> {
    expectOk(await create(resident.token, 'first-at-nine', 'pv-advisor-2'));
    const bookings = t.app.repos.bookings;
    const set = bookings.set.bind(bookings);
    let crashed = false;
    jest.spyOn(bookings, 'set').mockImplementation(async (id, fields) => {
      if (!crashed && fields.status === 'failed') {
        crashed = true;
        throw new Error('simulated crash: the instance died after recording the transition');
      }
      return set(id, fields);
    });
    const lost = await create(resident.token, requestId);
    expect(crashed).toBe(true);
    expect(lost.ok).toBe(false);
    jest.restoreAllMocks();
    const stored = await t.db.collection<BookingDoc>('bookings').findOne({ requestId });
    expect(stored).toMatchObject({ status: 'failed', failure: 'OVERLAPPING_BOOKING', released: false });
    return stored!._id;
  }

  it('answers a retry with the reason of the loss, not CONFLICT', async () => {
    const id = await interruptedLoss('lost-then-retried');
    const retry = await create(resident.token, 'lost-then-retried');
    expect(retry.ok ? 'ok' : retry.error.code).toBe('OVERLAPPING_BOOKING');
    expect(await t.app.repos.bookings.findById(id)).toMatchObject({ status: 'failed', failure: 'OVERLAPPING_BOOKING', released: true });
    const again = await create(resident.token, 'lost-then-retried');
    expect(again.ok ? 'ok' : again.error.code).toBe('OVERLAPPING_BOOKING');
  });

  it('is settled by the repair step with its reason, and a retry then answers that reason', async () => {
    const id = await interruptedLoss('lost-then-repaired');
    await repair();
    expect(await t.app.repos.bookings.findById(id)).toMatchObject({ status: 'failed', failure: 'OVERLAPPING_BOOKING', released: true });
    expect(await t.db.collection('seats').countDocuments({ 'subject.id': id })).toBe(0);
    expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': id })).toBe(0);
    const retry = await create(resident.token, 'lost-then-repaired');
    expect(retry.ok ? 'ok' : retry.error.code).toBe('OVERLAPPING_BOOKING');
  });
});

it('touches only booking holds: an activity place and its time survive the booking repair and purge', async () => {
  const activity = { kind: 'activity' as const, id: 'act-class-1' };
  const startsAt = slot(9);
  const pool = `activity:act-class-1:teacher`;
  await t.app.repos.holds.takeSeat(pool, 2, activity, startsAt, clock.now());
  expect(await t.app.repos.holds.lockBuckets('volunteer:v1', activity, [startsAt], clock.now())).toEqual([]);
  clock.advance(3 * 24 * 3600_000);
  const report = await repair();
  expect(report).toMatchObject({ orphanSeats: 0, orphanLocks: 0, purged: 0 });
  expect(await t.app.repos.holds.seatsOf(activity)).toHaveLength(1);
  expect(await t.app.repos.holds.locksOf(activity)).toHaveLength(1);
});

it('adopts holds stored before they named a subject, and frees them with their booking', async () => {
  const booked = expectOk<{ id: string }>(
    await t.callAs(resident.token, 'booking', {
      action: 'create', requestId: 'legacy-1', providerId: 'pv-advisor-1', startsAt: slot(14, 30).toISOString(),
      details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000001',
    }),
  );
  // Rewrite its holds the way an older version stored them.
  for (const name of ['seats', 'timelocks']) {
    await t.db.collection(name).updateMany({ 'subject.id': booked.id }, { $set: { bookingId: booked.id }, $unset: { subject: '' } });
  }
  await repair();
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id, 'subject.kind': 'booking' })).toBe(1);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': booked.id })).toBe(6);
  expect(await t.db.collection('seats').countDocuments({ bookingId: { $exists: true } })).toBe(0);
  expectOk(await t.callAs(resident.token, 'booking', { action: 'cancel', bookingId: booked.id }));
  expect(await t.db.collection('seats').countDocuments({ 'subject.id': booked.id })).toBe(0);
  expect(await t.db.collection('timelocks').countDocuments({ 'subject.id': booked.id })).toBe(0);
});
