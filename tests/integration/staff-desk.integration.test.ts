/**
 * The staff desk's bookings through the `staff` function: a 街道's list with its filters, one
 * booking's details, and escort dispatch (order, urgency, duplicates for one person, the escorts'
 * day). Staff see their 街道 only; counseling topic, notes and reasons never reach the desk.
 *
 * Real parts: the local engine, the seeded demo district, session tokens. Manual clock from Monday
 * 2026-11-30 08:00 Shanghai; each test gets a fresh district.
 */
import {
  advisorCreate,
  at,
  book,
  COUNSELING_NOTE,
  counselingCreate,
  DEMO_WEEK,
  errorOf,
  escortCreate,
  freshResident,
  freshWorldForEachTest,
  HOUR,
  ids,
  worldCalls,
  type BookingView,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { TUE, WED, THU } = DEMO_WEEK;
const { call } = worldCalls(() => w);
const desk = (person: Person, action: string, event: Record<string, unknown> = {}) => call(person, 'staff', { action, ...event });
type Page = { items: BookingView[]; total: number; page: number; pageSize: number };
type Queue = { items: { booking: BookingView; urgent: boolean; possibleDuplicateIds: string[] }[] };

describe('a 街道’s bookings', () => {
  it('lists its bookings with filters and pages, latest first, and another 街道’s staff see none of them', async () => {
    const resident = await freshResident(w);
    const advisorTue = await book(w, resident, advisorCreate(at(TUE, '10:00')));
    const advisorWed = await book(w, resident, advisorCreate(at(WED, '10:00')));
    const escort = await book(w, await freshResident(w), escortCreate(at(THU, '09:00')));
    const elsewhere = await book(w, await freshResident(w, 'cm-hehua'), advisorCreate(at(WED, '11:00'), { providerId: ids.advisor3 }));

    const all = expectOk<Page>(await desk(w.people.staff, 'streetBookings'));
    expect(all.items.map((b) => b.id)).toEqual([escort.id, advisorWed.id, advisorTue.id]);
    expect(all.total).toBe(3);
    const advisorsOnly = expectOk<Page>(await desk(w.people.staff, 'streetBookings', { service: 'advisor', from: WED, to: WED }));
    expect(advisorsOnly.items.map((b) => b.id)).toEqual([advisorWed.id]);
    const byCommunity = expectOk<Page>(await desk(w.people.staff, 'streetBookings', { communityId: 'cm-xiaoying', service: 'escort' }));
    expect(byCommunity.items.map((b) => b.id)).toEqual([escort.id]);
    const byStation = expectOk<Page>(await desk(w.people.staff, 'streetBookings', { stationId: 'sn-xiaoying' }));
    expect(byStation.items.map((b) => b.id).sort()).toEqual([advisorTue.id, advisorWed.id].sort());
    const second = expectOk<Page>(await desk(w.people.staff, 'streetBookings', { page: 2, pageSize: 2 }));
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((b) => b.id)).toEqual([advisorTue.id]);
    // A list masks contact data: staff open a booking to see it in full.
    expect(all.items[2]!.contactPhone).not.toBe('13811112222');

    // A staff member's 街道 is their own, whatever they ask for; admin see all, or the one asked for.
    const other = expectOk<Page>(await desk(w.people.otherStaff, 'streetBookings', { streetId: ids.street }));
    expect(other.items.map((b) => b.id)).toEqual([elsewhere.id]);
    expect(expectOk<Page>(await desk(w.people.admin, 'streetBookings')).total).toBe(4);
    expect(expectOk<Page>(await desk(w.people.admin, 'streetBookings', { streetId: ids.otherStreet })).items.map((b) => b.id)).toEqual([elsewhere.id]);
    expect(errorOf(await desk(w.people.otherStaff, 'streetBooking', { bookingId: advisorTue.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await desk(w.people.resident1, 'streetBookings')).code).toBe('FORBIDDEN');
  });

  it('shows a booking in full to staff of its 街道, but never a counseling topic, note or reason', async () => {
    const resident = await freshResident(w);
    const advisor = await book(w, resident, advisorCreate(at(WED, '10:00')));
    const detail = expectOk<{ booking: BookingView; history: unknown[] }>(await desk(w.people.staff, 'streetBooking', { bookingId: advisor.id }));
    expect(detail.booking.contactPhone).toBe('13811112222');
    expect(detail.history).toHaveLength(1);

    const counseling = await book(w, resident, counselingCreate(at(WED, '14:00')));
    expectOk(await call(w.people.counselor1, 'provider', { action: 'decline', bookingId: counseling.id, reason: '私人原因：与来访者相识' }));
    for (const reply of [await desk(w.people.admin, 'streetBookings', { service: 'counseling' }), await desk(w.people.admin, 'streetBooking', { bookingId: counseling.id })]) {
      const text = JSON.stringify(expectOk(reply));
      expect(text).toContain(counseling.id);
      expect(text).not.toContain(COUNSELING_NOTE);
      expect(text).not.toContain('cooling_off');
      expect(text).not.toContain('私人原因');
    }
  });
});

describe('escort dispatch', () => {
  it('orders open requests as escorts see them, marks those near their accept-by and those that may be one person twice', async () => {
    const son = await freshResident(w);
    const daughter = await freshResident(w);
    const mother = { name: '张奶奶', phone: '13922223333', relationship: 'mother' };
    const paying = { eligibility: 'none' };
    // Asked for first: its accept-by comes six hours before the others'.
    const soon = await book(w, await freshResident(w), escortCreate(at(TUE, '15:00'), { details: paying }));
    w.clock.advance(6 * HOUR);
    const bySon = await book(w, son, escortCreate(at(THU, '09:00'), { forFamily: mother, details: paying }));
    const byDaughter = await book(w, daughter, escortCreate(at(THU, '10:00'), { forFamily: mother, details: paying }));
    const dibao = await book(w, await freshResident(w), escortCreate(at(THU, '14:00'), { details: { eligibility: 'dibao' } }));
    const elsewhere = await book(w, await freshResident(w, 'cm-hehua'), escortCreate(at(THU, '09:00'), { details: { streetId: ids.otherStreet } }));

    w.clock.set(new Date(new Date(soon.acceptBy!).getTime() - HOUR));
    const queue = expectOk<Queue>(await desk(w.people.staff, 'dispatchQueue'));
    expect(queue.items.map((i) => i.booking.id)).toEqual([dibao.id, soon.id, bySon.id, byDaughter.id]);
    expect(queue.items.find((i) => i.booking.id === soon.id)!.urgent).toBe(true);
    expect(queue.items.find((i) => i.booking.id === dibao.id)!.urgent).toBe(false);
    expect(queue.items.find((i) => i.booking.id === bySon.id)!.possibleDuplicateIds).toEqual([byDaughter.id]);
    expect(queue.items.find((i) => i.booking.id === byDaughter.id)!.possibleDuplicateIds).toEqual([bySon.id]);
    expect(queue.items.find((i) => i.booking.id === dibao.id)!.possibleDuplicateIds).toEqual([]);

    // Once one of them is taken the other is still flagged: it is the open one staff must look at.
    expectOk(await call(w.people.escort1, 'provider', { action: 'claim', bookingId: bySon.id }));
    const after = expectOk<Queue>(await desk(w.people.staff, 'dispatchQueue'));
    expect(after.items.find((i) => i.booking.id === byDaughter.id)!.possibleDuplicateIds).toEqual([bySon.id]);
    // Never told to a booker: their own view of their request carries nothing of the other's.
    expect(JSON.stringify(expectOk(await call(daughter, 'booking', { action: 'detail', bookingId: byDaughter.id })))).not.toContain(bySon.id);

    expect(expectOk<Queue>(await desk(w.people.otherStaff, 'dispatchQueue')).items.map((i) => i.booking.id)).toEqual([elsewhere.id]);
    expect(expectOk<Queue>(await desk(w.people.admin, 'dispatchQueue')).items).toHaveLength(4);
  });

  it('shows the escorts who may take a request with their day, and who is free at its time', async () => {
    const first = await book(w, await freshResident(w), escortCreate(at(THU, '09:00')));
    const second = await book(w, await freshResident(w), escortCreate(at(THU, '10:00')));
    expectOk(await call(w.people.escort1, 'provider', { action: 'claim', bookingId: first.id }));
    type Day = { date: string; escorts: { providerId: string; name: string; freeAtRequest: boolean; assigned: boolean; jobs: { startsAt: string; hospital: string | null }[] }[] };
    const day = expectOk<Day>(await desk(w.people.staff, 'escortDay', { bookingId: second.id }));
    expect(day.date).toBe(THU);
    const escort1 = day.escorts.find((e) => e.providerId === ids.escort1)!;
    expect(escort1).toMatchObject({ freeAtRequest: false, assigned: false, jobs: [{ startsAt: first.startsAt, hospital: '常州市第一人民医院' }] });
    expect(JSON.stringify(escort1.jobs)).not.toContain('小营前');
    const free = day.escorts.filter((e) => e.freeAtRequest).map((e) => e.providerId);
    expect(free.length).toBeGreaterThan(0);
    expect(free).not.toContain(ids.escort1);
    expect(errorOf(await desk(w.people.staff, 'escortDay', { bookingId: (await book(w, await freshResident(w), advisorCreate(at(WED, '10:00')))).id })).code).toBe('VALIDATION_FAILED');
    expect(errorOf(await desk(w.people.otherStaff, 'escortDay', { bookingId: second.id })).code).toBe('NOT_FOUND');
  });
});

describe('eligibility check', () => {
  const review = (person: Person, bookingId: string, verdict: 'verified' | 'rejected', reason?: string) =>
    desk(person, 'reviewEligibility', { bookingId, verdict, ...(reason ? { reason } : {}) });

  it('makes a claimed group free once staff verify it, and the resident is told', async () => {
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(THU, '09:00'), { details: { eligibility: 'tekun' } }));
    expect(request).toMatchObject({ freeOfCharge: false, eligibilityCheck: { status: 'pending' } });
    const queued = expectOk<Queue>(await desk(w.people.staff, 'dispatchQueue')).items.find((i) => i.booking.id === request.id)!;
    expect(queued.booking.allowedActions).toContain('verify_eligibility');

    const verified = expectOk<BookingView>(await review(w.people.staff, request.id, 'verified'));
    expect(verified).toMatchObject({ freeOfCharge: true, eligibilityCheck: { status: 'verified', statusLabel: '已核实' } });
    expect(verified.allowedActions).not.toContain('verify_eligibility');
    const mine = expectOk<{ booking: BookingView; history: { action: string }[] }>(await call(resident, 'booking', { action: 'detail', bookingId: request.id }));
    expect(mine.booking).toMatchObject({ freeOfCharge: true, status: 'requested', eligibilityCheck: { status: 'verified' } });
    expect(mine.history.at(-1)!.action).toBe('eligibility_verify');
    const inbox = expectOk<{ items: { title: string; body: string }[] }>(await call(resident, 'notify', { action: 'list' }));
    expect(inbox.items.map((n) => n.title)).toContain('免费资格已核实');
    expect(errorOf(await review(w.people.staff, request.id, 'rejected', '改判')).code).toBe('ALREADY_DECIDED');
  });

  it('tells the resident why a claim was not verified, and nobody else (not the escort)', async () => {
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(THU, '09:00'), { details: { eligibility: 'dibao' } }));
    expectOk(await call(w.people.escort1, 'provider', { action: 'claim', bookingId: request.id }));
    expect(errorOf(await review(w.people.staff, request.id, 'rejected'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'reason' }] });
    expect(errorOf(await review(w.people.otherStaff, request.id, 'verified')).code).toBe('NOT_FOUND');
    const reason = '低保证已于十月到期';
    const rejected = expectOk<BookingView>(await review(w.people.staff, request.id, 'rejected', reason));
    expect(rejected).toMatchObject({ freeOfCharge: false, status: 'confirmed', eligibilityCheck: { status: 'rejected', reason } });

    const own = expectOk<{ booking: BookingView }>(await call(resident, 'booking', { action: 'detail', bookingId: request.id }));
    expect(own.booking.eligibilityCheck).toEqual({ status: 'rejected', statusLabel: '未通过核实', reason });
    const inbox = expectOk<{ items: { title: string; body: string }[] }>(await call(resident, 'notify', { action: 'list' }));
    expect(inbox.items.find((n) => n.title === '免费资格未通过')!.body).toContain(reason);

    const escortView = expectOk<{ booking: BookingView; history: unknown[] }>(await call(w.people.escort1, 'booking', { action: 'detail', bookingId: request.id }));
    expect(escortView.booking.eligibilityCheck).toMatchObject({ status: 'rejected', reason: null });
    expect(JSON.stringify(escortView)).not.toContain(reason);
    expect(JSON.stringify(expectOk(await call(w.people.escort1, 'notify', { action: 'list' })))).not.toContain(reason);
  });

  it('refuses a booking with no claim', async () => {
    const paying = await book(w, await freshResident(w), escortCreate(at(THU, '09:00'), { details: { eligibility: 'none' } }));
    expect(errorOf(await review(w.people.staff, paying.id, 'verified'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'bookingId' }] });
    expect(errorOf(await review(w.people.resident1, paying.id, 'verified')).code).toBe('FORBIDDEN');
  });

  it('is decided once when staff and admin decide at the same moment, round after round', async () => {
    for (let round = 0; round < 3; round += 1) {
      const request = await book(w, await freshResident(w), escortCreate(at(THU, '09:00'), { details: { eligibility: 'disabled' } }));
      const deciders = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? w.people.staff : w.people.admin));
      const replies = await Promise.all(deciders.map((person, i) => review(person, request.id, i % 3 === 0 ? 'rejected' : 'verified', i % 3 === 0 ? `第${i}位：材料不全` : undefined)));
      const won = replies.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(replies.filter((r) => !r.ok).map((r) => errorOf(r).code).every((code) => code === 'CONFLICT' || code === 'ALREADY_DECIDED')).toBe(true);
      const detail = expectOk<{ booking: BookingView; history: { action: string }[] }>(await desk(w.people.admin, 'streetBooking', { bookingId: request.id }));
      expect(detail.history.filter((h) => h.action.startsWith('eligibility_'))).toHaveLength(1);
      const winner = won[0]!.data as BookingView;
      expect(detail.booking.eligibilityCheck).toEqual(winner.eligibilityCheck);
      expect(detail.booking.freeOfCharge).toBe(winner.eligibilityCheck!.status === 'verified');
    }
  });
});

