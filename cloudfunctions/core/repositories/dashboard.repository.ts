import type { Collection, Db, Document } from 'mongodb';
import { resilientCollection } from '../db/resilient-collection';
import type { CollectionIndexes } from '../db/indexes';
import type { ServiceTargetMeasure } from '../../../shared/domain/dashboard-measures';
import type { ActivityDoc, SignupDoc } from './activity.repository';
import type { HoursRecordDoc } from './attendance.repository';
import type { ApplicationDoc } from './volunteer.repository';

/** A year's target of one service measure (`_id = <year>:<measure>`), for the district and each 街道. */
export type ServiceTargetDoc = {
  _id: string;
  year: number;
  measure: ServiceTargetMeasure;
  districtTotal: number;
  streets: { streetId: string; target: number }[];
  setBy: string;
  updatedAt: Date;
};

export type ActivityPlace = Pick<ActivityDoc, '_id' | 'title' | 'streetId' | 'communityId' | 'startsAt'> & { capacity: number };
export type HoursRecordPlace = Pick<HoursRecordDoc, '_id' | 'userId' | 'streetId' | 'startsAt' | 'computedHours'>;

export const dashboardIndexes: CollectionIndexes[] = [{ collection: 'service_targets', indexes: [{ key: { year: 1 }, name: 'by_year' }] }];

type Row = { _id: Record<string, string | null> | string | null; n: number };

const window = (from: Date, to: Date) => ({ $gte: from, $lt: to });
const street = (streetId: string | null): Document => (streetId ? { streetId } : {});

/**
 * The dashboard's questions, read only, over collections other modules write (volunteer
 * applications, activities and sign-ups, hours records), plus the service targets it owns.
 * Counts over many documents are aggregations in the engine; FerretDB v1.24 has $match/$group/$unwind
 * but no $lookup, no $first/$max, and keeps only `_id` and the unwound field after $unwind, so joins
 * across collections are made of per-activity or per-record rows, never of whole documents. FerretDB
 * pushes only top-level equalities down (no range, no `$in`): every other look-up reads the whole
 * collection, so each collection is read once per question where it can be.
 */
export class DashboardRepository {
  private readonly targets: Collection<ServiceTargetDoc>;
  private readonly applications: Collection<ApplicationDoc>;
  private readonly activities: Collection<ActivityDoc>;
  private readonly signups: Collection<SignupDoc>;
  private readonly hours: Collection<HoursRecordDoc>;

  constructor(db: Db) {
    this.targets = resilientCollection<ServiceTargetDoc>(db, 'service_targets');
    this.applications = resilientCollection<ApplicationDoc>(db, 'volunteer_applications');
    this.activities = resilientCollection<ActivityDoc>(db, 'activities');
    this.signups = resilientCollection<SignupDoc>(db, 'activity_signups');
    this.hours = resilientCollection<HoursRecordDoc>(db, 'volunteer_hours');
  }

  serviceTargetsOf(year: number): Promise<ServiceTargetDoc[]> {
    return this.targets.find({ year }).toArray();
  }

  /** Last write wins: a setting, not an invariant. */
  async saveServiceTargets(doc: ServiceTargetDoc): Promise<void> {
    await this.targets.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  /** Approved (registered, not left) volunteers per 街道 and 社区 of their application. */
  async registeredVolunteers(streetId: string | null): Promise<{ streetId: string; communityId: string; n: number }[]> {
    const rows = await this.applications
      .aggregate<Row>([{ $match: { status: 'approved', ...street(streetId) } }, { $group: { _id: { streetId: '$streetId', communityId: '$communityId' }, n: { $sum: 1 } } }])
      .toArray();
    return rows.map((row) => {
      const key = (row._id ?? {}) as Record<string, string | null>;
      return { streetId: String(key.streetId ?? ''), communityId: String(key.communityId ?? ''), n: row.n };
    });
  }

  /**
   * The hours records (id, volunteer, 街道, start, computed hours) of activities starting in [from, to).
   * The dashboard reads the one window that holds both its period and the active volunteers' 90 days:
   * FerretDB pushes no date range down, so any window reads every record, and two read them twice.
   */
  hoursRecordsBetween(from: Date, to: Date, streetId: string | null): Promise<HoursRecordPlace[]> {
    return this.hours.find({ startsAt: window(from, to), ...street(streetId) }, { projection: { _id: 1, userId: 1, streetId: 1, startsAt: 1, computedHours: 1 } }).toArray();
  }

  /**
   * Open (not cancelled) activities starting in [from, to): one small row each, with the volunteer
   * places of all its roles. The places come with the row: a second look-up by `_id: { $in }` read
   * every activity again (FerretDB pushes no `$in` down).
   */
  async activitiesBetween(from: Date, to: Date, streetId: string | null): Promise<ActivityPlace[]> {
    const rows = await this.activities
      .find({ status: 'open', startsAt: window(from, to), ...street(streetId) }, { projection: { _id: 1, title: 1, streetId: 1, communityId: 1, startsAt: 1, roles: 1 } })
      .sort({ startsAt: 1, _id: 1 })
      .toArray();
    return rows.map(({ roles, ...row }) => ({ ...row, capacity: roles.reduce((sum, role) => sum + role.count, 0) }));
  }

  /** Per activity, the volunteers holding a place (signed up and placed; waiting ones are not in yet). */
  async placedCountsOf(activityIds: string[]): Promise<Map<string, number>> {
    if (activityIds.length === 0) return new Map();
    const rows = await this.signups
      .aggregate<{ _id: string; n: number }>([{ $match: { activityId: { $in: activityIds }, state: 'placed' } }, { $group: { _id: '$activityId', n: { $sum: 1 } } }])
      .toArray();
    return new Map(rows.map((row) => [row._id, row.n]));
  }
}
