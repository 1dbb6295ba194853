/**
 * Notices are subject-neutral: a subject kind plugs into notify by registering a handler, without
 * any change to notify's code; records stored before subjects (`bookingId` only) are read as booking
 * subjects. Real parts: the local engine, the repositories, notify's intake, inbox and delivery
 * services composed by `createNotifyServices` with a throwaway handler for `activity`. Manual clock.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { NotificationDoc } from '../../cloudfunctions/core/repositories/notification.repository';
import { bookingNoticeHandler } from '../../cloudfunctions/core/services/booking/booking-notices';
import { createNotifyServices, type NotifyServices } from '../../cloudfunctions/core/services/notify/notify.service';
import type { ReminderDraft, SubjectHandler } from '../../cloudfunctions/core/services/notify/subject-handlers';
import { bookingSubject, type Subject, type SubjectKind } from '../../shared/domain/subject';
import { notificationsOf } from '../helpers/notify-fixtures';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';

// A kind no function of this build registers (activities have their handler now): a throwaway one
// stands for a domain added later, composed only where the test says so.
const THROWAWAY = 'throwaway_kind' as SubjectKind;

const NOW = '2026-11-30T00:00:00.000Z';
const HOUR = 3_600_000;

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let user: { token: string; userId: string };

/** What the throwaway activity domain knows of its activities (it has no collection here). */
const activities = new Map<string, { startsAt: Date; cancelled: boolean }>();
const asked: string[] = [];

/** A domain of its own: its notices open its own page, name its own place, remind 1 h before. */
const activityHandler: SubjectHandler = {
  async read(event) {
    asked.push(`read:${event._id}`);
    const activity = activities.get(event.subject.id);
    const message = { title: '活动有更新', body: '您报名的活动有新的安排。', group: 'booking_status' as const, fields: { place: '社区活动室' } };
    const notices = event.recipients.map((userId) => ({ userId, message, page: `subpackages/activity/pages/detail/index?activityId=${event.subject.id}`, startsAt: activity?.startsAt ?? null }));
    const reminders: ReminderDraft[] =
      activity && !activity.cancelled
        ? event.recipients.map((userId) => ({
            key: '1h',
            type: 'activity_reminder',
            userId,
            message: { ...message, title: '活动提醒', body: '您报名的活动一小时后开始。', group: 'booking_reminder' as const },
            page: `subpackages/activity/pages/detail/index?activityId=${event.subject.id}`,
            startsAt: activity.startsAt,
            dueAt: new Date(activity.startsAt.getTime() - HOUR),
          }))
        : [];
    return { notices, reminders: activity ? reminders : null, outdatedTypes: async () => [] };
  },
  async stillHolds(notice) {
    asked.push(`stillHolds:${notice._id}`);
    return notice.kind === 'reminder' && activities.get(notice.subject.id)?.cancelled ? 'withdrawn' : null;
  },
};

let notify: NotifyServices;

beforeEach(async () => {
  clock = manualClock(NOW);
  t = await createTestApp({ clock });
  user = await loginAs(t, 'wx-activity-fan');
  activities.clear();
  asked.length = 0;
  const { config, repos, ids } = t.app;
  const subjects = new Map<string, SubjectHandler>([
    ['booking', bookingNoticeHandler({ bookings: repos.bookings, providers: repos.providers })],
    [THROWAWAY, activityHandler],
  ]);
  notify = createNotifyServices({ config, repos, clock, ids, subjects });
});
afterEach(() => t.close());

let eventCounter = 0;
async function activityEvent(subject: Subject, recipients: string[]): Promise<string> {
  eventCounter += 1;
  const _id = `activity-change:${subject.id}:${eventCounter}`;
  await t.app.repos.outbox.add({ _id, type: 'activity_changed', subject, recipients, payload: {}, at: clock.now(), processedAt: null });
  return _id;
}

const stored = async (id: string): Promise<NotificationDoc> => (await notificationsOf(t, { _id: id }))[0]!;

