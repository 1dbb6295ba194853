/**
 * Hospital escort through the functions residents, escorts and staff call: the pool ordered by
 * eligibility, one escort's claim, staff dispatch and reassignment, the 街道's daily quota, and an
 * escort's own time (never two jobs at once).
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host. The clock is a manual one starting Monday 2026-11-30 08:00 in Shanghai (00:00Z) and moved
 * by hand. Each test gets a fresh district.
 */
import {
  at,
  book,
  DEMO_WEEK,
  detailOf,
  directBooking,
  directOutbox,
  errorOf,
  escortCreate,
  freshResident,
  freshWorldForEachTest,
  ids,
  outcome,
  setEscortCapacity,
  worldCalls,
  type BookingView,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';
import { bookingFunction } from '../../cloudfunctions/booking';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { WED, THU } = DEMO_WEEK;
const { call, provider } = worldCalls(() => w);

describe('escort', () => {
  it('goes from request to the pool, eligible residents first, to one escort’s claim', async () => {
    const residents = [await freshResident(w), await freshResident(w), await freshResident(w), await freshResident(w)];
    const paying = await book(w, residents[0]!, escortCreate(at(WED, '14:00'), { details: { eligibility: 'none' } }));
    const dibao = await book(w, residents[1]!, escortCreate(at(THU, '09:00'), { details: { eligibility: 'dibao' } }));
    const tekun = await book(w, residents[2]!, escortCreate(at(WED, '16:00'), { details: { eligibility: 'tekun' } }));
    const payingEarly = await book(w, residents[3]!, escortCreate(at(WED, '09:00'), { details: { eligibility: 'none' } }));
    // A claimed hardship group is free once the 街道 verified it (staff.reviewEligibility), not before.
    expect([paying.freeOfCharge, dibao.freeOfCharge]).toEqual([false, false]);
    expect([paying.eligibilityCheck, dibao.eligibilityCheck]).toEqual([null, { status: 'pending', statusLabel: '待核实', reason: null }]);
    expect(paying).toMatchObject({ status: 'requested', provider: null, streetId: ids.street, acceptBy: '2026-11-30T12:00:00.000Z' });

    const pool = async (person: Person) => expectOk<{ items: BookingView[]; total: number }>(await provider(person, 'pool', {}));
    const first = await pool(w.people.escort1);
    expect(first.items.map((b) => b.id)).toEqual([tekun.id, dibao.id, payingEarly.id, paying.id]);
    expect(first.total).toBe(4);
    const page2 = expectOk<{ items: BookingView[] }>(await provider(w.people.escort1, 'pool', { page: 2, pageSize: 3 }));
    expect(page2.items.map((b) => b.id)).toEqual([paying.id]);

    const claimed = expectOk<BookingView>(await provider(w.people.escort1, 'claim', { bookingId: dibao.id }));
    expect(claimed).toMatchObject({ status: 'confirmed', provider: { id: ids.escort1, name: '钱师傅' } });
    expect(errorOf(await provider(w.people.escort2, 'claim', { bookingId: dibao.id }))).toEqual({ code: 'CONFLICT', fields: undefined });
    expect(outcome(await provider(w.people.escort1, 'claim', { bookingId: dibao.id }))).toBe('CONFLICT');
    expect(await directBooking(w, dibao.id)).toMatchObject({ providerId: ids.escort1, version: 2 });

    expect((await pool(w.people.escort2)).items.map((b) => b.id)).toEqual([tekun.id, payingEarly.id, paying.id]);
    // The escort who has it sees the pickup address and phone in full and has it on the day's schedule.
    const detail = await detailOf(w, w.people.escort1, dibao.id);
    expect(detail.booking.details).toMatchObject({ pickupAddress: '钟楼区南大街小营前 12 号 3 单元 401' });
    expect(detail.booking.contactPhone).toBe('13811112222');
    expect(detail.history.at(-1)).toMatchObject({ action: 'claim', actorRole: 'provider', from: 'requested', to: 'confirmed' });
    const schedule = expectOk<{ items: BookingView[] }>(await provider(w.people.escort1, 'schedule', { date: THU }));
    expect(schedule.items.map((b) => b.id)).toEqual([dibao.id]);
    expect(outcome(await call(w.people.escort2, 'booking', { action: 'detail', bookingId: dibao.id }))).toBe('NOT_FOUND');
    const [event] = await directOutbox(w, { 'subject.id': dibao.id, type: 'booking_claim' });
    expect(event!.recipients).toEqual([residents[1]!.userId]);
  });

  it('gives the resident the number of the escort who took the job, and nobody else', async () => {
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(THU, '09:00')));
    // Not yet taken: nobody to call.
    expect((await detailOf(w, resident, request.id)).booking.provider).toBeNull();
    expectOk(await provider(w.people.escort1, 'claim', { bookingId: request.id }));

    // 钱师傅's own number, from the escort's account (the demo seed gives 13500000001).
    expect((await detailOf(w, resident, request.id)).booking.provider).toEqual({ id: ids.escort1, name: '钱师傅', venue: '区陪诊服务队', phone: '13500000001' });
    // Not in the resident's list, nor for staff.
    const mine = expectOk<{ items: BookingView[] }>(await call(resident, 'booking', { action: 'mine' }));
    expect(mine.items.find((b) => b.id === request.id)?.provider).not.toHaveProperty('phone');
    expect((await detailOf(w, w.people.staff, request.id)).booking.provider).not.toHaveProperty('phone');
  });

  it('is assigned and reassigned by staff of its 街道, and both escorts are told', async () => {
    const { staff, escort1, escort2 } = w.people;
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(WED, '09:00')));

    const assigned = expectOk<BookingView>(await call(staff, 'admin', { action: 'assignEscort', bookingId: request.id, providerId: ids.escort1 }));
    expect(assigned).toMatchObject({ status: 'confirmed', provider: { id: ids.escort1 } });
    w.clock.advance(60 * 60_000);
    const reassigned = expectOk<BookingView>(
      await call(staff, 'admin', { action: 'assignEscort', bookingId: request.id, providerId: ids.escort2, reason: '钱师傅临时住院' }),
    );
    expect(reassigned).toMatchObject({ status: 'confirmed', provider: { id: ids.escort2 } });

    const { history } = await detailOf(w, resident, request.id);
    expect(history.slice(1)).toEqual([
      { at: '2026-11-30T00:00:00.000Z', from: 'requested', to: 'confirmed', action: 'assign', actorRole: 'staff', reason: null },
      { at: '2026-11-30T01:00:00.000Z', from: 'confirmed', to: 'confirmed', action: 'reassign', actorRole: 'staff', reason: '钱师傅临时住院' },
    ]);
    const schedule = async (person: Person) => expectOk<{ items: BookingView[] }>(await provider(person, 'schedule', { date: WED })).items.map((b) => b.id);
    expect(await schedule(escort1)).toEqual([]);
    expect(await schedule(escort2)).toEqual([request.id]);
    expect(outcome(await provider(escort1, 'complete', { bookingId: request.id }))).toBe('NOT_FOUND');

    const [assignEvent] = await directOutbox(w, { 'subject.id': request.id, type: 'booking_assign' });
    expect(assignEvent!.recipients.sort()).toEqual([resident.userId, escort1.userId].sort());
    const [reassignEvent] = await directOutbox(w, { 'subject.id': request.id, type: 'booking_reassign' });
    // The escort who lost the job must hear of it too, or they go to the hospital for nothing.
    expect(reassignEvent!.recipients.sort()).toEqual([resident.userId, escort1.userId, escort2.userId].sort());
    expect(reassignEvent!.payload.reason).toBe('钱师傅临时住院');

    // Reassigning to the escort who has it changes nothing.
    const same = expectOk<BookingView>(await call(staff, 'admin', { action: 'assignEscort', bookingId: request.id, providerId: ids.escort2 }));
    expect(same.provider?.id).toBe(ids.escort2);
    expect((await directBooking(w, request.id))!.version).toBe(3);
  });

  it('is limited per 街道 and district day, and a cancelled request frees its place', async () => {
    await setEscortCapacity(w, ids.street, 2);
    const [a, b, c, d] = [await freshResident(w), await freshResident(w), await freshResident(w), await freshResident(w)];
    const first = await book(w, a, escortCreate(at(WED, '09:00')));
    await book(w, b, escortCreate(at(WED, '13:00')));

    const full = escortCreate(at(WED, '14:00'));
    expect(outcome(await call(c, 'booking', full))).toBe('CAPACITY_REACHED');
    // A retry of the refused attempt is refused the same way, and nothing of it is listed.
    expect(outcome(await call(c, 'booking', full))).toBe('CAPACITY_REACHED');
    expect(expectOk<{ total: number }>(await call(c, 'booking', { action: 'mine' })).total).toBe(0);
    // 07:30 on Wednesday in Shanghai is Tuesday in UTC; it counts on Wednesday.
    expect(outcome(await call(c, 'booking', escortCreate(at(WED, '07:30'))))).toBe('CAPACITY_REACHED');
    expect(await w.t.db.collection('seats').countDocuments({ pool: `escortday:${ids.street}:${WED}` })).toBe(2);

    // Another day, or another 街道's quota, has room.
    expect((await book(w, c, escortCreate(at(THU, '09:00')))).status).toBe('requested');
    expect((await book(w, c, escortCreate(at(WED, '09:00'), { details: { streetId: ids.otherStreet } }))).streetId).toBe(ids.otherStreet);

    expectOk(await call(a, 'booking', { action: 'cancel', bookingId: first.id }));
    expect((await book(w, d, escortCreate(at(WED, '14:00')))).status).toBe('requested');
    expect(await w.t.db.collection('seats').countDocuments({ pool: `escortday:${ids.street}:${WED}` })).toBe(2);
  });
});

