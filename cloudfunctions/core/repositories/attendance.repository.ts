import type { Collection, Db } from 'mongodb';
import { inBatches } from '../db/cursor-batches';
import { resilientCollection } from '../db/resilient-collection';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';
import type { LedgerEntry } from '../../../shared/domain/volunteer/attendance-hours';
import type { SignupDoc } from './activity.repository';

/**
 * One step of one sign-up: `in:<signupId>` and `out:<signupId>`, so each happens once however many
 * calls race. `window` is the code window used (null when the timer closed it): the same code used
 * again for the same step is told apart as a replay. A check-in stays `open` until its hours record
 * exists, which is how the timer finds forgotten check-outs and interrupted ones.
 */
export type AttendanceMarkDoc = {
  _id: string;
  step: 'in' | 'out';
  signupId: string;
  activityId: string;
  userId: string;
  at: Date;
  window: number | null;
  auto: boolean;
  /** On a check-in: when check-out closes; the timer closes it after then. */
  closesAt: Date | null;
  open: boolean;
};

/** The immutable facts of one record (`_id` = the sign-up); its decisions are in the log. */
export type HoursRecordDoc = {
  _id: string;
  activityId: string;
  userId: string;
  streetId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  checkInAt: Date;
  checkOutAt: Date;
  /** Closed by the timer (a forgotten check-out): the organizer should look before confirming. */
  autoClosed: boolean;
  minutes: number;
  computedHours: number;
  createdAt: Date;
};

/**
 * One decision on a record, `_id = <recordId>#<seq>`: whoever inserts `seq` first made the change.
 * `notifiedAt` is set once its event is in the outbox; an entry left without it (a crash in
 * between) is told by the repair timer.
 */
export type HoursLogDoc = LedgerEntry & { _id: string; recordId: string; userId: string; notifiedAt: Date | null };

export const markId = (step: 'in' | 'out', signupId: string) => `${step}:${signupId}`;
export const logEntryId = (recordId: string, seq: number) => `${recordId}#${seq}`;

export const attendanceIndexes: CollectionIndexes[] = [
  { collection: 'attendance_marks', indexes: [{ key: { activityId: 1 }, name: 'by_activity' }, { key: { open: 1, closesAt: 1 }, name: 'by_open' }] },
  { collection: 'volunteer_hours', indexes: [{ key: { userId: 1 }, name: 'by_user' }, { key: { activityId: 1 }, name: 'by_activity' }, { key: { streetId: 1 }, name: 'by_street' }] },
  {
    collection: 'volunteer_hours_log',
    // volunteer — staff: by_type finds the correction requests.
    indexes: [{ key: { recordId: 1 }, name: 'by_record' }, { key: { notifiedAt: 1, at: 1 }, name: 'by_unnotified' }, { key: { type: 1 }, name: 'by_type' }],
  },
];

export class AttendanceRepository {
  private readonly marks: Collection<AttendanceMarkDoc>;
  private readonly records: Collection<HoursRecordDoc>;
  private readonly log: Collection<HoursLogDoc>;
  private readonly signups: Collection<SignupDoc>;

  constructor(db: Db) {
    this.marks = resilientCollection<AttendanceMarkDoc>(db, 'attendance_marks');
    this.records = resilientCollection<HoursRecordDoc>(db, 'volunteer_hours');
    this.log = resilientCollection<HoursLogDoc>(db, 'volunteer_hours_log');
    // Read only, for the roster: the sign-ups themselves belong to activity.repository.
    this.signups = resilientCollection<SignupDoc>(db, 'activity_signups');
  }

