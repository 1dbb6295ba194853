import { countsInTotals, foldLedger } from '../../../../shared/domain/volunteer/attendance-hours';
import { fillRate, measureFigure, serviceTargetMeasures, type DashboardMeasure, type DashboardPeriod, type MeasureFigure } from '../../../../shared/domain/dashboard-measures';
import type { AttendanceRepository } from '../../repositories/attendance.repository';
import type { BookingRepository, PlaceCount } from '../../repositories/booking.repository';
import type { DashboardRepository, HoursRecordPlace } from '../../repositories/dashboard.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { TrainingRepository } from '../../repositories/training.repository';

export type DashboardRowDeps = { bookings: BookingRepository; training: TrainingRepository; district: DistrictRepository; dashboard: DashboardRepository; attendance: AttendanceRepository };

type ServiceTotals = { advisorConsultations: number; escortServices: number; escortForHardship: number; escortFree: number; counselingSessions: number };
type ActivityTotals = { count: number; signedUp: number; capacity: number };
type Training = { personTimes: number; persons: number };

const zeroServices = (): ServiceTotals => ({ advisorConsultations: 0, escortServices: 0, escortForHardship: 0, escortFree: 0, counselingSessions: 0 });
const zeroActivities = (): ActivityTotals => ({ count: 0, signedUp: 0, capacity: 0 });
const zeroTraining = (): Training => ({ personTimes: 0, persons: 0 });

/** Only services given (completed) count; counseling as a number only; an escort is for a hardship group once verified. */
function addService(totals: ServiceTotals, row: PlaceCount): void {
  if (row.service === 'advisor') totals.advisorConsultations += row.count;
  if (row.service === 'counseling') totals.counselingSessions += row.count;
  if (row.service === 'escort') {
    totals.escortServices += row.count;
    if (row.eligible) totals.escortForHardship += row.count;
    if (row.free) totals.escortFree += row.count;
  }
}

function addActivity(totals: ActivityTotals, capacity: number, signedUp: number): void {
  totals.count += 1;
  totals.capacity += capacity;
  totals.signedUp += signedUp;
}

const withFill = (a: ActivityTotals) => ({ ...a, fillRate: fillRate(a.signedUp, a.capacity) });

function bucket<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  return made;
}

/** Each measure's actual beside its yearly target; a forecast only when `elapsedShare` is given (a whole year). */
function figures(training: Training, services: ServiceTotals, targets: Record<DashboardMeasure, number | null>, elapsedShare: number | null): Record<DashboardMeasure, MeasureFigure> {
  return {
    training: measureFigure(training.personTimes, targets.training, elapsedShare),
    advisorConsultations: measureFigure(services.advisorConsultations, targets.advisorConsultations, elapsedShare),
    escortServices: measureFigure(services.escortServices, targets.escortServices, elapsedShare),
    counselingSessions: measureFigure(services.counselingSessions, targets.counselingSessions, elapsedShare),
  };
}

/**
 * Confirmed hours (decided by the organizer: confirmed, corrected, a correction approved) of these
 * records, per 街道: each record's ledger folded by its one rule. The ledgers come in one read of the
 * log (FerretDB pushes no `$in` down, so any look-up of some records' entries reads the whole log).
 */
async function confirmedHours(deps: DashboardRowDeps, records: HoursRecordPlace[]): Promise<Map<string, number>> {
  const logs = await deps.attendance.logsOf(records.map((r) => r._id));
  const hours = new Map<string, number>();
  for (const record of records) {
    const state = foldLedger(record.computedHours, logs.get(record._id) ?? []);
    hours.set(record.streetId, (hours.get(record.streetId) ?? 0) + (countsInTotals(state.status) ? state.hours : 0));
  }
  return hours;
}

/** Distinct volunteers with one of these hours records: in all, and per 街道 of the activity. */
function activeVolunteers(records: HoursRecordPlace[]): { total: number; streets: Map<string, number> } {
  const streets = new Map<string, Set<string>>();
  for (const record of records) bucket(streets, record.streetId, () => new Set<string>()).add(record.userId);
  return { total: new Set(records.map((r) => r.userId)).size, streets: new Map([...streets].map(([id, users]) => [id, users.size])) };
}

const within = (at: Date, window: { from: Date; to: Date }) => at >= window.from && at < window.to;

/** Per activity of the period: its places (from its roles) and how many hold one (the engine's count). */
export async function activityFills(deps: DashboardRowDeps, from: Date, to: Date, streetId: string | null) {
  const activities = await deps.dashboard.activitiesBetween(from, to, streetId);
  const placed = await deps.dashboard.placedCountsOf(activities.map((a) => a._id));
  return activities.map((a) => ({ activityId: a._id, title: a.title, streetId: a.streetId, communityId: a.communityId, startsAt: a.startsAt, capacity: a.capacity, signedUp: placed.get(a._id) ?? 0 }));
}

/**
 * The dashboard's rows for a period and a scope (one 街道, or null for the district): per 街道 and its
 * 社区 every measure against the year's targets, the volunteers and the activities. The scope is the
 * caller's to decide (streetScopeOf); exports reuse these numbers. `elapsedShare` is null for a period
 * shorter than a year (no forecast).
 */
export type ActivityFill = Awaited<ReturnType<typeof activityFills>>[number];