describe('booking for a walk-in or phone caller (代办)', () => {
  const elder = { name: '赵奶奶', phone: '13755556666', communityId: 'cm-xiaoying' };
  const bookFor = (person: Person, event: Record<string, unknown>, who = elder) => {
    const { action: _create, ...request } = event;
    return desk(person, 'bookFor', { elder: who, ...request });
  };

  it('records the staff member as booker of record and the elder as the person served; the staff member hears of it', async () => {
    // A resident who happens to have the elder's number: the app never speaks to that phone for a 代办.
    const sameNumber = await freshResident(w);
    expectOk(await call(sameNumber, 'user', { action: 'updateProfile', phone: elder.phone }));
    const { contactPhone: _own, ...event } = advisorCreate(at(WED, '10:00'));
    const made = expectOk<BookingView>(await bookFor(w.people.staff, event));
    expect(made).toMatchObject({ status: 'requested', contactPhone: elder.phone, forFamily: { name: '赵奶奶', phone: elder.phone, relationship: 'proxy' } });
    const stored = await w.t.db.collection('bookings').findOne({ _id: made.id as never });
    expect(stored).toMatchObject({ bookerId: w.people.staff.userId, communityId: 'cm-xiaoying', streetId: ids.street });

    expectOk(await call(w.people.advisor1, 'provider', { action: 'accept', bookingId: made.id }));
    const staffInbox = expectOk<{ items: { title: string }[] }>(await call(w.people.staff, 'notify', { action: 'list' }));
    expect(staffInbox.items.map((n) => n.title)).toContain('预约已确认');
    expect(expectOk<{ items: unknown[] }>(await call(sameNumber, 'notify', { action: 'list' })).items).toEqual([]);
    // The advisor sees who to serve and whom to call: the elder.
    const job = expectOk<{ booking: BookingView }>(await call(w.people.advisor1, 'booking', { action: 'detail', bookingId: made.id }));
    expect(job.booking.forFamily).toMatchObject({ name: '赵奶奶', phone: elder.phone });
    expect(job.booking.contactPhone).toBe(elder.phone);
  });

  it('keeps one elder to one booking at a time whoever books, retries by request id, and stays in the staff member’s 街道', async () => {
    const first = advisorCreate(at(WED, '10:00'));
    const made = expectOk<BookingView>(await bookFor(w.people.staff, first));
    expect(expectOk<BookingView>(await bookFor(w.people.staff, first)).id).toBe(made.id);
    expect(errorOf(await bookFor(w.people.admin, advisorCreate(at(WED, '10:00'), { providerId: ids.advisor2 }))).code).toBe('OVERLAPPING_BOOKING');

    const hehua = { ...elder, phone: '13755557777', communityId: 'cm-hehua' };
    expect(errorOf(await bookFor(w.people.staff, advisorCreate(at(WED, '11:00'), { providerId: ids.advisor3 }), hehua))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'elder.communityId' }],
    });
    expect(errorOf(await bookFor(w.people.staff, escortCreate(at(THU, '09:00'), { details: { streetId: ids.otherStreet } })))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'details.streetId' }],
    });
    expect(expectOk<BookingView>(await bookFor(w.people.otherStaff, advisorCreate(at(WED, '11:00'), { providerId: ids.advisor3 }), hehua)).streetId).toBe(ids.otherStreet);
    expect(errorOf(await bookFor(w.people.resident1, advisorCreate(at(WED, '12:00')))).code).toBe('FORBIDDEN');
  });

  it('takes an escort request for the elder into the pool with its claim waiting to be checked', async () => {
    const made = expectOk<BookingView>(await bookFor(w.people.staff, escortCreate(at(THU, '09:00'), { details: { eligibility: 'elderly_alone' } })));
    expect(made).toMatchObject({ status: 'requested', freeOfCharge: false, eligibilityCheck: { status: 'pending' } });
    const pool = expectOk<{ items: BookingView[] }>(await call(w.people.escort1, 'provider', { action: 'pool' }));
    expect(pool.items.map((b) => b.id)).toContain(made.id);
  });
});

