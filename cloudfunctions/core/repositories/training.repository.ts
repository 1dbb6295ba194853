import { districtDateOf } from '../../../shared/domain/time';
import { resilientCollection } from '../db/resilient-collection';
import { MongoBulkWriteError, type Collection, type Db, type Document } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { InFlight } from '../db/in-flight';
import { isDuplicateKeyError } from '../db/mongo-errors';
import type { AgeBand } from '../../../shared/domain/volunteer/training-rules';

/**
 * An elder trained in the smart-technology classes: name, community and age band, nothing more (no
 * phone, no ID number). `userId` is set when the elder is the resident who enrolled themselves;
 * `enrolledBy` is the account that first named them (a resident for a family member, the teacher
 * for a walk-in).
 */
export type ElderDoc = {
  _id: string;
  name: string;
  communityId: string;
  streetId: string;
  ageBand: AgeBand;
  source: 'self' | 'family' | 'walk_in';
  userId: string | null;
  enrolledBy: string;
  createdAt: Date;
};

/** An elder's enrolment in one session (`_id = <activityId>:<elderId>`); `holding` until its seat is taken. */
export type EnrolmentDoc = {
  _id: string;
  activityId: string;
  elderId: string;
  enrolledBy: string;
  state: 'holding' | 'enrolled';
  seatId: string | null;
  startsAt: Date;
  createdAt: Date;
};

/**
 * One elder present at one session (`_id = <activityId>:<elderId>`): one person-time. The session's
 * community and 街道 and the district year are copied in so the counts are one aggregation.
 */
export type AttendanceDoc = {
  _id: string;
  activityId: string;
  seriesId: string | null;
  elderId: string;
  year: number;
  communityId: string;
  streetId: string;
  walkIn: boolean;
  markedBy: string;
  sessionStartsAt: Date;
  at: Date;
};

/** What the year's counts read of a roll entry. */
type RollEntry = Pick<AttendanceDoc, 'streetId' | 'communityId' | 'elderId' | 'sessionStartsAt'>;

export type TrainingTargetsDoc = { _id: string; year: number; districtTotal: number; streets: { streetId: string; target: number }[]; setBy: string; updatedAt: Date };

export type TrainingCount = { personTimes: number; persons: number };
export type TrainingCounts = {
  district: TrainingCount;
  streets: Map<string, TrainingCount>;
  communities: Map<string, TrainingCount & { streetId: string }>;
};

export const trainingIndexes: CollectionIndexes[] = [
  { collection: 'training_enrolments', indexes: [{ key: { activityId: 1 }, name: 'by_activity' }, { key: { enrolledBy: 1 }, name: 'by_enrolled_by' }, { key: { state: 1 }, name: 'by_state' }] },
  { collection: 'training_attendance', indexes: [{ key: { year: 1, streetId: 1 }, name: 'by_year_street' }, { key: { activityId: 1 }, name: 'by_activity' }, { key: { seriesId: 1 }, name: 'by_series' }] },
];

type Row = { _id: Record<string, string | null> | null; n: number };

export class TrainingRepository {
  private readonly elders: Collection<ElderDoc>;
  private readonly enrolments: Collection<EnrolmentDoc>;
  private readonly attendance: Collection<AttendanceDoc>;
  private readonly rolls = new InFlight<RollEntry[]>();
  private readonly targets: Collection<TrainingTargetsDoc>;

  constructor(db: Db) {
    this.elders = resilientCollection<ElderDoc>(db, 'training_elders');
    this.enrolments = resilientCollection<EnrolmentDoc>(db, 'training_enrolments');
    this.attendance = resilientCollection<AttendanceDoc>(db, 'training_attendance');
    this.targets = resilientCollection<TrainingTargetsDoc>(db, 'training_targets');
  }