describe('a subject kind registered at composition', () => {
  it('has its notice stored, listed with the page its handler chose, and its reminder withdrawn by its handler', async () => {
    const ac1: Subject = { kind: THROWAWAY, id: 'ac1' };
    const startsAt = new Date(Date.parse(NOW) + 5 * HOUR);
    activities.set('ac1', { startsAt, cancelled: false });
    const event = await activityEvent(ac1, [user.userId]);
    expect(await notify.intake.run()).toEqual({ events: 1, created: 1, reminders: 1, withdrawn: 0 });

    const noticeId = `${event}:${user.userId}`;
    expect(await stored(noticeId)).toMatchObject({ subject: ac1, kind: 'event', type: 'activity_changed', title: '活动有更新' });
    expect(await stored(noticeId)).not.toHaveProperty('bookingId');
    const [item] = (await notify.inbox.list(user.userId, 1, 20)).items;
    expect(item).toEqual(
      expect.objectContaining({
        id: noticeId,
        subject: ac1,
        bookingId: null,
        page: `subpackages/activity/pages/detail/index?activityId=ac1&nid=${encodeURIComponent(noticeId)}`,
      }),
    );

    // The reminder is keyed by kind and id, so an activity and a booking of one id never share one.
    const reminderId = `reminder:${THROWAWAY}:ac1:1h:${user.userId}:${startsAt.toISOString()}`;
    expect(await stored(reminderId)).toMatchObject({ subject: ac1, kind: 'reminder', withdrawnAt: null, push: 'pending' });

    // The activity is called off: its next event's reading lists no reminder, so notify withdraws it.
    activities.set('ac1', { startsAt, cancelled: true });
    await activityEvent(ac1, [user.userId]);
    expect(await notify.intake.run()).toMatchObject({ events: 1, created: 1, withdrawn: 1 });
    expect(await stored(reminderId)).toMatchObject({ push: 'withdrawn', withdrawnAt: clock.now() });
  });

  it('is asked when its reminder falls due, and a "withdrawn" answer keeps the message from going out', async () => {
    const ac2: Subject = { kind: THROWAWAY, id: 'ac2' };
    const startsAt = new Date(Date.parse(NOW) + 2 * HOUR);
    activities.set('ac2', { startsAt, cancelled: false });
    await activityEvent(ac2, [user.userId]);
    await notify.intake.run();
    const reminderId = `reminder:${THROWAWAY}:ac2:1h:${user.userId}:${startsAt.toISOString()}`;

    // Called off with no event yet: only the handler's answer at delivery time stops the reminder.
    activities.set('ac2', { startsAt, cancelled: true });
    clock.advance(HOUR + 60_000);
    // The event's own notice was never due on WeChat (no channel in this test); the reminder is.
    expect(await notify.delivery.run()).toMatchObject({ settled: 1, sent: 0 });
    expect(asked).toContain(`stillHolds:${reminderId}`);
    expect(await stored(reminderId)).toMatchObject({ push: 'withdrawn', withdrawnAt: clock.now() });
    expect((await notify.inbox.list(user.userId, 1, 20)).items.map((i) => i.id)).not.toContain(reminderId);
  });

  it('leaves an event of a kind nobody registered pending, untouched, for when its handler is', async () => {
    const event = await activityEvent({ kind: THROWAWAY, id: 'ac3' }, [user.userId]);
    // The app's own composition registers bookings only.
    expect(await t.app.services.notify.intake.run()).toMatchObject({ events: 0, created: 0 });
    expect(await t.db.collection('outbox').findOne({ _id: event as never })).toMatchObject({ processedAt: null });
    expect(await notificationsOf(t)).toEqual([]);
    // Composed with the handler, the same event is turned into its notice.
    expect(await notify.intake.run()).toMatchObject({ events: 1, created: 1 });
  });
});

describe('records stored before subjects', () => {
  it('are read as booking subjects: a legacy event becomes a notice, a legacy reminder is found and withdrawn by subject', async () => {
    const template = await storedTemplate();
    // A legacy event of a booking that is not there (as the fixtures write): the notice is still made.
    await t.db.collection('outbox').insertOne({
      _id: 'transition:legacy#2' as never,
      type: 'booking_accept',
      bookingId: 'bklegacy',
      recipients: [user.userId],
      payload: { service: 'advisor', status: 'confirmed', startsAt: '2026-12-01T01:00:00.000Z', reason: null },
      at: clock.now(),
      processedAt: null,
    });
    const legacyReminder = `reminder:bklegacy:24h:${user.userId}:2026-12-01T01:00:00.000Z`;
    const { subject: _subject, ...reminderDoc } = {
      ...template,
      _id: legacyReminder,
      kind: 'reminder' as const,
      type: 'reminder_24h',
      bookingId: 'bklegacy',
      push: 'pending' as const,
      dueAt: new Date('2026-11-30T01:00:00.000Z'),
      nextAttemptAt: new Date('2026-11-30T01:00:00.000Z'),
    };
    await t.db.collection('notifications').insertOne(reminderDoc as never);

    const found = await t.app.repos.notifications.futureReminders(bookingSubject('bklegacy'), clock.now());
    expect(found.map((n) => [n._id, n.subject])).toEqual([[legacyReminder, { kind: 'booking', id: 'bklegacy' }]]);
    expect(await t.app.repos.notifications.futureReminders({ kind: THROWAWAY, id: 'bklegacy' }, clock.now())).toEqual([]);

    // The booking is gone, so the intake of its event (through the booking handler) withdraws nothing
    // it cannot read, and makes the event's notice, with the booking subject.
    expect(await notify.intake.run()).toMatchObject({ events: 1, created: 1 });
    const notice = await stored(`transition:legacy#2:${user.userId}`);
    expect(notice.subject).toEqual({ kind: 'booking', id: 'bklegacy' });
    const listed = expectOk<{ items: { id: string; subject: Subject; bookingId: string | null }[] }>(await t.callAs(user.token, 'notify', { action: 'list' })).items;
    expect(listed).toContainEqual(expect.objectContaining({ id: `transition:legacy#2:${user.userId}`, subject: { kind: 'booking', id: 'bklegacy' }, bookingId: 'bklegacy' }));

    expect(await t.app.repos.notifications.withdrawOfType(bookingSubject('bklegacy'), 'reminder_24h', clock.now())).toBe(1);
    expect(await stored(legacyReminder)).toMatchObject({ push: 'withdrawn', withdrawnAt: clock.now() });
  });
});

/** A stored notice's fields, for writing a legacy one beside it. */
async function storedTemplate(): Promise<NotificationDoc> {
  await activityEvent({ kind: THROWAWAY, id: 'template' }, [user.userId]);
  await notify.intake.run();
  const [doc] = await notificationsOf(t, { 'subject.id': 'template' });
  return doc!;
}