describe('audit log', () => {
  type Log = { items: { action: string; kind: string; actorId: string; actorName: string | null; target: Record<string, string>; fields: string[]; at: string }[]; total: number };

  it('keeps every staff view of full details and every change, with who, when and what, and admin browse it', async () => {
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(THU, '09:00'), { details: { eligibility: 'dibao' } }));
    // A resident's own look and staff's lists leave nothing.
    expectOk(await call(resident, 'booking', { action: 'detail', bookingId: request.id }));
    expectOk(await desk(w.people.staff, 'streetBookings'));
    expect(expectOk<Log>(await desk(w.people.admin, 'auditLog')).total).toBe(0);

    expectOk(await desk(w.people.staff, 'streetBooking', { bookingId: request.id }));
    expectOk(await call(w.people.staff, 'booking', { action: 'detail', bookingId: request.id }));
    expectOk(await desk(w.people.staff, 'reviewEligibility', { bookingId: request.id, verdict: 'rejected', reason: '低保证已过期 13911112222' }));
    expectOk(await call(w.people.admin, 'admin', { action: 'assignEscort', bookingId: request.id, providerId: ids.escort1 }));
    // A refused call changed nothing and is not a change.
    expect(errorOf(await desk(w.people.staff, 'reviewEligibility', { bookingId: request.id, verdict: 'verified' })).code).toBe('ALREADY_DECIDED');

    const log = expectOk<Log>(await desk(w.people.admin, 'auditLog'));
    expect(log.items.map((e) => [e.action, e.kind, e.actorId])).toEqual([
      ['admin.assignEscort', 'change', w.people.admin.userId],
      ['staff.reviewEligibility', 'change', w.people.staff.userId],
      ['booking.detail', 'view_person', w.people.staff.userId],
      ['staff.streetBooking', 'view_person', w.people.staff.userId],
    ]);
    expect(log.items[1]).toMatchObject({ actorName: '陈干事', target: { bookingId: request.id }, fields: ['bookingId', 'reason', 'verdict'] });
    expect(JSON.stringify(log)).not.toContain('13911112222');
    expect(JSON.stringify(log)).not.toContain('低保证');

    const changes = expectOk<Log>(await desk(w.people.admin, 'auditLog', { kind: 'change', actorId: w.people.staff.userId }));
    expect(changes.items.map((e) => e.action)).toEqual(['staff.reviewEligibility']);
    expect(expectOk<Log>(await desk(w.people.admin, 'auditLog', { targetId: request.id })).total).toBe(4);
    expect(expectOk<Log>(await desk(w.people.admin, 'auditLog', { actionName: 'booking.detail' })).total).toBe(1);
    expect(expectOk<Log>(await desk(w.people.admin, 'auditLog', { page: 2, pageSize: 3 })).items).toHaveLength(1);
    expect(errorOf(await desk(w.people.staff, 'auditLog')).code).toBe('FORBIDDEN');
  });
});