describe('an escort’s own time', () => {
  it('never gives one escort two jobs at once, by claim, assignment or reassignment', async () => {
    const { escort1, escort2, staff, resident1, resident2 } = w.people;
    await setEscortCapacity(w, ids.street, 10);
    const resident3 = await freshResident(w);
    // Escort jobs last 240 minutes in the demo: 09:00–13:00, 11:00–15:00, 13:00–17:00.
    const morning = await book(w, resident1, escortCreate(at(WED, '09:00')));
    const midday = await book(w, resident2, escortCreate(at(WED, '11:00')));
    const afternoon = await book(w, resident3, escortCreate(at(WED, '13:00')));

    expect(outcome(await provider(escort1, 'claim', { bookingId: morning.id }))).toBe('ok');
    const before = await w.t.db.collection('timelocks').countDocuments();
    expect(outcome(await provider(escort1, 'claim', { bookingId: midday.id }))).toBe('ESCORT_BUSY');
    expect(await w.t.db.collection('timelocks').countDocuments()).toBe(before);
    expect((await directBooking(w, midday.id))!).toMatchObject({ status: 'requested', providerId: null });
    // Touching is not overlapping: the afternoon job starts when the morning one ends.
    expect(outcome(await provider(escort1, 'claim', { bookingId: afternoon.id }))).toBe('ok');

    // Staff cannot hand escort1 the midday job either; escort2 is free for it.
    expect(outcome(await call(staff, 'admin', { action: 'assignEscort', bookingId: midday.id, providerId: ids.escort1 }))).toBe('ESCORT_BUSY');
    expect(outcome(await call(staff, 'admin', { action: 'assignEscort', bookingId: midday.id, providerId: ids.escort2 }))).toBe('ok');
    // Moving the morning job to escort2 would overlap the midday one.
    expect(outcome(await call(staff, 'admin', { action: 'assignEscort', bookingId: morning.id, providerId: ids.escort2 }))).toBe('ESCORT_BUSY');
    expect((await directBooking(w, morning.id))!.providerId).toBe(ids.escort1);

    // Once the midday job is cancelled, the move goes through and escort1's morning is free again.
    expectOk(await call(resident2, 'booking', { action: 'cancel', bookingId: midday.id }));
    expect(outcome(await call(staff, 'admin', { action: 'assignEscort', bookingId: morning.id, providerId: ids.escort2 }))).toBe('ok');
    const another = await book(w, resident2, escortCreate(at(WED, '10:00'), { requestId: 'escort-again-1' }));
    expect(outcome(await provider(escort1, 'claim', { bookingId: another.id }))).toBe('ESCORT_BUSY'); // 10:00–14:00 meets the afternoon job
    expect(outcome(await provider(escort2, 'claim', { bookingId: another.id }))).toBe('ESCORT_BUSY'); // and escort2 has the morning
    const early = await book(w, resident2, escortCreate(at(THU, '08:00'), { requestId: 'escort-again-2' }));
    expect(outcome(await provider(escort1, 'claim', { bookingId: early.id }))).toBe('ok');

    // The repair step keeps an escort's time for as long as the job is theirs.
    w.clock.advance(5 * 60_000);
    const report = expectOk<{ orphanLocks: number }>(await bookingFunction.runTimer(w.t.app, 'repairHolds'));
    expect(report.orphanLocks).toBe(0);
    const escortLocks = (bookingId: string, escort: string) =>
      w.t.db.collection('timelocks').countDocuments({ 'subject.id': bookingId, personKey: `escort:${escort}` });
    expect(await escortLocks(morning.id, ids.escort2)).toBe(240 / 5);
    expect(await escortLocks(morning.id, ids.escort1)).toBe(0);
    expect(await escortLocks(midday.id, ids.escort2)).toBe(0);
  });
});
