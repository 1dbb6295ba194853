import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { NotifyTemplateField, NotifyTemplateGroup } from '../../../config/server-config.schema';
import type { Subject } from '../../../shared/domain/subject';
import type { CollectionIndexes } from '../db/indexes';
import { insertIfNew } from '../db/insert-if-new';
import { ofSubjectFilter, withSubject, type OutboxEvent } from './outbox.repository';

/**
 * Where a notice stands on the WeChat channel (the inbox needs no state: a notice is in it once its
 * `dueAt` has passed, unless withdrawn).
 * - pending: to be sent at `nextAttemptAt`; sending: an attempt holds a lease until `leaseUntil`;
 * - sent; unconfirmed: a worker died between the request and the reply, so it may have arrived and
 *   is not sent again (at most once);
 * - off (no template configured), no_quota, refused (43101), withdrawn, expired: not sent, by rule;
 * - dead: attempts used up or a permanent error; staff can resend.
 */
export type PushState = 'pending' | 'sending' | 'sent' | 'unconfirmed' | 'off' | 'no_quota' | 'refused' | 'withdrawn' | 'expired' | 'dead';

export type NotificationKind = 'event' | 'reminder';

export type NotificationDoc = {
  /**
   * `<outbox event id>:<userId>` or `reminder:<subject>:<24h|2h>:<userId>:<startsAt ISO>` (a booking's
   * subject is its bare id): a retry, a second worker or a racing call never doubles it.
   */
  _id: string;
  userId: string;
  kind: NotificationKind;
  type: string;
  /** What it is about (legacy notices have `bookingId` instead and are read as booking subjects). */
  subject: Subject;
  title: string;
  body: string;
  /** Which WeChat template carries it, and the values for that template's keywords. */
  group: NotifyTemplateGroup;
  fields: Partial<Record<NotifyTemplateField, string | Date>>;
  /** The mini-program page the notice (and its WeChat message) opens; its subject's handler chose it. */
  page: string;
  /** The start this notice speaks of; a reminder whose subject moved is withdrawn. */
  startsAt: Date | null;
  createdAt: Date;
  dueAt: Date;
  readAt: Date | null;
  withdrawnAt: Date | null;
  /** The 街道 of its subject (see EventReading.streetId); absent on notices stored before it was kept. */
  streetId?: string | null;
  push: PushState;
  /** Attempts claimed so far; attempt n is won by inserting claim `<_id>:<n>`. */
  pushAttempts: number;
  /** Attempts before this one that a staff resend wrote off, so a resend gets a fresh budget. */
  pushAttemptBase: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  templateId: string | null;
  sentAt: Date | null;
  updatedAt: Date;
};

/**
 * Per attempt, two unique keys: `claim:<id>:<n>` makes one worker the owner of attempt n, and
 * `fate:<id>:<n>` is taken either by the owner just before it sends ('sending') or by a worker that
 * found the owner's lease run out ('abandoned'). Exactly one of them gets it, so an owner that was
 * only slow never sends after its attempt was given up, and a request that may have left is never
 * repeated.
 */
export type DeliveryMarkDoc = {
  _id: string;
  notificationId: string;
  attempt: number;
  mark: 'claim' | 'sending' | 'abandoned';
  worker: string;
  at: Date;
  leaseUntil: Date | null;
};

export const notificationIndexes: CollectionIndexes[] = [
  {
    collection: 'notifications',
    indexes: [
      { key: { userId: 1, dueAt: -1 }, name: 'by_user_due' },
      { key: { push: 1, nextAttemptAt: 1 }, name: 'by_push_next' },
      { key: { push: 1, streetId: 1, updatedAt: -1 }, name: 'by_push_street' },
      { key: { 'subject.kind': 1, 'subject.id': 1, kind: 1 }, name: 'by_subject_kind' },
      // Notices stored before subjects (read as booking subjects) are found by this one.
      { key: { bookingId: 1, kind: 1 }, name: 'by_booking_kind' },
    ],
  },
];

export type InboxFilter = { userId: string; now: Date; unreadOnly?: boolean };

export class NotificationRepository {
  private readonly notifications: Collection<NotificationDoc>;
  private readonly marks: Collection<DeliveryMarkDoc>;

  constructor(db: Db) {
    this.notifications = resilientCollection<NotificationDoc>(db, 'notifications');
    this.marks = resilientCollection<DeliveryMarkDoc>(db, 'notification_marks');
  }

  /** False when a notice with this id exists already (the event or reminder was handled before). */
  async insertIfAbsent(doc: NotificationDoc): Promise<boolean> {
    return insertIfNew(this.notifications, doc);
  }

  async findById(id: string): Promise<NotificationDoc | null> {
    const doc = await this.notifications.findOne({ _id: id });
    return doc && withSubject(doc);
  }

  private inboxQuery({ userId, now, unreadOnly }: InboxFilter): Filter<NotificationDoc> {
    const query: Filter<NotificationDoc> = { userId, dueAt: { $lte: now }, withdrawnAt: null };
    if (unreadOnly) query.readAt = null;
    return query;
  }