export async function dashboardRows(
  deps: DashboardRowDeps,
  period: DashboardPeriod,
  streetId: string | null,
  active: { from: Date; to: Date },
  elapsedShare: number | null,
  now?: Date,
  /** The period's activity fills when the caller has them already (activityFills of the same period and scope). */
  periodFills?: Promise<ActivityFill[]>,
) {
  const trainingWindow = period.wholeYear ? undefined : { from: period.from, to: period.to };
  // One read of the hours records for the period and the active window together.
  const hoursWindow = { from: new Date(Math.min(period.from.getTime(), active.from.getTime())), to: new Date(Math.max(period.to.getTime(), active.to.getTime())) };
  const records = deps.dashboard.hoursRecordsBetween(hoursWindow.from, hoursWindow.to, streetId);
  const [allStreets, communities, training, trainingTargets, serviceTargets, services, registered, activeCounts, hours, fills] = await Promise.all([
    deps.district.listStreets(),
    deps.district.listCommunities(),
    deps.training.countsOf(period.year, streetId, trainingWindow),
    deps.training.targetsOf(period.year),
    deps.dashboard.serviceTargetsOf(period.year),
    deps.bookings.serviceCountsByPlace({ from: period.from, to: period.to, status: 'completed', ...(streetId ? { streetId } : {}), now }),
    deps.dashboard.registeredVolunteers(streetId),
    records.then((all) => activeVolunteers(all.filter((r) => within(r.startsAt, active)))),
    records.then((all) => confirmedHours(deps, all.filter((r) => within(r.startsAt, period)))),
    periodFills ?? activityFills(deps, period.from, period.to, streetId),
  ]);
  const targetsOf = (streetOrNull: string | null): Record<DashboardMeasure, number | null> => {
    const pick = (doc: { districtTotal: number; streets: { streetId: string; target: number }[] } | null | undefined) =>
      !doc ? null : streetOrNull === null ? doc.districtTotal : (doc.streets.find((s) => s.streetId === streetOrNull)?.target ?? null);
    const service = Object.fromEntries(serviceTargetMeasures.map((m) => [m, pick(serviceTargets.find((t) => t.measure === m))]));
    return { training: pick(trainingTargets), ...service } as Record<DashboardMeasure, number | null>;
  };

  const servicesBy = { district: zeroServices(), streets: new Map<string, ServiceTotals>(), communities: new Map<string, ServiceTotals>() };
  for (const row of services) {
    addService(servicesBy.district, row);
    if (row.streetId) addService(bucket(servicesBy.streets, row.streetId, zeroServices), row);
    if (row.communityId) addService(bucket(servicesBy.communities, row.communityId, zeroServices), row);
  }
  const registeredBy = { district: 0, streets: new Map<string, number>(), communities: new Map<string, number>() };
  for (const row of registered) {
    registeredBy.district += row.n;
    registeredBy.streets.set(row.streetId, (registeredBy.streets.get(row.streetId) ?? 0) + row.n);
    registeredBy.communities.set(row.communityId, (registeredBy.communities.get(row.communityId) ?? 0) + row.n);
  }
  const activitiesBy = { district: zeroActivities(), streets: new Map<string, ActivityTotals>(), communities: new Map<string, ActivityTotals>() };
  for (const fill of fills) {
    addActivity(activitiesBy.district, fill.capacity, fill.signedUp);
    addActivity(bucket(activitiesBy.streets, fill.streetId, zeroActivities), fill.capacity, fill.signedUp);
    addActivity(bucket(activitiesBy.communities, fill.communityId, zeroActivities), fill.capacity, fill.signedUp);
  }

  const streets = allStreets
    .filter((s) => streetId === null || s._id === streetId)
    .map((s) => {
      const trained = training.streets.get(s._id) ?? zeroTraining();
      const given = servicesBy.streets.get(s._id) ?? zeroServices();
      const measures = figures(trained, given, targetsOf(s._id), elapsedShare);
      return {
        streetId: s._id,
        name: s.name,
        ...trained,
        ...given,
        // The training figure's fields at the top, as before the other measures had targets.
        target: measures.training.target,
        share: measures.training.share,
        forecast: measures.training.forecast,
        measures,
        volunteers: { registered: registeredBy.streets.get(s._id) ?? 0, active: activeCounts.streets.get(s._id) ?? 0, hours: hours.get(s._id) ?? 0 },
        activities: withFill(activitiesBy.streets.get(s._id) ?? zeroActivities()),
        communities: communities
          .filter((c) => c.streetId === s._id)
          .map((c) => {
            const count = training.communities.get(c._id);
            return {
              communityId: c._id,
              name: c.name,
              personTimes: count?.personTimes ?? 0,
              persons: count?.persons ?? 0,
              ...(servicesBy.communities.get(c._id) ?? zeroServices()),
              volunteers: { registered: registeredBy.communities.get(c._id) ?? 0 },
              activities: withFill(activitiesBy.communities.get(c._id) ?? zeroActivities()),
            };
          }),
      };
    });
  const districtMeasures = figures(training.district, servicesBy.district, targetsOf(null), elapsedShare);
  const hoursTotal = [...hours.values()].reduce((sum, h) => sum + h, 0);
  // Staff see their 街道 only; the district line is the bureau's.
  const district =
    streetId === null
      ? {
          ...training.district,
          ...servicesBy.district,
          target: districtMeasures.training.target,
          share: districtMeasures.training.share,
          measures: districtMeasures,
          volunteers: { registered: registeredBy.district, active: activeCounts.total, hours: hoursTotal },
          activities: withFill(activitiesBy.district),
        }
      : null;
  return { district, streets };
}
