/**
 * A booking's life through the functions residents, providers and staff call: create, accept,
 * complete, decline, cancel (with the cut-off), expiry, reschedule, idempotent retry, the escort
 * pool, dispatch, the 街道's daily escort quota, opening-hour changes and holidays.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host. The clock is a manual one starting Monday 2026-11-30 08:00 in Shanghai (00:00Z) and moved
 * by hand. Each test gets a fresh district.
 */
import {
  advisorCreate,
  at,
  book,
  counselingCreate,
  createBookingWorld,
  detailOf,
  directBooking,
  directOutbox,
  escortCreate,
  freeSlots,
  freshResident,
  ids,
  outcome,
  setEscortCapacity,
  type BookingView,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';
import { bookingFunction } from '../../cloudfunctions/booking';
import { demoWeeklyRules } from '../../host/seed/demo-district.data';

let w: BookingWorld;
beforeEach(async () => {
  w = await createBookingWorld();
});
afterEach(async () => {
  await w.close();
});

const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';

const call = (person: Person, fn: string, event: Record<string, unknown>) => w.as(person, fn, event);
const provider = (person: Person, action: string, event: Record<string, unknown>) => call(person, 'provider', { action, ...event });
const starts = async (providerId: string, date: string) => (await freeSlots(w, providerId, date)).map((s) => s.startsAt);
const errorOf = (envelope: Awaited<ReturnType<typeof call>>) => (envelope.ok ? { code: 'ok' } : { code: envelope.error.code, fields: envelope.error.details?.fields });

describe('advisor booking', () => {
  it('goes create → accept → complete with notes, each step in the history with actor, time and reason', async () => {
    const { resident1, advisor1 } = w.people;
    const created = await book(w, resident1, advisorCreate(at(TUE, '09:00'), { details: { topic: 'home_care' } }));
    expect(created).toMatchObject({
      status: 'requested',
      service: 'advisor',
      startsAt: '2026-12-01T01:00:00.000Z',
      endsAt: '2026-12-01T01:30:00.000Z',
      provider: { id: ids.advisor1, name: '刘顾问' },
      stationId: 'sn-xiaoying',
      streetId: ids.street,
      // Answer within the 24 h window: Tuesday 08:00.
      acceptBy: '2026-12-01T00:00:00.000Z',
      // Cancel or move until 120 minutes before: Tuesday 07:00.
      cancelDeadline: '2026-11-30T23:00:00.000Z',
    });
    expect(await starts(ids.advisor1, TUE)).not.toContain(created.startsAt);

    w.clock.set('2026-11-30T02:15:00.000Z');
    expect(expectOk<BookingView>(await provider(advisor1, 'accept', { bookingId: created.id })).status).toBe('confirmed');

    // Complete once the appointment has happened.
    w.clock.set('2026-12-01T01:40:00.000Z');
    const notes = '已讲解居家上门服务申请流程，下周回访';
    const completed = expectOk<BookingView>(await provider(advisor1, 'complete', { bookingId: created.id, notes }));
    expect(completed).toMatchObject({ status: 'completed', serviceNotes: notes });

    const { booking, history } = await detailOf(w, resident1, created.id);
    expect(booking).toMatchObject({ status: 'completed', statusLabel: '已完成', serviceNotes: notes });
    expect(history).toEqual([
      { at: '2026-11-30T00:00:00.000Z', from: 'holding', to: 'requested', action: 'create', actorRole: 'resident', reason: null },
      { at: '2026-11-30T02:15:00.000Z', from: 'requested', to: 'confirmed', action: 'accept', actorRole: 'provider', reason: null },
      { at: '2026-12-01T01:40:00.000Z', from: 'confirmed', to: 'completed', action: 'complete', actorRole: 'provider', reason: null },
    ]);
    const records = await w.t.db.collection('transitions').find({ bookingId: created.id }).sort({ seq: 1 }).toArray();
    expect(records.map((r) => r.actorId)).toEqual([resident1.userId, advisor1.userId, advisor1.userId]);

    // Each step tells the other side.
    const events = await directOutbox(w, { bookingId: created.id });
    expect(events.map((e) => [e.type, e.recipients])).toEqual([
      ['booking_requested', [advisor1.userId]],
      ['booking_accept', [resident1.userId]],
      ['booking_complete', [resident1.userId]],
    ]);
  });

  it('is completed or marked a no-show only once it has started, refused before with NOT_STARTED', async () => {
    const { resident1, resident2, advisor1, staff } = w.people;
    const first = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const second = await book(w, resident2, advisorCreate(at(TUE, '09:30')));
    for (const b of [first, second]) expectOk(await provider(advisor1, 'accept', { bookingId: b.id }));

    // A second before 09:00 the appointment has not begun: nothing to record yet, by anyone allowed to.
    w.clock.set(new Date(Date.parse(at(TUE, '09:00')) - 1000));
    const early = await provider(advisor1, 'complete', { bookingId: first.id, notes: '提前写好的记录' });
    expect(early).toEqual({ ok: false, error: { code: 'NOT_STARTED', message: '服务时间还没到，不能登记完成或爽约。' } });
    expect(outcome(await provider(advisor1, 'noShow', { bookingId: first.id }))).toBe('NOT_STARTED');
    expect(outcome(await provider(staff, 'noShow', { bookingId: first.id }))).toBe('NOT_STARTED');
    // Those who may not act at all are still told so first.
    expect(outcome(await provider(staff, 'complete', { bookingId: first.id }))).toBe('FORBIDDEN');
    expect(await directBooking(w, first.id)).toMatchObject({ status: 'confirmed', version: 2, serviceNotes: null });
    expect(await directOutbox(w, { bookingId: first.id, type: { $in: ['booking_complete', 'booking_no_show'] } })).toEqual([]);
    // Cancelling is still possible before the start.
    expect(outcome(await provider(advisor1, 'cancel', { bookingId: second.id, reason: '站点临时停电' }))).toBe('ok');

    // From 09:00 on it can be recorded.
    w.clock.set(at(TUE, '09:00'));
    const completed = expectOk<BookingView>(await provider(advisor1, 'complete', { bookingId: first.id, notes: '已讲解政策' }));
    expect(completed).toMatchObject({ status: 'completed', serviceNotes: '已讲解政策' });

    const third = await book(w, resident2, advisorCreate(at(WED, '10:00')));
    expectOk(await provider(advisor1, 'accept', { bookingId: third.id }));
    w.clock.set(new Date(Date.parse(at(WED, '10:00')) - 1));
    expect(outcome(await provider(staff, 'noShow', { bookingId: third.id }))).toBe('NOT_STARTED');
    w.clock.set(at(WED, '10:20'));
    expect(expectOk<BookingView>(await provider(staff, 'noShow', { bookingId: third.id })).status).toBe('no_show');
  });

  it('is declined only with a reason, and the slot is free again', async () => {
    const { resident1, advisor1 } = w.people;
    const created = await book(w, resident1, advisorCreate(at(TUE, '10:00')));
    for (const reason of [undefined, '', '   ']) {
      const refused = await provider(advisor1, 'decline', reason === undefined ? { bookingId: created.id } : { bookingId: created.id, reason });
      expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'reason' }] });
    }
    expect((await directBooking(w, created.id))!.status).toBe('requested');

    w.clock.advance(30 * 60_000);
    const declined = expectOk<BookingView>(await provider(advisor1, 'decline', { bookingId: created.id, reason: '当天去区里开会' }));
    expect(declined).toMatchObject({ status: 'declined', reason: '当天去区里开会' });
    const { history } = await detailOf(w, resident1, created.id);
    expect(history.at(-1)).toEqual({ at: '2026-11-30T00:30:00.000Z', from: 'requested', to: 'declined', action: 'decline', actorRole: 'provider', reason: '当天去区里开会' });
    expect(await starts(ids.advisor1, TUE)).toContain(created.startsAt);
    const [event] = await directOutbox(w, { bookingId: created.id, type: 'booking_decline' });
    expect(event).toMatchObject({ recipients: [resident1.userId], payload: { status: 'declined', reason: '当天去区里开会' } });
    // Declined is final.
    expect(outcome(await provider(advisor1, 'accept', { bookingId: created.id }))).toBe('CONFLICT');
  });

  it('is cancelled by the resident before the cut-off, and refused with CUTOFF_PASSED after it', async () => {
    const { resident1, advisor1 } = w.people;
    const early = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const late = await book(w, resident1, advisorCreate(at(TUE, '10:00')));
    const unanswered = await book(w, resident1, advisorCreate(at(TUE, '10:30')));
    for (const b of [early, late]) expectOk(await provider(advisor1, 'accept', { bookingId: b.id }));

    // 09:00 with a 120-minute cut-off: 06:59:59 is still in time.
    w.clock.set(new Date(Date.parse(at(TUE, '07:00')) - 1000));
    const cancelled = expectOk<BookingView>(await call(resident1, 'booking', { action: 'cancel', bookingId: early.id, reason: '孩子回来陪我了' }));
    expect(cancelled.status).toBe('cancelled');
    expect((await detailOf(w, resident1, early.id)).history.at(-1)).toMatchObject({ action: 'cancel', actorRole: 'resident', reason: '孩子回来陪我了' });
    expect(await starts(ids.advisor1, TUE)).toContain(early.startsAt);

    // 10:00: the deadline itself (08:00) is already too late, for cancelling and for moving.
    w.clock.set(at(TUE, '08:00'));
    expect(outcome(await call(resident1, 'booking', { action: 'cancel', bookingId: late.id }))).toBe('CUTOFF_PASSED');
    expect(outcome(await call(resident1, 'booking', { action: 'reschedule', bookingId: late.id, startsAt: at(TUE, '16:00') }))).toBe('CUTOFF_PASSED');
    expect(await directBooking(w, late.id)).toMatchObject({ status: 'confirmed', version: 2, startsAt: new Date(at(TUE, '10:00')) });

    // Nothing was promised on a request not yet accepted: the resident may withdraw it any time.
    w.clock.set(at(TUE, '09:30'));
    expect(expectOk<BookingView>(await call(resident1, 'booking', { action: 'cancel', bookingId: unanswered.id })).status).toBe('cancelled');
  });

  it('is cancelled by its provider only with a reason, which the resident is told', async () => {
    const { resident1, advisor1 } = w.people;
    const created = await book(w, resident1, advisorCreate(at(WED, '14:00')));
    expectOk(await provider(advisor1, 'accept', { bookingId: created.id }));
    for (const event of [{ bookingId: created.id }, { bookingId: created.id, reason: ' ' }]) {
      expect(errorOf(await provider(advisor1, 'cancel', event))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'reason' }] });
    }
    expect((await directBooking(w, created.id))!.status).toBe('confirmed');

    const cancelled = expectOk<BookingView>(await provider(advisor1, 'cancel', { bookingId: created.id, reason: '临时被抽调去防汛值班' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: '临时被抽调去防汛值班' });
    expect((await detailOf(w, resident1, created.id)).history.at(-1)).toMatchObject({ action: 'cancel', actorRole: 'provider', reason: '临时被抽调去防汛值班' });
    const [event] = await directOutbox(w, { bookingId: created.id, type: 'booking_cancel' });
    expect(event).toMatchObject({ recipients: [resident1.userId], payload: { status: 'cancelled', reason: '临时被抽调去防汛值班' } });
    expect(await starts(ids.advisor1, WED)).toContain(created.startsAt);
  });

  it('expires when nobody answers before acceptBy, on the expiry timer', async () => {
    const { resident1, resident2, advisor1 } = w.people;
    const ignored = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const answered = await book(w, resident2, advisorCreate(at(WED, '09:30')));
    expectOk(await provider(advisor1, 'accept', { bookingId: answered.id }));
    expect(ignored.acceptBy).toBe('2026-12-01T00:00:00.000Z');

    w.clock.set('2026-11-30T23:59:59.000Z');
    expect(await w.t.app.services.maintenance.expireRequests()).toEqual({ expired: 0 });
    expect((await directBooking(w, ignored.id))!.status).toBe('requested');

    w.clock.set('2026-12-01T00:00:01.000Z');
    expect(await w.t.app.services.maintenance.expireRequests()).toEqual({ expired: 1 });
    expect((await detailOf(w, resident1, ignored.id)).history.at(-1)).toEqual({
      at: '2026-12-01T00:00:01.000Z',
      from: 'requested',
      to: 'expired',
      action: 'expire',
      actorRole: 'system',
      reason: null,
    });
    expect((await directBooking(w, answered.id))!.status).toBe('confirmed');
    const free = await starts(ids.advisor1, WED);
    expect(free).toContain(ignored.startsAt);
    expect(free).not.toContain(answered.startsAt);
    expect(await w.t.app.services.maintenance.expireRequests()).toEqual({ expired: 0 });
    // Too late to accept now.
    expect(outcome(await provider(advisor1, 'accept', { bookingId: ignored.id }))).toBe('CONFLICT');
  });

  it('is rescheduled to another slot: the old slot is free again and the new one taken', async () => {
    const { resident1, resident2 } = w.people;
    const created = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    expect(await starts(ids.advisor1, TUE)).toEqual(expect.arrayContaining([at(TUE, '10:00')]));

    const moved = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: created.id, startsAt: at(TUE, '10:00') }));
    expect(moved).toMatchObject({ id: created.id, status: 'requested', startsAt: at(TUE, '10:00'), endsAt: at(TUE, '10:30') });

    const free = await starts(ids.advisor1, TUE);
    expect(free).toContain(at(TUE, '09:00'));
    expect(free).not.toContain(at(TUE, '10:00'));
    const seats = await w.t.db.collection('seats').find({ bookingId: created.id }).toArray();
    expect(seats.map((s) => s._id)).toEqual([`slot:${ids.advisor1}:${at(TUE, '10:00')}#0`]);
    expect((await detailOf(w, resident1, created.id)).history.at(-1)).toMatchObject({ action: 'reschedule', actorRole: 'resident', from: 'requested', to: 'requested' });

    // The old time is anyone's again; the new one is not.
    expect(outcome(await call(resident2, 'booking', advisorCreate(at(TUE, '10:00'))))).toBe('SLOT_FULL');
    expect((await book(w, resident2, advisorCreate(at(TUE, '09:00')))).startsAt).toBe(at(TUE, '09:00'));
    // And the resident is not double-booked at the time they left.
    expect(outcome(await call(resident1, 'booking', advisorCreate(at(TUE, '10:00'), { providerId: ids.advisor2 })))).toBe('OVERLAPPING_BOOKING');
    expect((await book(w, resident1, advisorCreate(at(TUE, '09:00'), { providerId: ids.advisor2 }))).status).toBe('requested');
  });

  it('gets a new acceptBy when a request is moved: the accept window from the move, never past the new start', async () => {
    const { resident1, advisor1 } = w.people;
    const created = await book(w, resident1, advisorCreate(at(WED, '14:00')));
    // Booked Monday 08:00: to be answered by Tuesday 08:00.
    expect(created.acceptBy).toBe(at(TUE, '08:00'));

    // Moved Monday 20:00 to Thursday: the advisor has 24 hours from the move.
    w.clock.set(at('2026-11-30', '20:00'));
    const moved = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: created.id, startsAt: at(THU, '14:00') }));
    expect(moved).toMatchObject({ status: 'requested', startsAt: at(THU, '14:00'), acceptBy: at(TUE, '20:00') });
    expect((await detailOf(w, resident1, created.id)).booking.acceptBy).toBe(at(TUE, '20:00'));
    // Recorded with the move, so the repair step replays it too.
    const record = await w.t.db.collection('transitions').findOne({ _id: `${created.id}#2` as never });
    expect(record!.changes).toMatchObject({ acceptBy: new Date(at(TUE, '20:00')) });

    // The old deadline no longer expires it; the new one does.
    w.clock.set(new Date(Date.parse(at(TUE, '08:00')) + 1000));
    expect(await w.t.app.services.maintenance.expireRequests()).toEqual({ expired: 0 });
    expect((await directBooking(w, created.id))!.status).toBe('requested');

    // Moved Tuesday 09:00 to 11:00 that day: the window would end Wednesday, the start comes first.
    w.clock.set(at(TUE, '09:00'));
    const soon = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: created.id, startsAt: at(TUE, '11:00') }));
    expect(soon).toMatchObject({ status: 'requested', startsAt: at(TUE, '11:00'), acceptBy: at(TUE, '11:00') });

    w.clock.set(new Date(Date.parse(at(TUE, '11:00')) + 1000));
    expect(await w.t.app.services.maintenance.expireRequests()).toEqual({ expired: 1 });
    expect((await directBooking(w, created.id))!.status).toBe('expired');

    // A confirmed booking has nothing left to accept: moving it leaves acceptBy as it was.
    w.clock.set(at(TUE, '12:00'));
    const confirmedOne = await book(w, resident1, advisorCreate(at(THU, '09:00')));
    expectOk(await provider(advisor1, 'accept', { bookingId: confirmedOne.id }));
    w.clock.set(at(TUE, '20:00'));
    const movedConfirmed = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: confirmedOne.id, startsAt: at(THU, '16:00') }));
    expect(movedConfirmed).toMatchObject({ status: 'confirmed', startsAt: at(THU, '16:00'), acceptBy: confirmedOne.acceptBy });
  });

  it('answers a retried create with the same booking, never a second one', async () => {
    const { resident1, resident2, advisor1 } = w.people;
    const event = advisorCreate(at(TUE, '14:00'));
    const first = await book(w, resident1, event);
    const retry = await book(w, resident1, event);
    expect(retry.id).toBe(first.id);
    expect(retry.status).toBe('requested');

    expectOk(await provider(advisor1, 'accept', { bookingId: first.id }));
    const later = await book(w, resident1, event);
    expect(later).toMatchObject({ id: first.id, status: 'confirmed' });

    expect(await w.t.db.collection('bookings').countDocuments({ requestId: event.requestId })).toBe(1);
    expect(await w.t.db.collection('seats').countDocuments({ pool: `slot:${ids.advisor1}:${at(TUE, '14:00')}` })).toBe(1);
    expect(await w.t.db.collection('outbox').countDocuments({ bookingId: first.id, type: 'booking_requested' })).toBe(1);
    // The request id is the client's own: another resident using the same one makes their own attempt.
    expect(outcome(await call(resident2, 'booking', event))).toBe('SLOT_FULL');
  });

  it('lets a resident book for a family member at a time they are busy themselves, but not twice for one person', async () => {
    const { resident1 } = w.people;
    const mother = { name: '张桂兰', phone: '13700001111', relationship: 'parent' };
    const own = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const forMother = await book(w, resident1, advisorCreate(at(TUE, '09:00'), { providerId: ids.advisor2, forFamily: mother }));
    expect(forMother.forFamily).toEqual(mother);
    expect(outcome(await call(resident1, 'booking', advisorCreate(at(TUE, '09:00'), { providerId: ids.advisor3, forFamily: mother })))).toBe('OVERLAPPING_BOOKING');
    expect(outcome(await call(resident1, 'booking', advisorCreate(at(TUE, '09:00'), { providerId: ids.advisor3 })))).toBe('OVERLAPPING_BOOKING');
    const mine = expectOk<{ items: BookingView[]; total: number }>(await call(resident1, 'booking', { action: 'mine' }));
    expect(mine.items.map((b) => b.id).sort()).toEqual([own.id, forMother.id].sort());
    expect(mine.total).toBe(2);
    // The refused attempts gave back their seats.
    expect(await starts(ids.advisor3, TUE)).toContain(at(TUE, '09:00'));
  });
});