  /** Inserts the step; the stored one when it was taken already (by a racing call or before). */
  async insertMark(doc: AttendanceMarkDoc): Promise<{ created: true } | { created: false; existing: AttendanceMarkDoc }> {
    try {
      await this.marks.insertOne(doc);
      return { created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.marks.findOne({ _id: doc._id });
      if (!existing) throw error;
      return { created: false, existing };
    }
  }

  findMark(id: string): Promise<AttendanceMarkDoc | null> {
    return this.marks.findOne({ _id: id });
  }

  marksOf(activityId: string): Promise<AttendanceMarkDoc[]> {
    return this.marks.find({ activityId }).toArray();
  }

  /** Check-ins still open whose check-out closed by `now`: forgotten, or cut off by a crash. */
  openCheckInsDue(now: Date, limit: number): Promise<AttendanceMarkDoc[]> {
    return this.marks.find({ open: true, closesAt: { $lte: now } }).sort({ closesAt: 1 }).limit(limit).toArray();
  }

  async closeMark(id: string): Promise<void> {
    await this.marks.updateOne({ _id: id }, { $set: { open: false } });
  }

  /** Inserts the record; false when it exists already (made by a racing check-out or the timer). */
  async insertRecord(doc: HoursRecordDoc): Promise<boolean> {
    return insertIfNew(this.records, doc);
  }

  findRecord(id: string): Promise<HoursRecordDoc | null> {
    return this.records.findOne({ _id: id });
  }

  recordsOf(userId: string): Promise<HoursRecordDoc[]> {
    return this.records.find({ userId }).sort({ startsAt: -1 }).toArray();
  }

  /**
   * exports: the records of activities starting in [from, to) of one 街道 (null: the district), by
   * 街道 and then time, read from one cursor a batch at a time (an export never holds them all).
   */
  eachRecordBetween(streetId: string | null, from: Date, to: Date, batchSize = 200): AsyncGenerator<HoursRecordDoc[]> {
    const cursor = this.records.find({ startsAt: { $gte: from, $lt: to }, ...(streetId ? { streetId } : {}) }).sort({ streetId: 1, startsAt: 1, _id: 1 });
    return inBatches(cursor, batchSize);
  }

  recordsOfActivity(activityId: string): Promise<HoursRecordDoc[]> {
    return this.records.find({ activityId }).toArray();
  }

  /** Appends the entry; false when that place in the log was taken (another decision came first). */
  async append(entry: HoursLogDoc): Promise<boolean> {
    return insertIfNew(this.log, entry);
  }

  /** Entries recorded by `before` whose event may not be in the outbox yet. */
  unnotified(before: Date, limit: number): Promise<HoursLogDoc[]> {
    return this.log.find({ notifiedAt: null, at: { $lte: before } }).sort({ at: 1 }).limit(limit).toArray();
  }

  async markNotified(id: string, at: Date): Promise<void> {
    await this.log.updateOne({ _id: id }, { $set: { notifiedAt: at } });
  }

  /** The log of each record, in order. */
  async logsOf(recordIds: string[]): Promise<Map<string, HoursLogDoc[]>> {
    const byRecord = new Map<string, HoursLogDoc[]>(recordIds.map((id) => [id, []]));
    if (recordIds.length === 0) return byRecord;
    const entries = await this.log.find({ recordId: { $in: recordIds } }).sort({ seq: 1 }).toArray();
    for (const entry of entries) byRecord.get(entry.recordId)?.push(entry);
    return byRecord;
  }

  /** Every sign-up of an activity, withdrawn ones included (the roster shows them). */
  signupsOfActivity(activityId: string): Promise<SignupDoc[]> {
    return this.signups.find({ activityId }).toArray();
  }

  // volunteer — staff. A record is pending exactly while its log is empty: the first entry is always
  // the organizer's confirm or correct (a request needs a decided record), so `<recordId>#1` decides.

  /** How many of these records have been decided (their first log entry exists), counted by the engine. */
  private decidedCount(recordIds: string[]): Promise<number> {
    return recordIds.length === 0 ? Promise.resolve(0) : this.log.countDocuments({ _id: { $in: recordIds.map((id) => logEntryId(id, 1)) } });
  }

  /** Records of a 街道 (null: the district) still waiting for the organizer's confirm or correct. */
  async pendingCount(streetId: string | null): Promise<number> {
    const ids = (await this.records.find(streetId ? { streetId } : {}, { projection: { _id: 1 } }).toArray()).map((r) => r._id);
    return ids.length - (await this.decidedCount(ids));
  }

  /** Per activity, its records still pending. */
  async pendingCountsByActivity(activityIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (activityIds.length === 0) return counts;
    const records = await this.records.find({ activityId: { $in: activityIds } }, { projection: { _id: 1, activityId: 1 } }).toArray();
    const decided = new Set(
      (await this.log.find({ _id: { $in: records.map((r) => logEntryId(r._id, 1)) } }, { projection: { recordId: 1 } }).toArray()).map((e) => e.recordId),
    );
    for (const record of records) if (!decided.has(record._id)) counts.set(record.activityId, (counts.get(record.activityId) ?? 0) + 1);
    return counts;
  }

  /** Records of a 街道 (null: any) that have had a correction requested (open or since decided). */
  async recordsWithCorrectionRequests(streetId: string | null): Promise<HoursRecordDoc[]> {
    const ids = [...new Set((await this.log.find({ type: 'correction_requested' }, { projection: { recordId: 1 } }).toArray()).map((e) => e.recordId))];
    if (ids.length === 0) return [];
    return this.records.find({ _id: { $in: ids }, ...(streetId ? { streetId } : {}) }).toArray();
  }
}
