/**
 * A booking's life through the functions residents and providers call: create, accept, complete,
 * decline, cancel (with the cut-off), expiry, reschedule, idempotent retry, booking for family.
 * Escort work is in booking-escort, opening hours in booking-opening-hours.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host. The clock is a manual one starting Monday 2026-11-30 08:00 in Shanghai (00:00Z) and moved
 * by hand. Each test gets a fresh district.
 */
import {
  advisorCreate,
  at,
  book,
  DEMO_WEEK,
  detailOf,
  directBooking,
  directOutbox,
  errorOf,
  freshWorldForEachTest,
  ids,
  outcome,
  worldCalls,
  type BookingView,
  type BookingWorld,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { TUE, WED, THU } = DEMO_WEEK;
const { call, provider, starts } = worldCalls(() => w);

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
    const records = await w.t.app.repos.bookings.history((await w.t.app.repos.bookings.findById(created.id))!);
    expect(records.map((r) => r.actorId)).toEqual([resident1.userId, advisor1.userId, advisor1.userId]);

    // Each step tells the other side.
    const events = await directOutbox(w, { 'subject.id': created.id });
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
    expect(await directOutbox(w, { 'subject.id': first.id, type: { $in: ['booking_complete', 'booking_no_show'] } })).toEqual([]);
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
    const [event] = await directOutbox(w, { 'subject.id': created.id, type: 'booking_decline' });
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

  it('says in each view what the caller may do now, and the server then allows exactly that', async () => {
    const { resident1, advisor1 } = w.people;
    const allowed = async (person: typeof resident1, id: string) => [...(await detailOf(w, person, id)).booking.allowedActions].sort();
    const confirmed = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const request = await book(w, resident1, advisorCreate(at(TUE, '10:30')));
    expect([...confirmed.allowedActions].sort()).toEqual(['cancel', 'reschedule']);
    expect(await allowed(advisor1, confirmed.id)).toEqual(['accept', 'decline']);
    expect(expectOk<BookingView>(await provider(advisor1, 'accept', { bookingId: confirmed.id })).allowedActions).toEqual(['cancel']);

    // Tuesday 09:00: past both cut-offs (07:00 and 08:30). The confirmed booking is fixed for the
    // resident; the request, which promised nothing yet, may still be withdrawn or moved.
    w.clock.set(at(TUE, '09:00'));
    expect(await allowed(resident1, confirmed.id)).toEqual([]);
    expect(await allowed(advisor1, confirmed.id)).toEqual(['cancel', 'complete', 'no_show']);
    expect(await allowed(resident1, request.id)).toEqual(['cancel', 'reschedule']);
    const moved = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: request.id, startsAt: at(TUE, '16:00') }));
    expect(moved).toMatchObject({ status: 'requested', startsAt: at(TUE, '16:00') });
    expect(outcome(await call(resident1, 'booking', { action: 'reschedule', bookingId: confirmed.id, startsAt: at(TUE, '16:30') }))).toBe('CUTOFF_PASSED');
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
    const [event] = await directOutbox(w, { 'subject.id': created.id, type: 'booking_cancel' });
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
    const seats = await w.t.db.collection('seats').find({ 'subject.id': created.id }).toArray();
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
    expect(await w.t.db.collection('outbox').countDocuments({ 'subject.id': first.id, type: 'booking_requested' })).toBe(1);
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