describe('district settings', () => {
  it('finds people by phone or part of a name, masked, for admin only; a name is matched as text, not a pattern', async () => {
    type Found = { items: { userId: string; name: string | null; phone: string | null; roles: string[] }[] };
    const byPhone = expectOk<Found>(await desk(w.people.admin, 'findPeople', { query: '138 0000 0001' }));
    expect(byPhone.items).toHaveLength(1);
    expect(byPhone.items[0]).toMatchObject({ userId: w.people.resident1.userId, name: '王**', phone: '138****0001' });
    const byName = expectOk<Found>(await desk(w.people.admin, 'findPeople', { query: '师傅' }));
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((p) => p.name !== null && p.name.includes('*'))).toBe(true);
    expect(expectOk<Found>(await desk(w.people.admin, 'findPeople', { query: '.*' })).items).toEqual([]);
    expect(JSON.stringify(byName)).not.toMatch(/1\d{10}/);
    expect(errorOf(await desk(w.people.staff, 'findPeople', { query: '王' })).code).toBe('FORBIDDEN');
  });

  it('sets a 街道’s escort places per day, and new requests count against it', async () => {
    expectOk(await desk(w.people.admin, 'setEscortCapacity', { streetId: ids.street, capacity: 1 }));
    await book(w, await freshResident(w), escortCreate(at(THU, '09:00')));
    expect(errorOf(await call(await freshResident(w), 'booking', escortCreate(at(THU, '14:00')))).code).toBe('CAPACITY_REACHED');
    expect(errorOf(await desk(w.people.admin, 'setEscortCapacity', { streetId: 'st-nowhere', capacity: 3 })).code).toBe('NOT_FOUND');
    expect(errorOf(await desk(w.people.staff, 'setEscortCapacity', { streetId: ids.street, capacity: 9 })).code).toBe('FORBIDDEN');
    expect(expectOk<{ items: { action: string }[] }>(await desk(w.people.admin, 'auditLog', { actionName: 'staff.setEscortCapacity' })).items).toHaveLength(1);
  });
});