  /** Inserts the elder unless one with this id exists (a retry, or the same family member again); the stored one wins. */
  async ensureElder(doc: ElderDoc): Promise<ElderDoc> {
    try {
      await this.elders.insertOne(doc);
      return doc;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.elders.findOne({ _id: doc._id })) ?? doc;
    }
  }

  async eldersByIds(ids: string[]): Promise<Map<string, ElderDoc>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.elders.find({ _id: { $in: ids } }).toArray()).map((e) => [e._id, e]));
  }

  /** Inserts the enrolment; the stored one when it exists already (the elder is enrolled, or a retry runs). */
  async insertEnrolment(doc: EnrolmentDoc): Promise<{ enrolment: EnrolmentDoc; created: boolean }> {
    try {
      await this.enrolments.insertOne(doc);
      return { enrolment: doc, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.enrolments.findOne({ _id: doc._id });
      if (!existing) throw error;
      return { enrolment: existing, created: false };
    }
  }

  async setEnrolled(id: string, seatId: string): Promise<void> {
    await this.enrolments.updateOne({ _id: id }, { $set: { state: 'enrolled', seatId } });
  }

  async deleteEnrolment(id: string): Promise<void> {
    await this.enrolments.deleteOne({ _id: id, state: 'holding' });
  }

  enrolmentsOf(activityId: string): Promise<EnrolmentDoc[]> {
    return this.enrolments.find({ activityId, state: 'enrolled' }).toArray();
  }

  enrolmentsBy(userId: string): Promise<EnrolmentDoc[]> {
    return this.enrolments.find({ enrolledBy: userId }).sort({ startsAt: 1 }).toArray();
  }

  /** Enrolments left in `holding` since before `before`: interrupted, for repair to finish or undo. */
  stuckInHolding(before: Date): Promise<EnrolmentDoc[]> {
    return this.enrolments.find({ state: 'holding', createdAt: { $lt: before } }).toArray();
  }

  enrolmentsByIds(ids: string[]): Promise<EnrolmentDoc[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.enrolments.find({ _id: { $in: ids } }).toArray();
  }

  /**
   * Records the elders present; returns the ids newly counted. A roll entry that exists already (a
   * double tick, a retry, a concurrent teacher) is refused by its `_id` and not counted again.
   */
  async markPresent(docs: AttendanceDoc[]): Promise<string[]> {
    if (docs.length === 0) return [];
    const duplicates = new Set<number>();
    try {
      await this.attendance.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      for (const writeError of errors) {
        if (writeError.code !== 11000) throw error;
        duplicates.add(writeError.index);
      }
    }
    return docs.filter((_, index) => !duplicates.has(index)).map((doc) => doc.elderId);
  }

  attendanceOf(activityId: string): Promise<AttendanceDoc[]> {
    return this.attendance.find({ activityId }).toArray();
  }

  /** Elders seen at any session of a series (the regulars a teacher can tick without enrolment). */
  async eldersSeenInSeries(seriesId: string): Promise<string[]> {
    const docs = await this.attendance.find({ seriesId }, { projection: { elderId: 1 } }).toArray();
    return [...new Set(docs.map((d) => d.elderId))];
  }

  async saveTargets(doc: TrainingTargetsDoc): Promise<void> {
    await this.targets.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  targetsOf(year: number): Promise<TrainingTargetsDoc | null> {
    return this.targets.findOne({ _id: String(year) });
  }

  /**
   * Person-times (roll entries) per district month (index 0 = January) of a year's sessions, of
   * one 街道 or the district: the pace line. One look-up by `year` (an equality FerretDB hands to
   * its index) rather than a range count per month: FerretDB reads every roll entry for a range, so
   * twelve of them read the year's roll twelve times.
   */
  async personTimesByMonth(year: number, streetId: string | null): Promise<number[]> {
    const months = Array.from({ length: 12 }, () => 0);
    for (const entry of await this.yearRoll(year, streetId)) {
      const date = districtDateOf(entry.sessionStartsAt);
      if (Number(date.slice(0, 4)) === year) months[Number(date.slice(5, 7)) - 1]! += 1;
    }
    return months;
  }

  /**
   * Person-times and persons of a year, per 社区, per 街道 and for the district (or one 街道).
   * Persons are distinct elders at each level, so an elder trained in two communities of one 街道
   * is one person of the 街道 and one of each community. The year's roll entries (three small
   * fields each) are read once and counted here: FerretDB reads every matched entry for each
   * aggregation, and the six this took (one accumulator each: v1.24 returns 0 for every
   * accumulator after the first) read a year's roll six times over.
   */
  async countsOf(year: number, streetId: string | null, window?: { from: Date; to: Date }): Promise<TrainingCounts> {
    // A dashboard period is days of one year: sessions starting in [from, to).
    const entries = (await this.yearRoll(year, streetId)).filter((e) => !window || (e.sessionStartsAt >= window.from && e.sessionStartsAt < window.to));
    type Tally = { personTimes: number; elders: Set<string>; streetId: string };
    const tally = (map: Map<string, Tally>, key: string, entry: RollEntry) => {
      const found = map.get(key) ?? { personTimes: 0, elders: new Set<string>(), streetId: String(entry.streetId ?? '') };
      found.personTimes += 1;
      found.elders.add(entry.elderId);
      map.set(key, found);
    };
    const district = new Map<string, Tally>();
    const streets = new Map<string, Tally>();
    const communities = new Map<string, Tally>();
    for (const entry of entries) {
      tally(district, 'district', entry);
      tally(streets, String(entry.streetId), entry);
      tally(communities, String(entry.communityId), entry);
    }
    const counted = ({ personTimes, elders }: Tally): TrainingCount => ({ personTimes, persons: elders.size });
    const all = district.get('district');
    return {
      district: all ? counted(all) : { personTimes: 0, persons: 0 },
      streets: new Map([...streets].map(([id, t]) => [id, counted(t)])),
      communities: new Map([...communities].map(([id, t]) => [id, { ...counted(t), streetId: t.streetId }])),
    };
  }

  /**
   * A year's roll entries (three small fields each) of the district or one 街道. The dashboard asks
   * for the counts and the months at once: they share one read.
   */
  private yearRoll(year: number, streetId: string | null): Promise<RollEntry[]> {
    return this.rolls.run(`${year}:${streetId ?? ''}`, () =>
      this.attendance.find({ year, ...(streetId ? { streetId } : {}) }, { projection: { _id: 0, streetId: 1, communityId: 1, elderId: 1, sessionStartsAt: 1 } }).toArray(),
    );
  }
}
