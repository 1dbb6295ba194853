/**
 * The notice look-ups a year of data needs to stay fast on FerretDB (which serves only top-level
 * equality from its index): per-subject look-ups by the stored `subjectKey`, once every notice has
 * one; the delivery queue and the dead-letter list by one equality per state instead of `$or`/`$in`.
 * Real parts: the local engine and the notification repository of a test app. Manual clock.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { NotificationRepository, type NotificationDoc, type PushState } from '../../cloudfunctions/core/repositories/notification.repository';
import { bookingSubject, type Subject } from '../../shared/domain/subject';
import { createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-30T00:00:00.000Z');
const HOUR = 3_600_000;

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ clock: manualClock(NOW.toISOString()) });
});
afterEach(() => t.close());

function notice(id: string, subject: Subject, fields: Partial<NotificationDoc> = {}): NotificationDoc {
  return {
    _id: id,
    userId: 'u-1',
    kind: 'reminder',
    type: 'reminder_24h',
    subject,
    title: '预约提醒',
    body: '明天有预约',
    group: 'booking_reminder',
    fields: {},
    page: 'pages/home/index',
    startsAt: new Date(NOW.getTime() + 48 * HOUR),
    createdAt: NOW,
    dueAt: new Date(NOW.getTime() + 24 * HOUR),
    readAt: null,
    withdrawnAt: null,
    push: 'pending',
    pushAttempts: 0,
    pushAttemptBase: 0,
    nextAttemptAt: new Date(NOW.getTime() + 24 * HOUR),
    leaseUntil: null,
    lastError: null,
    templateId: null,
    sentAt: null,
    updatedAt: NOW,
    ...fields,
  };
}

const raw = () => t.db.collection<Record<string, unknown> & { _id: string }>('notifications');
const ids = (docs: NotificationDoc[]) => docs.map((doc) => doc._id).sort();

describe('per-subject look-ups by subject key', () => {
  it('a notice is stored with its subject key and read back without it', async () => {
    const repo = t.app.repos.notifications;
    await repo.insertIfAbsent(notice('n-booking', bookingSubject('bk1')));
    await repo.insertIfAbsent(notice('n-activity', { kind: 'activity', id: 'bk1' }));
    expect((await raw().findOne({ _id: 'n-booking' }))?.subjectKey).toBe('bk1');
    // Another kind with the same id gets another key, so two kinds never share one.
    expect((await raw().findOne({ _id: 'n-activity' }))?.subjectKey).toBe('activity:bk1');
    expect(await repo.findById('n-booking')).toEqual(notice('n-booking', bookingSubject('bk1')));
  });

  it('finds notices stored without a key before and after the keys are adopted, and adopts once', async () => {
    const repo = t.app.repos.notifications;
    await repo.insertIfAbsent(notice('n-new', bookingSubject('bk1')));
    // Stored by a build before the key (a subject, no key) and before subjects (`bookingId` only).
    const { subject: _subject, ...legacy } = notice('n-legacy', bookingSubject('bk1'));
    await raw().insertMany([{ ...notice('n-keyless', bookingSubject('bk1')) }, { ...legacy, bookingId: 'bk1' }]);
    await repo.insertIfAbsent(notice('n-other', bookingSubject('bk2')));

    expect(ids(await repo.futureReminders(bookingSubject('bk1'), NOW))).toEqual(['n-keyless', 'n-legacy', 'n-new']);

    expect(await repo.adoptSubjectKeys(NOW)).toBe(2);
    expect(await repo.adoptSubjectKeys(NOW)).toBe(0);
    expect((await raw().findOne({ _id: 'n-legacy' }))?.subjectKey).toBe('bk1');
    expect(await t.app.repos.meta.get('notifications.subject_keys')).toMatchObject({ value: { adopted: 2 } });

    // A fresh instance (another function) reads the fact and looks up by key: the same notices.
    const fresh = new NotificationRepository(t.db);
    expect(ids(await fresh.futureReminders(bookingSubject('bk1'), NOW))).toEqual(['n-keyless', 'n-legacy', 'n-new']);
    expect(ids(await fresh.futureReminders({ kind: 'activity', id: 'bk1' }, NOW))).toEqual([]);
    expect((await fresh.futureReminders(bookingSubject('bk1'), NOW)).find((doc) => doc._id === 'n-legacy')?.subject).toEqual(bookingSubject('bk1'));

    expect(await fresh.withdrawOfType(bookingSubject('bk1'), 'reminder_24h', NOW)).toBe(3);
    expect(await raw().countDocuments({ withdrawnAt: null })).toBe(1);
    expect((await raw().findOne({ _id: 'n-other' }))?.withdrawnAt).toBeNull();
  });
});

describe('unread look-ups by unread key', () => {
  const DUE = new Date(NOW.getTime() - HOUR);
  const inboxOf = (userId: string) => ({ userId, now: NOW, unreadOnly: true });

  it('keeps the key on an unread notice only, and reads notices back without it', async () => {
    const repo = t.app.repos.notifications;
    await repo.insertIfAbsent(notice('n-unread', bookingSubject('bk1'), { dueAt: DUE }));
    await repo.insertIfAbsent(notice('n-read', bookingSubject('bk2'), { dueAt: DUE, readAt: NOW }));
    expect((await raw().findOne({ _id: 'n-unread' }))?.unreadOf).toBe('u-1');
    expect(await raw().findOne({ _id: 'n-read' })).not.toHaveProperty('unreadOf');
    expect(await repo.findById('n-unread')).toEqual(notice('n-unread', bookingSubject('bk1'), { dueAt: DUE }));
    // Read, it loses the key.
    expect(await repo.markRead(inboxOf('u-1'), ['n-unread'], NOW)).toBe(1);
    expect(await raw().findOne({ _id: 'n-unread' })).not.toHaveProperty('unreadOf');
  });

  it('counts and marks unread notices stored without the key the same before and after the keys are adopted', async () => {
    const repo = t.app.repos.notifications;
    // Stored by a build before the key: unread, read, withdrawn, not yet due, another user's.
    await raw().insertMany([
      { ...notice('k-unread-1', bookingSubject('a'), { dueAt: DUE }) },
      { ...notice('k-unread-2', bookingSubject('b'), { dueAt: DUE }) },
      { ...notice('k-read', bookingSubject('c'), { dueAt: DUE, readAt: NOW }) },
      { ...notice('k-withdrawn', bookingSubject('d'), { dueAt: DUE, withdrawnAt: NOW }) },
      { ...notice('k-future', bookingSubject('e')) },
      { ...notice('k-other', bookingSubject('f'), { dueAt: DUE, userId: 'u-2' }) },
    ]);
    await repo.insertIfAbsent(notice('n-new', bookingSubject('g'), { dueAt: DUE }));
    expect(await repo.countInbox(inboxOf('u-1'))).toBe(3);

    // In batches: the fact is recorded by the run that finds none left.
    expect(await repo.adoptUnreadKeys(NOW, 3)).toBe(3);
    expect(await t.app.repos.meta.get('notifications.unread_keys')).toBeNull();
    expect(await repo.countInbox(inboxOf('u-1'))).toBe(3);
    expect(await repo.adoptUnreadKeys(NOW, 3)).toBe(2);
    expect(await repo.adoptUnreadKeys(NOW, 3)).toBe(0);
    expect(await t.app.repos.meta.get('notifications.unread_keys')).not.toBeNull();
    expect(await repo.adoptUnreadKeys(NOW, 3)).toBe(0);
    expect((await raw().findOne({ _id: 'k-other' }))?.unreadOf).toBe('u-2');

    // A fresh instance (another function) reads the fact and counts by key: the same answer.
    const fresh = new NotificationRepository(t.db);
    expect(await fresh.countInbox(inboxOf('u-1'))).toBe(3);
    expect(await fresh.countInbox(inboxOf('u-2'))).toBe(1);
    expect(await fresh.markRead(inboxOf('u-1'), 'all', NOW)).toBe(3);
    expect(await fresh.countInbox(inboxOf('u-1'))).toBe(0);
    expect(await fresh.countInbox(inboxOf('u-2'))).toBe(1);
    // A key left on a notice read while the keys were being given (the adoption's race) never counts it.
    await raw().updateOne({ _id: 'k-read' }, { $set: { unreadOf: 'u-1' } });
    expect(await fresh.countInbox(inboxOf('u-1'))).toBe(0);
  });
});

describe('queues by state', () => {
  it('dueForPush takes due pending notices and stale sending ones, soonest first, up to the limit', async () => {
    const repo = t.app.repos.notifications;
    const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
    await repo.insertIfAbsent(notice('p-due-early', bookingSubject('a'), { nextAttemptAt: at(-3) }));
    await repo.insertIfAbsent(notice('p-due-late', bookingSubject('b'), { nextAttemptAt: at(-1) }));
    await repo.insertIfAbsent(notice('p-not-yet', bookingSubject('c'), { nextAttemptAt: at(1) }));
    await repo.insertIfAbsent(notice('s-stale', bookingSubject('d'), { push: 'sending', nextAttemptAt: at(-2), leaseUntil: at(-0.5) }));
    await repo.insertIfAbsent(notice('s-leased', bookingSubject('e'), { push: 'sending', nextAttemptAt: at(-2.5), leaseUntil: at(0.5) }));
    await repo.insertIfAbsent(notice('x-sent', bookingSubject('f'), { push: 'sent', nextAttemptAt: at(-4) }));

    expect((await repo.dueForPush(NOW, 10)).map((doc) => doc._id)).toEqual(['p-due-early', 's-stale', 'p-due-late']);
    expect((await repo.dueForPush(NOW, 2)).map((doc) => doc._id)).toEqual(['p-due-early', 's-stale']);
  });

  it('lists and counts notices of several states as one list, most recently changed first, by page', async () => {
    const repo = t.app.repos.notifications;
    const states: PushState[] = ['dead', 'unconfirmed'];
    for (let i = 0; i < 5; i += 1) {
      const push: PushState = i % 2 === 0 ? 'dead' : 'unconfirmed';
      await repo.insertIfAbsent(notice(`f-${i}`, bookingSubject(`bk${i}`), { push, updatedAt: new Date(NOW.getTime() + i * HOUR) }));
    }
    await repo.insertIfAbsent(notice('ok', bookingSubject('bk9'), { push: 'sent', updatedAt: new Date(NOW.getTime() + 9 * HOUR) }));

    const page = async (skip: number) => {
      const { items, total } = await repo.pageByPush(states, null, skip, 2);
      return { ids: items.map((doc) => doc._id), total };
    };
    expect(await page(0)).toEqual({ ids: ['f-4', 'f-3'], total: 5 });
    expect(await page(2)).toEqual({ ids: ['f-2', 'f-1'], total: 5 });
    expect(await page(4)).toEqual({ ids: ['f-0'], total: 5 });
    expect(await page(6)).toEqual({ ids: [], total: 5 });
    // Changed at the same moment: by id, across the two states.
    await repo.insertIfAbsent(notice('f-3b', bookingSubject('bk3b'), { push: 'dead', updatedAt: new Date(NOW.getTime() + 3 * HOUR) }));
    expect(await page(0)).toEqual({ ids: ['f-4', 'f-3'], total: 6 });
    expect(await page(2)).toEqual({ ids: ['f-3b', 'f-2'], total: 6 });
  });

  it("pages a user's inbox newest first, a tie by id descending, with its total", async () => {
    const repo = t.app.repos.notifications;
    const at = (h: number) => new Date(NOW.getTime() - h * HOUR);
    await repo.insertIfAbsent(notice('n-a', bookingSubject('bka'), { userId: 'u-p', dueAt: at(3) }));
    await repo.insertIfAbsent(notice('n-b', bookingSubject('bkb'), { userId: 'u-p', dueAt: at(1) }));
    await repo.insertIfAbsent(notice('n-c', bookingSubject('bkc'), { userId: 'u-p', dueAt: at(1) }));
    await repo.insertIfAbsent(notice('n-d', bookingSubject('bkd'), { userId: 'u-p', dueAt: at(2) }));
    // Not listed: another user's, one not due yet, one withdrawn.
    await repo.insertIfAbsent(notice('n-e', bookingSubject('bke'), { userId: 'u-q', dueAt: at(1) }));
    await repo.insertIfAbsent(notice('n-f', bookingSubject('bkf'), { userId: 'u-p', dueAt: new Date(NOW.getTime() + HOUR) }));
    await repo.insertIfAbsent(notice('n-g', bookingSubject('bkg'), { userId: 'u-p', dueAt: at(1), withdrawnAt: at(0) }));
    const page = async (skip: number) => {
      const { items, total } = await repo.inboxPage({ userId: 'u-p', now: NOW }, skip, 3);
      return { ids: items.map((doc) => doc._id), total };
    };
    expect(await page(0)).toEqual({ ids: ['n-c', 'n-b', 'n-d'], total: 4 });
    expect(await page(3)).toEqual({ ids: ['n-a'], total: 4 });
  });
});