  async inbox(filter: InboxFilter, skip: number, limit: number): Promise<NotificationDoc[]> {
    return (await this.notifications.find(this.inboxQuery(filter)).sort({ dueAt: -1, _id: -1 }).skip(skip).limit(limit).toArray()).map(withSubject);
  }

  countInbox(filter: InboxFilter): Promise<number> {
    return this.notifications.countDocuments(this.inboxQuery(filter));
  }

  /** Marks the user's own visible notices read; ids of other users' notices match nothing. */
  async markRead(filter: InboxFilter, ids: string[] | 'all', at: Date): Promise<number> {
    const query = this.inboxQuery({ ...filter, unreadOnly: true });
    if (ids !== 'all') query._id = { $in: ids };
    return (await this.notifications.updateMany(query, { $set: { readAt: at } })).modifiedCount;
  }

  /** Reminders of a subject still ahead, for withdrawing the ones that no longer apply. */
  async futureReminders(subject: Subject, now: Date): Promise<NotificationDoc[]> {
    const query: Filter<NotificationDoc> = { ...ofSubjectFilter<NotificationDoc>(subject), kind: 'reminder', withdrawnAt: null, dueAt: { $gt: now } };
    return (await this.notifications.find(query).toArray()).map(withSubject);
  }

  async withdraw(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.notifications.updateMany({ _id: { $in: ids }, withdrawnAt: null }, { $set: { withdrawnAt: at, push: 'withdrawn', updatedAt: at } });
  }

  /**
   * Withdraws a subject's notices of one type that still show: they leave the inbox, and a WeChat
   * message not yet on its way is not sent (one already sent or sending keeps its state).
   */
  async withdrawOfType(subject: Subject, type: string, at: Date): Promise<number> {
    const ofType: Filter<NotificationDoc> = { ...ofSubjectFilter<NotificationDoc>(subject), type };
    const shown = await this.notifications.updateMany({ ...ofType, withdrawnAt: null }, { $set: { withdrawnAt: at, updatedAt: at } });
    await this.notifications.updateMany({ ...ofType, push: 'pending' }, { $set: { push: 'withdrawn', updatedAt: at } });
    return shown.modifiedCount;
  }

  /** Brings a withdrawn reminder back (its subject matches it again), due for WeChat at `dueAt`. */
  async restore(id: string, push: PushState, dueAt: Date, at: Date): Promise<void> {
    await this.notifications.updateOne({ _id: id }, { $set: { withdrawnAt: null, push, nextAttemptAt: dueAt, leaseUntil: null, updatedAt: at } });
  }

  /** Notices whose WeChat message is due, and attempts whose owner's lease ran out. */
  async dueForPush(now: Date, limit: number): Promise<NotificationDoc[]> {
    const due = await this.notifications
      .find({ $or: [{ push: 'pending', nextAttemptAt: { $lte: now } }, { push: 'sending', leaseUntil: { $lt: now } }] })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return due.map(withSubject);
  }

  /**
   * Records what happened on the WeChat channel. Only the owner of the current attempt (or a worker
   * that settled a stale one through its fate key) writes this, so no conditional update is needed.
   */
  async setPush(id: string, fields: Partial<NotificationDoc>): Promise<void> {
    await this.notifications.updateOne({ _id: id }, { $set: fields });
  }

  /** Notices in these push states; with a 街道, only those whose subject belongs to it. */
  async listByPush(states: PushState[], streetId: string | null, skip: number, limit: number): Promise<NotificationDoc[]> {
    return (await this.notifications.find(pushFilter(states, streetId)).sort({ updatedAt: -1, _id: 1 }).skip(skip).limit(limit).toArray()).map(withSubject);
  }

  countByPush(states: PushState[], streetId: string | null): Promise<number> {
    return this.notifications.countDocuments(pushFilter(states, streetId));
  }

  /** Inserts a claim or fate mark; false when another worker holds that key. */
  async insertMark(mark: DeliveryMarkDoc): Promise<boolean> {
    return insertIfNew(this.marks, mark);
  }

  findMark(id: string): Promise<DeliveryMarkDoc | null> {
    return this.marks.findOne({ _id: id });
  }
}

export function claimKey(notificationId: string, attempt: number): string {
  return `claim:${notificationId}:${attempt}`;
}

export function fateKey(notificationId: string, attempt: number): string {
  return `fate:${notificationId}:${attempt}`;
}

/**
 * The outbox as the notifications worker reads it: events not yet turned into notices, oldest first.
 * Marking one processed is only bookkeeping; turning it into notices again changes nothing.
 */
export class OutboxFeed {
  private readonly outbox: Collection<OutboxEvent>;

  constructor(db: Db) {
    this.outbox = resilientCollection<OutboxEvent>(db, 'outbox');
  }

  async pending(limit: number): Promise<OutboxEvent[]> {
    return (await this.outbox.find({ processedAt: null }).sort({ at: 1, _id: 1 }).limit(limit).toArray()).map(withSubject);
  }

  async markProcessed(id: string, at: Date): Promise<void> {
    await this.outbox.updateOne({ _id: id }, { $set: { processedAt: at } });
  }
}

function pushFilter(states: PushState[], streetId: string | null): Filter<NotificationDoc> {
  return streetId === null ? { push: { $in: states } } : { push: { $in: states }, streetId };
}
