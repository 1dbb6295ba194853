import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { NotifyTemplateField, NotifyTemplateGroup } from '../../../config/server-config.schema';
import { subjectRef, type Subject } from '../../../shared/domain/subject';
import type { CollectionIndexes } from '../db/indexes';
import { insertIfNew } from '../db/insert-if-new';
import { ofSubjectFilter, withSubject, type OutboxEvent } from './outbox.repository';
import { MetaRepository } from './meta.repository';

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
      // The per-subject look-ups once every notice carries its subject key (see storedNotice).
      { key: { subjectKey: 1, kind: 1 }, name: 'by_subject_key' },
      // A user's unread notices (the badge on every home page), once every notice carries the key.
      { key: { unreadOf: 1 }, name: 'by_unread_of' },
    ],
  },
];

export type InboxFilter = { userId: string; now: Date; unreadOnly?: boolean };

/**
 * A notice as stored: with `subjectKey` (`subjectRef` of its subject) beside `subject`. FerretDB
 * hands only equality on a top-level field to its backend (and its index); `subject.kind` /
 * `subject.id` and any `$or` are filtered in FerretDB after reading every notice, which with a
 * year of notices made each booking's notice step take seconds. The key makes the per-subject
 * look-ups one indexed equality.
 */
type StoredNotice = NotificationDoc & { subjectKey?: string; unreadOf?: string };

/**
 * As stored: with `subjectKey`, and `unreadOf` (the user's id) while the notice is unread, so that a
 * user's unread count reads their unread notices only, not every notice of the year (see above).
 */
export function storedNotice(doc: NotificationDoc): StoredNotice {
  return { ...doc, subjectKey: subjectRef(doc.subject), ...(doc.readAt === null ? { unreadOf: doc.userId } : {}) };
}

function readNotice(doc: StoredNotice): NotificationDoc {
  const { subjectKey: _key, unreadOf: _unread, ...notice } = doc;
  return withSubject(notice);
}

/** Recorded in `meta` once every stored notice carries its subject key. */
const SUBJECT_KEYS_FACT = 'notifications.subject_keys';
/**
 * Updates per bulk write when giving notices a key. FerretDB v1 on PostgreSQL stops answering for
 * good when one update command carries 500 statements (measured on a year of notices; 200 went
 * through); 100 stays well clear of that.
 */
const ADOPT_WRITE_BATCH = 100;
/** Recorded in `meta` once every unread stored notice carries `unreadOf`. */
const UNREAD_KEYS_FACT = 'notifications.unread_keys';
/** How long an instance trusts "not yet adopted" before asking again (the old look-up stays correct meanwhile). */
const FACT_RECHECK_MS = 60_000;

export class NotificationRepository {
  private readonly notifications: Collection<StoredNotice>;
  private readonly marks: Collection<DeliveryMarkDoc>;
  private readonly meta: MetaRepository;
  /** Per fact: true once seen (a fact never goes back); else when it was last found missing. */
  private readonly facts = new Map<string, true | number>();

  constructor(db: Db) {
    this.notifications = resilientCollection<StoredNotice>(db, 'notifications');
    this.marks = resilientCollection<DeliveryMarkDoc>(db, 'notification_marks');
    this.meta = new MetaRepository(db);
  }

  /** False when a notice with this id exists already (the event or reminder was handled before). */
  async insertIfAbsent(doc: NotificationDoc): Promise<boolean> {
    return insertIfNew(this.notifications, storedNotice(doc));
  }

  async findById(id: string): Promise<NotificationDoc | null> {
    const doc = await this.notifications.findOne({ _id: id });
    return doc && readNotice(doc);
  }

  /**
   * The filter for one subject's notices: its key once every notice has one, else the look-up that
   * also reads notices stored without it (subject fields, or `bookingId` from before subjects).
   */
  private async ofSubject(subject: Subject): Promise<Filter<StoredNotice>> {
    // The key alone: `subjectRef` never gives two subjects one key, and legacy notices have no `subject`.
    if (await this.subjectKeysAdopted()) return { subjectKey: subjectRef(subject) };
    return ofSubjectFilter<StoredNotice>(subject);
  }

  private subjectKeysAdopted(): Promise<boolean> {
    return this.known(SUBJECT_KEYS_FACT);
  }