describe('escort', () => {
  it('goes from request to the pool, eligible residents first, to one escort’s claim', async () => {
    const residents = [await freshResident(w), await freshResident(w), await freshResident(w), await freshResident(w)];
    const paying = await book(w, residents[0]!, escortCreate(at(WED, '14:00'), { details: { eligibility: 'none' } }));
    const dibao = await book(w, residents[1]!, escortCreate(at(THU, '09:00'), { details: { eligibility: 'dibao' } }));
    const tekun = await book(w, residents[2]!, escortCreate(at(WED, '16:00'), { details: { eligibility: 'tekun' } }));
    const payingEarly = await book(w, residents[3]!, escortCreate(at(WED, '09:00'), { details: { eligibility: 'none' } }));
    expect([paying.freeOfCharge, dibao.freeOfCharge]).toEqual([false, true]);
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
    const [event] = await directOutbox(w, { bookingId: dibao.id, type: 'booking_claim' });
    expect(event!.recipients).toEqual([residents[1]!.userId]);
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

    const [assignEvent] = await directOutbox(w, { bookingId: request.id, type: 'booking_assign' });
    expect(assignEvent!.recipients.sort()).toEqual([resident.userId, escort1.userId].sort());
    const [reassignEvent] = await directOutbox(w, { bookingId: request.id, type: 'booking_reassign' });
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

describe('opening hours', () => {
  it('reports the bookings a weekly-rule change strands and records availability_changed for each', async () => {
    const { resident1, resident2, advisor1 } = w.people;
    const wednesday = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const thursday = await book(w, resident2, advisorCreate(at(THU, '09:00')));
    w.clock.advance(5 * 60_000);

    const withoutWednesday = demoWeeklyRules('advisor').filter((rule) => rule.weekday !== 3);
    const changed = expectOk<{ availability: { rules: unknown[] }; affected: BookingView[] }>(
      await provider(advisor1, 'setWeeklyRules', { rules: withoutWednesday }),
    );
    expect(changed.availability.rules).toHaveLength(withoutWednesday.length);
    expect(changed.affected.map((b) => b.id)).toEqual([wednesday.id]);

    const events = await directOutbox(w, { type: 'availability_changed' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      bookingId: wednesday.id,
      recipients: [resident1.userId],
      payload: { service: 'advisor', startsAt: at(WED, '09:00') },
      at: new Date('2026-11-30T00:05:00.000Z'),
      // Turned into the resident's notice in the same call.
      processedAt: new Date('2026-11-30T00:05:00.000Z'),
    });
    // The booking stays: the provider decides whether to cancel or move it.
    expect((await directBooking(w, wednesday.id))!.status).toBe('requested');
    expect((await directBooking(w, thursday.id))!.status).toBe('requested');
    expect(await starts(ids.advisor1, WED)).toEqual([]);
    expect(await starts(ids.advisor1, THU)).toHaveLength(10);

    // Staff of the station's 街道 put Wednesday back: nothing is stranded, nothing is recorded.
    w.clock.advance(5 * 60_000);
    const restored = expectOk<{ affected: BookingView[] }>(
      await provider(w.people.staff, 'setWeeklyRules', { providerId: ids.advisor1, rules: demoWeeklyRules('advisor') }),
    );
    expect(restored.affected).toEqual([]);
    expect(await directOutbox(w, { type: 'availability_changed' })).toHaveLength(1);
    expect(await starts(ids.advisor1, WED)).toHaveLength(10);
  });

  it('closes every slot on a holiday and opens a make-up workday', async () => {
    const { admin, resident1 } = w.people;
    expect(await starts(ids.advisor1, WED)).toHaveLength(11);
    expect(await starts(ids.advisor1, '2026-12-05')).toEqual([]);

    expectOk(await call(admin, 'admin', { action: 'setHolidayCalendar', holidays: [WED], workdays: [{ date: '2026-12-05', followsWeekday: 3 }] }));

    expect(await starts(ids.advisor1, WED)).toEqual([]);
    expect(await starts(ids.counselor1, WED)).toEqual([]);
    expect(await starts(ids.advisor1, '2026-12-05')).toHaveLength(11);
    expect(errorOf(await call(resident1, 'booking', advisorCreate(at(WED, '09:00'))))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'startsAt' }] });
    expect((await book(w, resident1, advisorCreate(at('2026-12-05', '09:00')))).status).toBe('requested');
    // The provider list shows the next free slots around the holiday.
    const providers = expectOk<{ id: string; nextSlots: { startsAt: string }[] }[]>(await call(resident1, 'catalog', { action: 'providers', service: 'advisor' }));
    const first = providers.find((p) => p.id === ids.advisor1)!;
    expect(first.nextSlots.map((s) => s.startsAt)).toEqual([at('2026-11-30', '09:00'), at('2026-11-30', '09:30'), at('2026-11-30', '10:00')]);
  });

  it('refuses extra hours that overlap other extra hours on the same date, writing nothing', async () => {
    const { advisor1 } = w.people;
    const SUN = '2026-12-06';
    const extra = (start: string, end: string) => ({ exception: { date: SUN, kind: 'extra', start, end, slotMinutes: 30, capacity: 1, bufferMinutes: 0 } });
    expectOk(await provider(advisor1, 'addException', extra('14:00', '16:00')));
    const before = (await w.t.app.repos.availability.get(ids.advisor1)).exceptions;
    const clash = await provider(advisor1, 'addException', extra('15:00', '17:00'));
    expect(clash.ok ? null : clash.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'exception.start', message: '与同一天的另一段时间重叠' }] } });
    expect((await w.t.app.repos.availability.get(ids.advisor1)).exceptions).toEqual(before);
    // Touching is not overlapping.
    expectOk(await provider(advisor1, 'addException', extra('16:00', '17:00')));
    expect(await starts(ids.advisor1, SUN)).toHaveLength(6);
  });

  it('returns the bookings a new holiday strands to the admin and tells their residents, once', async () => {
    const { admin, resident1, resident2 } = w.people;
    const onHoliday = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const counseling = await book(w, resident2, counselingCreate(at(WED, '14:00')));
    const otherDay = await book(w, resident2, advisorCreate(at(THU, '09:00')));
    const calendar = { action: 'setHolidayCalendar', holidays: [WED], workdays: [] };

    const set = expectOk<{ holidays: string[]; affected: BookingView[] }>(await call(admin, 'admin', calendar));
    expect(set.holidays).toEqual([WED]);
    expect(set.affected.map((b) => b.id)).toEqual([onHoliday.id, counseling.id]);
    // The admin sees the counseling booking like any list: no topic.
    expect(set.affected[1]!.details).toEqual({ kind: 'counseling', format: expect.any(String) });
    const events = await directOutbox(w, { type: 'availability_changed' });
    // Events of one moment come back in no particular order.
    const byBooking = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(events.map((e) => [e.bookingId, e.recipients]).sort(byBooking)).toEqual(
      [
        [onHoliday.id, [resident1.userId]],
        [counseling.id, [resident2.userId]],
      ].sort(byBooking),
    );
    expect((await directBooking(w, otherDay.id))!.status).toBe('requested');

    // Saving the same calendar again strands nothing new, so nobody is told twice.
    w.clock.advance(60_000);
    expect(expectOk<{ affected: BookingView[] }>(await call(admin, 'admin', calendar)).affected).toEqual([]);
    expect(await directOutbox(w, { type: 'availability_changed' })).toHaveLength(2);
  });

  it('returns the active future bookings of a provider taken off duty and tells their residents', async () => {
    const { admin, resident1, advisor1 } = w.people;
    const requested = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const confirmed = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    expectOk(await call(advisor1, 'provider', { action: 'accept', bookingId: confirmed.id }));
    const cancelled = await book(w, resident1, advisorCreate(at(THU, '09:00')));
    expectOk(await call(resident1, 'booking', { action: 'cancel', bookingId: cancelled.id }));

    const off = expectOk<{ deactivated: string; affected: BookingView[] }>(await call(admin, 'admin', { action: 'deactivateProvider', providerId: ids.advisor1 }));
    expect(off.deactivated).toBe(ids.advisor1);
    expect(off.affected.map((b) => [b.id, b.status])).toEqual([
      [requested.id, 'requested'],
      [confirmed.id, 'confirmed'],
    ]);
    expect((await directOutbox(w, { type: 'availability_changed' })).map((e) => e.bookingId).sort()).toEqual([requested.id, confirmed.id].sort());
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
      w.t.db.collection('timelocks').countDocuments({ bookingId, personKey: `escort:${escort}` });
    expect(await escortLocks(morning.id, ids.escort2)).toBe(240 / 5);
    expect(await escortLocks(morning.id, ids.escort1)).toBe(0);
    expect(await escortLocks(midday.id, ids.escort2)).toBe(0);
  });
});
