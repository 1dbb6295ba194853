/**
 * The in-app inbox and reminders, from the booking core's outbox to what each person reads through
 * `notify.list`. Real parts: the local engine, the seeded demo district, the booking, provider and
 * admin functions, the `notify.deliver` timer as the host runs it. The WeChat channel is off here
 * (no templates configured): the inbox must work without it. Manual clock from Monday 2026-11-30
 * 08:00 in Shanghai.
 */
import {
  advisorCreate,
  at,
  book,
  COUNSELING_NOTE,
  COUNSELING_TOPIC,
  counselingCreate,
  DEMO_WEEK,
  escortCreate,
  freeSlots,
  freshResident,
  freshWorldForEachTest,
  HOUR,
  ids,
  MINUTE,
  outcome,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { addEvent, deliver, notificationsOf } from '../helpers/notify-fixtures';
import { expectOk } from '../helpers/test-app';
import { counselingTopicLabels } from '../../shared/domain/service-kinds';
import type { InboxItem } from '../../cloudfunctions/core/services/notify/notification-inbox.service';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { TUE, THU } = DEMO_WEEK;

type Inbox = { items: InboxItem[]; total: number };
const inbox = async (person: Person, page = 1, pageSize = 20) => expectOk<Inbox>(await w.as(person, 'notify', { action: 'list', page, pageSize }));
const unread = async (person: Person) => expectOk<{ count: number }>(await w.as(person, 'notify', { action: 'unreadCount' })).count;
const titles = async (person: Person) => (await inbox(person)).items.map((i) => i.title);
const run = () => deliver(w.t.app);

describe('events become notices', () => {
  it('puts a new request in the provider’s inbox and the confirmation in the resident’s, once each', async () => {
    const { resident1, advisor1 } = w.people;
    const booking = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    // The call that makes the request puts the notice in the inbox; no timer run is needed.
    expect(await unread(advisor1)).toBe(1);
    const providerInbox = await inbox(advisor1);
    expect(providerInbox.items).toEqual([
      expect.objectContaining({ type: 'booking_requested', title: '新的预约申请', body: '您有一条新的养老顾问预约：12月1日 周二 上午 9:00，请及时处理。', subject: { kind: 'booking', id: booking.id }, bookingId: booking.id, readAt: null }),
    ]);
    // The resident made the request: nobody tells them what they just did.
    expect((await inbox(resident1)).total).toBe(0);

    expectOk(await w.as(advisor1, 'provider', { action: 'accept', bookingId: booking.id }));
    expect((await inbox(resident1)).items).toEqual([
      expect.objectContaining({ type: 'booking_accept', title: '预约已确认', body: '您预约的养老顾问已确认：12月1日 周二 上午 9:00', bookingId: booking.id }),
    ]);
    expect(await unread(advisor1)).toBe(1);

    // A second run, and a run after a crash that left every event unmarked, add nothing.
    const before = (await notificationsOf(w.t)).map((n) => n._id);
    expect((await run()).intake.created).toBe(0);
    await w.t.db.collection('outbox').updateMany({}, { $set: { processedAt: null } });
    const again = await run();
    expect(again.intake.events).toBeGreaterThanOrEqual(2);
    expect(again.intake.created).toBe(0);
    expect((await notificationsOf(w.t)).map((n) => n._id)).toEqual(before);
    expect(await w.t.db.collection('outbox').countDocuments({ processedAt: null })).toBe(0);
  });

  it('tells the resident a decline with its reason, and a cancellation by the provider', async () => {
    const { resident1, advisor1 } = w.people;
    const [first, second] = await freeSlots(w, ids.advisor1, TUE);
    const declined = await book(w, resident1, advisorCreate(first!.startsAt));
    const cancelled = await book(w, resident1, advisorCreate(second!.startsAt));
    expectOk(await w.as(advisor1, 'provider', { action: 'decline', bookingId: declined.id, reason: '当天外出培训' }));
    expectOk(await w.as(advisor1, 'provider', { action: 'accept', bookingId: cancelled.id }));
    expectOk(await w.as(advisor1, 'provider', { action: 'cancel', bookingId: cancelled.id, reason: '临时停电' }));
    await run();
    const items = (await inbox(resident1)).items;
    expect(items.find((i) => i.type === 'booking_decline')?.body).toMatch(/未被接受。原因：当天外出培训$/);
    expect(items.find((i) => i.type === 'booking_cancel')?.body).toMatch(/已被取消。原因：临时停电$/);
  });

  it('tells the resident when the provider’s hours no longer hold their booking', async () => {
    const { resident1, advisor1 } = w.people;
    const booking = await book(w, resident1, advisorCreate(at(THU, '09:00')));
    expectOk(await w.as(advisor1, 'provider', { action: 'addException', exception: { date: THU, kind: 'closed' } }));
    await run();
    expect((await inbox(resident1)).items).toEqual([
      expect.objectContaining({ type: 'availability_changed', title: '预约时间需调整', bookingId: booking.id }),
    ]);
  });
});

describe('the inbox is private to its owner', () => {
  it('lists, counts and marks only the caller’s own notices', async () => {
    const { resident1, resident2, advisor1 } = w.people;
    for (let i = 0; i < 5; i += 1) {
      await addEvent(w.t.app, [resident1.userId]);
      w.clock.advance(MINUTE);
    }
    await addEvent(w.t.app, [resident2.userId]);
    await run();

    const page1 = await inbox(resident1, 1, 2);
    expect(page1.total).toBe(5);
    expect(page1.items).toHaveLength(2);
    expect((await inbox(resident1, 3, 2)).items).toHaveLength(1);
    // Newest first.
    expect(page1.items[0]!.createdAt > page1.items[1]!.createdAt).toBe(true);
    const theirs = (await inbox(resident2)).items.map((i) => i.id);
    expect(theirs).toHaveLength(1);
    expect((await inbox(advisor1)).total).toBe(0);

    // Someone else's id marks nothing.
    expect(expectOk(await w.as(resident1, 'notify', { action: 'markRead', ids: theirs }))).toEqual({ updated: 0 });
    expect(await unread(resident2)).toBe(1);

    const mark = page1.items.map((i) => i.id);
    expect(expectOk(await w.as(resident1, 'notify', { action: 'markRead', ids: [...mark, ...mark] }))).toEqual({ updated: 2 });
    expect(await unread(resident1)).toBe(3);
    expect((await inbox(resident1, 1, 2)).items.every((i) => i.readAt === '2026-11-30T00:05:00.000Z')).toBe(true);
    expect(expectOk(await w.as(resident1, 'notify', { action: 'markRead', all: true }))).toEqual({ updated: 3 });
    expect(await unread(resident1)).toBe(0);
    expect(await unread(resident2)).toBe(1);
  });

  it('rejects bad input and strangers', async () => {
    const { resident1, staff } = w.people;
    const invalid = [
      { action: 'markRead' },
      { action: 'markRead', ids: [] },
      { action: 'markRead', ids: Array.from({ length: 51 }, (_, i) => `n${i}`) },
      { action: 'markRead', ids: [{ $ne: null }] },
      { action: 'markRead', all: false },
      { action: 'markRead', all: true, ids: ['a'] },
      { action: 'list', pageSize: 51 },
      { action: 'unreadCount', userId: { $ne: null }, extra: 1 },
      { action: 'recordConsent', templateIds: ['a', 'b', 'c', 'd'], results: {} },
      // No template is configured here, so no id is one of ours.
      { action: 'recordConsent', templateIds: ['tmpl-status'], results: { 'tmpl-status': 'accept' } },
      { action: 'recordConsent', templateIds: ['a'], results: { a: 'maybe' } },
      { action: 'resend', id: 'x y' },
    ];
    for (const event of invalid) expect(`${JSON.stringify(event)} → ${outcome(await w.as(event.action === 'resend' ? staff : resident1, 'notify', event))}`).toBe(`${JSON.stringify(event)} → VALIDATION_FAILED`);
    expect(outcome(await w.as(null, 'notify', { action: 'list' }))).toBe('UNAUTHENTICATED');
    expect(outcome(await w.as(resident1, 'notify', { action: 'dead' }))).toBe('FORBIDDEN');
    expect(outcome(await w.as(resident1, 'notify', { action: 'resend', id: 'anything' }))).toBe('FORBIDDEN');
    expect(outcome(await w.as(staff, 'notify', { action: 'resend', id: 'nothing-here' }))).toBe('NOT_FOUND');
    expect(expectOk(await w.as(staff, 'notify', { action: 'dead' }))).toMatchObject({ items: [], total: 0 });
  });
});

describe('failed WeChat messages by 街道', () => {
  it('staff see and resend only their own street’s; admin every one; a notice with no known street is admin’s', async () => {
    const { resident1, advisor1, advisor3, staff, otherStaff, admin } = w.people;
    const south = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const lotus = await book(w, resident1, advisorCreate(at(THU, '10:00'), { providerId: ids.advisor3 }));
    const unknown = await addEvent(w.t.app, [resident1.userId]);
    await run();
    const noticeOf = async (filter: Record<string, unknown>) => (await notificationsOf(w.t, filter)).at(0)!;
    const southNotice = await noticeOf({ 'subject.id': south.id, userId: advisor1.userId, kind: 'event' });
    const lotusNotice = await noticeOf({ 'subject.id': lotus.id, userId: advisor3.userId, kind: 'event' });
    const unknownNotice = await noticeOf({ _id: `${unknown}:${resident1.userId}` });
    expect([southNotice.streetId, lotusNotice.streetId, unknownNotice.streetId]).toEqual([ids.street, ids.otherStreet, null]);
    for (const notice of [southNotice, lotusNotice, unknownNotice]) {
      await w.t.app.repos.notifications.setPush(notice._id, { push: 'dead', leaseUntil: null, lastError: 'errcode 43101', updatedAt: w.clock.now() });
    }
    const deadIds = async (person: Person) => expectOk<{ items: { id: string }[]; total: number }>(await w.as(person, 'notify', { action: 'dead' }));
    expect(await deadIds(staff)).toMatchObject({ total: 1, items: [{ id: southNotice._id }] });
    expect(await deadIds(otherStaff)).toMatchObject({ total: 1, items: [{ id: lotusNotice._id }] });
    expect((await deadIds(admin)).items.map((i) => i.id).sort()).toEqual([southNotice._id, lotusNotice._id, unknownNotice._id].sort());
    // Another street's message answers as if it were not there, and stays as it was.
    for (const id of [lotusNotice._id, unknownNotice._id]) expect(outcome(await w.as(staff, 'notify', { action: 'resend', id }))).toBe('NOT_FOUND');
    expect((await noticeOf({ _id: lotusNotice._id })).push).toBe('dead');
    expect(expectOk(await w.as(otherStaff, 'notify', { action: 'resend', id: lotusNotice._id }))).toEqual({ id: lotusNotice._id, state: 'pending' });
    expect(expectOk(await w.as(admin, 'notify', { action: 'resend', id: unknownNotice._id }))).toEqual({ id: unknownNotice._id, state: 'pending' });
  });
});

describe('reminders', () => {
  const reminderIds = async (bookingId: string, withdrawn: boolean) =>
    (await notificationsOf(w.t, { 'subject.id': bookingId, kind: 'reminder', withdrawnAt: withdrawn ? { $ne: null } : null })).map((n) => n._id).sort();

  it('are scheduled on confirmation, moved on reschedule and withdrawn on cancellation', async () => {
    const { resident1, advisor1 } = w.people;
    const [slot, later] = (await freeSlots(w, ids.advisor1, THU)).map((s) => s.startsAt);
    const booking = await book(w, resident1, advisorCreate(slot!));
    await run();
    expect(await reminderIds(booking.id, false)).toEqual([]);

    expectOk(await w.as(advisor1, 'provider', { action: 'accept', bookingId: booking.id }));
    await run();
    const expected = (startsAt: string) =>
      ['24h', '2h'].flatMap((offset) => [resident1.userId, advisor1.userId].map((user) => `reminder:${booking.id}:${offset}:${user}:${startsAt}`)).sort();
    expect(await reminderIds(booking.id, false)).toEqual(expected(slot!));
    // Not in anyone's inbox before they fall due.
    expect(await titles(resident1)).toEqual(['预约已确认']);

    expectOk(await w.as(resident1, 'booking', { action: 'reschedule', bookingId: booking.id, startsAt: later }));
    await run();
    expect(await reminderIds(booking.id, false)).toEqual(expected(later!));
    expect(await reminderIds(booking.id, true)).toEqual(expected(slot!));
    expect(await titles(advisor1)).toEqual(['预约时间已变更', '新的预约申请']);

    // A day before the new time: the new reminder is there, the withdrawn one (due earlier) is not.
    w.clock.set(new Date(Date.parse(later!) - 24 * HOUR + MINUTE));
    await run();
    const residentItems = (await inbox(resident1)).items;
    expect(residentItems.filter((i) => i.type === 'reminder_24h')).toEqual([
      expect.objectContaining({ title: '预约提醒', body: expect.stringContaining('12月3日'), bookingId: booking.id }),
    ]);
    expect(residentItems.find((i) => i.type === 'reminder_24h')!.id).toContain(later!);
    expect((await inbox(advisor1)).items.filter((i) => i.type === 'reminder_24h')).toHaveLength(1);

    // Cancelled: the 2 h reminders are withdrawn and never appear.
    expectOk(await w.as(resident1, 'booking', { action: 'cancel', bookingId: booking.id, reason: '家里有事' }));
    await run();
    w.clock.set(new Date(Date.parse(later!) - 2 * HOUR + MINUTE));
    await run();
    expect((await inbox(resident1)).items.filter((i) => i.type === 'reminder_2h')).toEqual([]);
    expect((await inbox(advisor1)).items.map((i) => i.type)).toContain('booking_cancel');
    expect(await reminderIds(booking.id, false)).toEqual(expected(later!).filter((id) => id.includes(':24h:')));
  });

  it('follow an escort job to the escort who has it, naming the hospital', async () => {
    const { staff, escort1, escort2 } = w.people;
    const resident = await freshResident(w);
    const request = await book(w, resident, escortCreate(at(THU, '09:00')));
    expectOk(await w.as(escort1, 'provider', { action: 'claim', bookingId: request.id }));
    await run();
    expect(await titles(resident)).toEqual(['陪诊员已接单']);
    const escortReminders = async (person: Person) => (await notificationsOf(w.t, { 'subject.id': request.id, kind: 'reminder', userId: person.userId, withdrawnAt: null })).length;
    expect(await escortReminders(escort1)).toBe(2);

    w.clock.advance(HOUR);
    expectOk(await w.as(staff, 'admin', { action: 'assignEscort', bookingId: request.id, providerId: ids.escort2, reason: '钱师傅临时住院' }));
    await run();
    expect((await inbox(escort1)).items).toEqual([expect.objectContaining({ title: '陪诊任务已改派', body: expect.stringContaining('您无需前往') })]);
    expect((await inbox(escort2)).items).toEqual([expect.objectContaining({ title: '新的陪诊任务', body: expect.stringContaining('常州市第一人民医院') })]);
    // Staff's reason (a colleague's health) reaches nobody.
    expect(JSON.stringify(await notificationsOf(w.t))).not.toContain('住院');
    expect(await titles(resident)).toEqual(['陪诊员已更换', '陪诊员已接单']);
    expect(await escortReminders(escort1)).toBe(0);
    expect(await escortReminders(escort2)).toBe(2);
    w.clock.set(new Date(Date.parse(at(THU, '09:00')) - 24 * HOUR));
    await run();
    expect((await inbox(escort2)).items.find((i) => i.type === 'reminder_24h')?.body).toContain('常州市第一人民医院');
  });
});

describe('counseling', () => {
  it('never names the topic, the note or a reason in any notice', async () => {
    const { resident1, counselor1 } = w.people;
    const [first, second] = (await freeSlots(w, ids.counselor1, THU)).map((s) => s.startsAt);
    const kept = await book(w, resident1, counselingCreate(first!));
    const cancelled = await book(w, resident1, counselingCreate(second!, { details: { topic: 'premarital' } }));
    expectOk(await w.as(counselor1, 'provider', { action: 'accept', bookingId: kept.id }));
    expectOk(await w.as(counselor1, 'provider', { action: 'decline', bookingId: cancelled.id, reason: '离婚冷静期辅导名额已满' }));
    await run();
    w.clock.set(new Date(Date.parse(first!) - 2 * HOUR));
    await run();

    const everything = await notificationsOf(w.t);
    expect(everything.filter((n) => n.kind === 'reminder' && n.dueAt <= w.clock.now())).toHaveLength(4);
    const text = JSON.stringify(everything) + JSON.stringify([await inbox(resident1), await inbox(counselor1)]);
    for (const secret of [...Object.values(counselingTopicLabels).filter((l) => l !== '其他'), COUNSELING_TOPIC, 'premarital', COUNSELING_NOTE, '名额已满']) {
      expect(`${secret}: ${text.includes(secret)}`).toBe(`${secret}: false`);
    }
    expect((await inbox(resident1)).items.map((i) => i.body).join('')).toContain('婚姻辅导');
    expect(everything.every((n) => n.fields.service === '预约服务')).toBe(true);
  });
});