  /** Whether a fact is recorded, asking the database at most once a minute while it is not. */
  private async known(fact: string): Promise<boolean> {
    const seen = this.facts.get(fact);
    if (seen === true) return true;
    if (typeof seen === 'number' && Date.now() - seen < FACT_RECHECK_MS) return false;
    const recorded = (await this.meta.get(fact)) !== null;
    this.facts.set(fact, recorded ? true : Date.now());
    return recorded;
  }

  /**
   * Gives every notice stored without a subject key its key, then records that all have one (once
   * per database; the delivery timer asks, so it runs within a minute of deploying). Notices
   * written meanwhile carry the key already. Returns how many were given one.
   */
  async adoptSubjectKeys(now: Date): Promise<number> {
    if (await this.subjectKeysAdopted()) return 0;
    const missing = await this.notifications.find({ subjectKey: { $exists: false } }, { projection: { _id: 1, subject: 1, bookingId: 1 } }).toArray();
    for (let start = 0; start < missing.length; start += ADOPT_WRITE_BATCH) {
      await this.notifications.bulkWrite(
        missing.slice(start, start + ADOPT_WRITE_BATCH).map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $set: { subjectKey: subjectRef(withSubject(doc).subject) } } } })),
        { ordered: false },
      );
    }
    await this.meta.markOnce(SUBJECT_KEYS_FACT, now, { adopted: missing.length });
    this.facts.set(SUBJECT_KEYS_FACT, true);
    return missing.length;
  }

  /**
   * Gives unread notices stored without `unreadOf` the key, at most `batch` a run, and once a run
   * finds none left records that all have it (once per database, from the delivery timer like the
   * subject keys; a year of notices takes a few runs, each well inside a timer's time). A notice
   * read meanwhile may get the key after its read: harmless, as every unread look-up also asks
   * `readAt: null`. Returns how many were given one.
   */
  async adoptUnreadKeys(now: Date, batch = 5000): Promise<number> {
    if (await this.known(UNREAD_KEYS_FACT)) return 0;
    const missing = await this.notifications.find({ readAt: null, unreadOf: { $exists: false } }, { projection: { _id: 1, userId: 1 } }).limit(batch).toArray();
    if (missing.length === 0) {
      await this.meta.markOnce(UNREAD_KEYS_FACT, now);
      this.facts.set(UNREAD_KEYS_FACT, true);
      return 0;
    }
    for (let start = 0; start < missing.length; start += ADOPT_WRITE_BATCH) {
      await this.notifications.bulkWrite(
        missing.slice(start, start + ADOPT_WRITE_BATCH).map((doc) => ({ updateOne: { filter: { _id: doc._id, readAt: null }, update: { $set: { unreadOf: doc.userId } } } })),
        { ordered: false },
      );
    }
    return missing.length;
  }

  private async inboxQuery({ userId, now, unreadOnly }: InboxFilter): Promise<Filter<StoredNotice>> {
    // Unread ones by their key once every unread notice has it: the engine then reads only those.
    const owner: Filter<StoredNotice> = unreadOnly && (await this.known(UNREAD_KEYS_FACT)) ? { unreadOf: userId } : { userId };
    const query: Filter<StoredNotice> = { ...owner, dueAt: { $lte: now }, withdrawnAt: null };
    if (unreadOnly) query.readAt = null;
    return query;
  }

  /** One page of the inbox, newest first (`dueAt`, then `_id`, both descending), and its total. */
  async inboxPage(filter: InboxFilter, skip: number, limit: number): Promise<{ items: NotificationDoc[]; total: number }> {
    const keys = await this.notifications.find(await this.inboxQuery(filter), { projection: { _id: 1, dueAt: 1 } }).toArray();
    const order = (a: SortKey, b: SortKey) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
    return this.pageOf(keys.map((k) => ({ _id: k._id, at: k.dueAt })), order, skip, limit, (doc) => doc.withdrawnAt === null);
  }

  /**
   * A page and its total from one read of the matches' sort keys, sorted here, then the page's
   * notices by `_id` (each an equality the engine pushes down). FerretDB sorts in memory after
   * reading every match, so a find for the page beside a count read all of them twice; `$in` is not
   * pushed down, so the page is fetched one `_id` at a time. A notice that left the list between the
   * two reads (`stillListed` says no: withdrawn, resent) is left out of the page.
   */
  private async pageOf(
    keys: SortKey[],
    order: (a: SortKey, b: SortKey) => number,
    skip: number,
    limit: number,
    stillListed: (doc: StoredNotice) => boolean,
  ): Promise<{ items: NotificationDoc[]; total: number }> {
    const ids = keys.sort(order).slice(skip, skip + limit).map((k) => k._id);
    const docs = await Promise.all(ids.map((id) => this.notifications.findOne({ _id: id })));
    return { items: docs.filter((doc): doc is StoredNotice => doc !== null && stillListed(doc)).map(readNotice), total: keys.length };
  }

  async countInbox(filter: InboxFilter): Promise<number> {
    return this.notifications.countDocuments(await this.inboxQuery(filter));
  }

  /** Marks the user's own visible notices read; ids of other users' notices match nothing. */
  async markRead(filter: InboxFilter, ids: string[] | 'all', at: Date): Promise<number> {
    const query = await this.inboxQuery({ ...filter, unreadOnly: true });
    if (ids !== 'all') query._id = { $in: ids };
    return (await this.notifications.updateMany(query, { $set: { readAt: at }, $unset: { unreadOf: '' } })).modifiedCount;
  }

  /** Reminders of a subject still ahead, for withdrawing the ones that no longer apply. */
  async futureReminders(subject: Subject, now: Date): Promise<NotificationDoc[]> {
    const query: Filter<StoredNotice> = { ...(await this.ofSubject(subject)), kind: 'reminder', withdrawnAt: null, dueAt: { $gt: now } };
    return (await this.notifications.find(query).toArray()).map(readNotice);
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
    const ofType: Filter<StoredNotice> = { ...(await this.ofSubject(subject)), type };
    const shown = await this.notifications.updateMany({ ...ofType, withdrawnAt: null }, { $set: { withdrawnAt: at, updatedAt: at } });
    await this.notifications.updateMany({ ...ofType, push: 'pending' }, { $set: { push: 'withdrawn', updatedAt: at } });
    return shown.modifiedCount;
  }

  /** Brings a withdrawn reminder back (its subject matches it again), due for WeChat at `dueAt`. */
  async restore(id: string, push: PushState, dueAt: Date, at: Date): Promise<void> {
    await this.notifications.updateOne({ _id: id }, { $set: { withdrawnAt: null, push, nextAttemptAt: dueAt, leaseUntil: null, updatedAt: at } });
  }

  /**
   * Notices whose WeChat message is due, and attempts whose owner's lease ran out. Two look-ups by
   * state, each an equality the engine's index serves (an `$or` would read every notice).
   */
  async dueForPush(now: Date, limit: number): Promise<NotificationDoc[]> {
    // The delivery timer comes here every minute: it is what gives older notices their keys.
    await this.adoptSubjectKeys(now);
    await this.adoptUnreadKeys(now);
    const [pending, stale] = await Promise.all([
      this.notifications.find({ push: 'pending', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1, _id: 1 }).limit(limit).toArray(),
      this.notifications.find({ push: 'sending', leaseUntil: { $lt: now } }).sort({ nextAttemptAt: 1, _id: 1 }).limit(limit).toArray(),
    ]);
    return [...pending, ...stale]
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
      .slice(0, limit)
      .map(readNotice);
  }

  /**
   * Records what happened on the WeChat channel. Only the owner of the current attempt (or a worker
   * that settled a stale one through its fate key) writes this, so no conditional update is needed.
   */
  async setPush(id: string, fields: Partial<NotificationDoc>): Promise<void> {
    await this.notifications.updateOne({ _id: id }, { $set: fields });
  }

  /**
   * Notices in one of `states` (with a 街道, only those whose subject belongs to it), most recently
   * changed first (`updatedAt` descending, then `_id`), one page, and their total. One look-up per
   * state (an equality the index serves; `$in` would read every notice on the local engine).
   */
  async pageByPush(states: PushState[], streetId: string | null, skip: number, limit: number): Promise<{ items: NotificationDoc[]; total: number }> {
    const lists = await Promise.all(states.map((push) => this.notifications.find(pushFilter(push, streetId), { projection: { _id: 1, updatedAt: 1 } }).toArray()));
    const order = (a: SortKey, b: SortKey) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
    return this.pageOf(lists.flat().map((k) => ({ _id: k._id, at: k.updatedAt })), order, skip, limit, (doc) => states.includes(doc.push));
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

/** What a page is sorted by: a notice's id and the time its list orders by. */
type SortKey = { _id: string; at: Date };

function pushFilter(push: PushState, streetId: string | null): Filter<NotificationDoc> {
  return streetId === null ? { push } : { push, streetId };
}