describe('dashboard', () => {
  type Place = { personTimes: number; persons: number; advisorConsultations: number; escortServices: number; escortForHardship: number; escortFree: number; counselingSessions: number };
  type Board = {
    year: number;
    elapsedShare: number;
    training: { personTimes: number; target: number | null; forecast: number | null; pace: { month: string; actual: number | null; pace: number | null }[] };
    district: (Place & { target: number | null; share: number | null }) | null;
    streets: (Place & { streetId: string; target: number | null; share: number | null; forecast: number | null; communities: (Place & { communityId: string })[] })[];
  };

  /** Roll entries as the teacher's roll writes them (the roll itself is tested in volunteer-training). */
  async function directRoll(entries: { elderId: string; communityId: string; streetId: string; at: string }[]) {
    await w.t.app.repos.training.markPresent(
      entries.map((e, i) => ({
        _id: `roll-${i}-${e.elderId}`, activityId: `act-${i}`, seriesId: null, elderId: e.elderId, year: 2026, communityId: e.communityId, streetId: e.streetId,
        walkIn: true, markedBy: 'u-teacher', sessionStartsAt: new Date(e.at), at: new Date(e.at),
      })),
    );
  }

  it('counts services given and training person-times by 街道 and 社区 against the targets, with a pace line and a forecast', async () => {
    expectOk(await call(w.people.admin, 'volunteer', { action: 'setTrainingTargets', year: 2026, districtTotal: 7000, streets: [
      { streetId: 'st-nandajie', target: 3000 }, { streetId: 'st-hehuachi', target: 2000 }, { streetId: 'st-wuxing', target: 2000 }] }));
    await directRoll([
      { elderId: 'e1', communityId: 'cm-xiaoying', streetId: ids.street, at: '2026-03-10T02:00:00Z' },
      { elderId: 'e1', communityId: 'cm-xiaoying', streetId: ids.street, at: '2026-03-17T02:00:00Z' },
      { elderId: 'e2', communityId: 'cm-shuangguiping', streetId: ids.street, at: '2026-11-17T02:00:00Z' },
      { elderId: 'e3', communityId: 'cm-hehua', streetId: ids.otherStreet, at: '2026-11-20T02:00:00Z' },
    ]);
    const resident = await freshResident(w);
    const advisor = await book(w, resident, advisorCreate(at(TUE, '10:00')));
    expectOk(await call(w.people.advisor1, 'provider', { action: 'accept', bookingId: advisor.id }));
    const hardship = await book(w, await freshResident(w), escortCreate(at(TUE, '14:00'), { details: { eligibility: 'dibao' } }));
    expectOk(await desk(w.people.staff, 'reviewEligibility', { bookingId: hardship.id, verdict: 'verified' }));
    expectOk(await call(w.people.escort1, 'provider', { action: 'claim', bookingId: hardship.id }));
    const counseling = await book(w, resident, counselingCreate(at(WED, '14:00')));
    expectOk(await call(w.people.counselor1, 'provider', { action: 'accept', bookingId: counseling.id }));
    w.clock.set(at(WED, '20:00'));
    for (const [person, bookingId] of [[w.people.advisor1, advisor.id], [w.people.escort1, hardship.id], [w.people.counselor1, counseling.id]] as const) {
      expectOk(await call(person, 'provider', { action: 'complete', bookingId }));
    }

    const board = expectOk<Board>(await desk(w.people.admin, 'dashboard', { year: 2026 }));
    expect(board.district).toMatchObject({ personTimes: 4, persons: 3, target: 7000, advisorConsultations: 1, escortServices: 1, escortForHardship: 1, escortFree: 1, counselingSessions: 1 });
    const nandajie = board.streets.find((s) => s.streetId === ids.street)!;
    expect(nandajie).toMatchObject({ personTimes: 3, persons: 2, target: 3000, share: 0.001, advisorConsultations: 1, escortServices: 1 });
    expect(nandajie.communities.find((c) => c.communityId === 'cm-xiaoying')).toMatchObject({ personTimes: 2, persons: 1, advisorConsultations: 1 });
    expect(board.training.pace.map((p) => p.actual).slice(0, 12)).toEqual([0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4]);
    expect(board.training.pace[11]!.pace).toBe(7000);
    expect(board.training.forecast).toBe(Math.round(4 / board.elapsedShare));
    // Counseling is a number: nothing of what was said reaches the dashboard.
    expect(JSON.stringify(board)).not.toContain(COUNSELING_NOTE);

    const staffBoard = expectOk<Board>(await desk(w.people.otherStaff, 'dashboard', { year: 2026, streetId: ids.street }));
    expect(staffBoard.district).toBeNull();
    expect(staffBoard.streets.map((s) => s.streetId)).toEqual([ids.otherStreet]);
    expect(staffBoard.training).toMatchObject({ personTimes: 1, target: 2000 });
    expect(staffBoard.streets[0]).toMatchObject({ advisorConsultations: 0, escortServices: 0 });
    expect(errorOf(await desk(w.people.resident1, 'dashboard', {})).code).toBe('FORBIDDEN');
  });
});
