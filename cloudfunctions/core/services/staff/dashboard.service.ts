import { AppError } from '../../../../shared/errors';
import { monthsOf, paceLine, yearElapsedShare } from '../../../../shared/domain/dashboard';
import {
  activeVolunteerWindow,
  dashboardMeasures,
  periodOf,
  SHORT_OF_VOLUNTEERS_DAYS,
  shortOfVolunteers,
  type DashboardMeasure,
  type DashboardPeriod,
} from '../../../../shared/domain/dashboard-measures';
import { streetScopeOf } from '../../../../shared/domain/permissions';
import { DAY_MS, districtDateOf } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import { activityFills, dashboardRows, type ActivityFill, type DashboardRowDeps } from './dashboard-rows';

type Deps = DashboardRowDeps & { clock: Clock };

export type DashboardInput = { year?: number; from?: string; to?: string; streetId?: string };

const serviceOfMeasure = { advisorConsultations: 'advisor', escortServices: 'escort', counselingSessions: 'counseling' } as const;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/**
 * The district dashboard for a year or a period, by 街道 and then 社区: every measure with a yearly
 * target (training person-times 人次 with persons 人数, advisor consultations, escorts with those for
 * hardship groups and free, counseling sessions as counts only) with the share done, a pace line and
 * a year-end forecast; the volunteers (registered, active in the last 90 days, confirmed hours); the
 * activities and how full they were; those short of volunteers in the next 7 days. Every count is
 * the engine's; staff see their 街道.
 */
export class DashboardService {
  constructor(private readonly deps: Deps) {}

  /** The period an input names: `from`–`to`, else the year (this year when absent). */
  periodFor(input: DashboardInput): DashboardPeriod {
    const year = input.year ?? Number(districtDateOf(this.deps.clock.now()).slice(0, 4));
    const period = input.from && input.to ? periodOf({ from: input.from, to: input.to }) : periodOf({ year });
    if ('error' in period) throw invalid(period.path, period.error);
    return period;
  }

  /**
   * The per-街道 rows (with their 社区) of a period for a scope decided by the caller's service
   * (`streetId` null: the district). Exports call this with the same period and scope.
   */
  streetRows(period: DashboardPeriod, streetId: string | null, periodFills?: Promise<ActivityFill[]>) {
    const now = this.deps.clock.now();
    return dashboardRows(this.deps, period, streetId, activeVolunteerWindow(now), period.wholeYear ? yearElapsedShare(period.year, now) : null, now, periodFills);
  }

  async overview(caller: Caller, input: DashboardInput) {
    const now = this.deps.clock.now();
    const scope = streetScopeOf(caller, input.streetId);
    if (scope.kind === 'none') throw new AppError('FORBIDDEN');
    const streetId = scope.kind === 'street' ? scope.streetId : null;
    if (streetId && !(await this.deps.district.findStreet(streetId))) throw invalid('streetId', '没有这个街道');
    const period = this.periodFor(input);
    const months = monthsOf(period.year);
    const soon = { from: now, to: new Date(now.getTime() + SHORT_OF_VOLUNTEERS_DAYS * DAY_MS) };
    const periodFills = activityFills(this.deps, period.from, period.to, streetId);
    // The next days' activities are the period's when the period holds those days: one read of the
    // activities (each a full scan on the local engine), not two.
    const soonFills =
      soon.from >= period.from && soon.to <= period.to
        ? periodFills.then((fills) => fills.filter((fill) => fill.startsAt >= soon.from && fill.startsAt < soon.to))
        : activityFills(this.deps, soon.from, soon.to, streetId);
    const [rows, trainingMonthly, serviceMonthly, upcoming, streets] = await Promise.all([
      this.streetRows(period, streetId, periodFills),
      this.deps.training.personTimesByMonth(period.year, streetId),
      Promise.all(months.map((m) => this.deps.bookings.completedByService({ from: m.from, to: m.to, streetId, now }))),
      soonFills,
      this.deps.district.listStreets(),
    ]);
    const totals = rows.district ?? rows.streets[0]!;
    const monthlyOf = (measure: DashboardMeasure) =>
      measure === 'training' ? trainingMonthly : serviceMonthly.map((counts) => counts.get(serviceOfMeasure[measure]) ?? 0);
    const measures = dashboardMeasures.map((measure) => ({
      measure,
      ...totals.measures[measure],
      // The pace line is always the year's: the targets are yearly.
      pace: paceLine(period.year, monthlyOf(measure), totals.measures[measure].target, now),
    }));
    const streetName = new Map(streets.map((s) => [s._id, s.name]));
    const training = measures[0]!;
    return {
      year: period.year,
      period: { from: period.fromDate, to: period.toDate, wholeYear: period.wholeYear },
      asOf: districtDateOf(now),
      elapsedShare: Math.round(yearElapsedShare(period.year, now) * 1000) / 1000,
      training: { personTimes: training.actual, persons: totals.persons, target: training.target, forecast: training.forecast, pace: training.pace },
      measures,
      volunteers: { ...totals.volunteers, activeSince: districtDateOf(activeVolunteerWindow(now).from) },
      activities: totals.activities,
      shortOfVolunteers: shortOfVolunteers(upcoming).map(({ startsAt, ...item }) => ({ ...item, startsAt: startsAt.toISOString(), streetName: streetName.get(item.streetId) ?? '' })),
      district: rows.district,
      streets: rows.streets,
    };
  }
}
