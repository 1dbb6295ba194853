import type { Subject } from '../../../../shared/domain/subject';
import type { StreetScope } from '../../../../shared/domain/permissions/district-scope';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../ports/clock';
import type { NotificationDoc, NotificationRepository, PushState } from '../../repositories/notification.repository';

export type InboxItem = {
  id: string;
  type: string;
  title: string;
  body: string;
  /** What the notice is about (`{ kind: 'booking', id }`, …). */
  subject: Subject;
  /** The subject's id when it is a booking: kept for mini-program versions that read it. */
  bookingId: string | null;
  /** The mini-program page the notice opens (as its WeChat message does), with its query: its link. */
  page: string;
  /** When the notice entered the inbox (a reminder: when it fell due). */
  createdAt: string;
  readAt: string | null;
};

export type DeadItem = {
  id: string;
  userId: string;
  type: string;
  subject: Subject;
  bookingId: string | null;
  state: PushState;
  attempts: number;
  lastError: string | null;
  dueAt: string;
  updatedAt: string;
};

/** States staff see as failed: a resend is their call (an unconfirmed message may have arrived). */
const FAILED: PushState[] = ['dead', 'unconfirmed'];

const bookingIdOf = (subject: Subject): string | null => (subject.kind === 'booking' && subject.id ? subject.id : null);

function itemOf(doc: NotificationDoc): InboxItem {
  return {
    id: doc._id,
    type: doc.type,
    title: doc.title,
    body: doc.body,
    subject: doc.subject,
    bookingId: bookingIdOf(doc.subject),
    page: doc.page,
    createdAt: doc.dueAt.toISOString(),
    readAt: doc.readAt ? doc.readAt.toISOString() : null,
  };
}

/** The in-app inbox (always delivered) and the staff view of WeChat messages that failed. */
export class NotificationInboxService {
  constructor(private readonly deps: { notifications: NotificationRepository; clock: Clock }) {}

  async list(userId: string, page: number, pageSize: number) {
    const filter = { userId, now: this.deps.clock.now() };
    const { items, total } = await this.deps.notifications.inboxPage(filter, (page - 1) * pageSize, pageSize);
    return { items: items.map(itemOf), total, page, pageSize };
  }

  async unreadCount(userId: string): Promise<{ count: number }> {
    return { count: await this.deps.notifications.countInbox({ userId, now: this.deps.clock.now(), unreadOnly: true }) };
  }

  async markRead(userId: string, which: { ids: string[] } | { all: true }): Promise<{ updated: number }> {
    const now = this.deps.clock.now();
    const ids = 'ids' in which ? [...new Set(which.ids)] : 'all';
    return { updated: await this.deps.notifications.markRead({ userId, now }, ids, now) };
  }

  /** The failed WeChat messages of the caller's scope: staff see their 街道's, admin every one. */
  async dead(scope: StreetScope, page: number, pageSize: number): Promise<{ items: DeadItem[]; total: number; page: number; pageSize: number }> {
    if (scope.kind === 'none') return { items: [], total: 0, page, pageSize };
    const streetId = scope.kind === 'street' ? scope.streetId : null;
    const { items: docs, total } = await this.deps.notifications.pageByPush(FAILED, streetId, (page - 1) * pageSize, pageSize);
    // Staff see that a message failed and why, not what it said.
    const items = docs.map((doc) => ({
      id: doc._id,
      userId: doc.userId,
      type: doc.type,
      subject: doc.subject,
      bookingId: bookingIdOf(doc.subject),
      state: doc.push,
      attempts: doc.pushAttempts - doc.pushAttemptBase,
      lastError: doc.lastError,
      dueAt: doc.dueAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
    }));
    return { items, total, page, pageSize };
  }

  /** Puts a dead or unconfirmed WeChat message back in the queue with a fresh budget of attempts. */
  async resend(scope: StreetScope, id: string): Promise<{ id: string; state: PushState }> {
    const doc = await this.deps.notifications.findById(id);
    // Another street's message is not one this caller may see: the same answer as none at all.
    if (!doc || !inScope(scope, doc.streetId ?? null)) throw new AppError('NOT_FOUND');
    if (!FAILED.includes(doc.push) || doc.withdrawnAt) throw new AppError('CONFLICT');
    const now = this.deps.clock.now();
    await this.deps.notifications.setPush(id, { push: 'pending', pushAttemptBase: doc.pushAttempts, nextAttemptAt: now, leaseUntil: null, lastError: null, updatedAt: now });
    return { id, state: 'pending' };
  }
}

function inScope(scope: StreetScope, streetId: string | null): boolean {
  return scope.kind === 'any' || (scope.kind === 'street' && scope.streetId === streetId);
}
