import { targetShare } from './volunteer/training-rules';
import { addDays, DAY_MS, districtDateOf, districtDayStart } from './time';
import { yearEndForecast } from './dashboard';

/**
 * What the dashboard measures against a yearly target, what the other figures mean (active
 * volunteers, how full activities were, who is short of volunteers) and the period asked for.
 * Pure: the service counts, this decides what the counts say.
 */

/** The measures with a yearly target: training person-times (人次) and the three services given. */
export const dashboardMeasures = ['training', 'advisorConsultations', 'escortServices', 'counselingSessions'] as const;
export type DashboardMeasure = (typeof dashboardMeasures)[number];

/** The measures whose targets the district settings keep (training's are `volunteer.setTrainingTargets`). */
export const serviceTargetMeasures = ['advisorConsultations', 'escortServices', 'counselingSessions'] as const;
export type ServiceTargetMeasure = (typeof serviceTargetMeasures)[number];

export const measureLabels: Record<DashboardMeasure, { name: string; unit: string }> = {
  training: { name: '智能技术培训', unit: '人次' },
  advisorConsultations: { name: '养老顾问咨询', unit: '次' },
  escortServices: { name: '陪诊服务', unit: '次' },
  counselingSessions: { name: '婚姻辅导', unit: '次' },
};

/**
 * A volunteer is active when they served in the 90 days up to now: an hours record (made at
 * check-out, confirmed or not yet) of an activity that started in that window.
 */
export const ACTIVE_VOLUNTEER_DAYS = 90;
export function activeVolunteerWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - ACTIVE_VOLUNTEER_DAYS * DAY_MS), to: now };
}

/** Activities starting within the next 7 days are checked for missing volunteers. */
export const SHORT_OF_VOLUNTEERS_DAYS = 7;

/** A figure against its target: the share done and, for a whole year, where it ends at this pace. */
export type MeasureFigure = { actual: number; target: number | null; share: number | null; forecast: number | null };
export function measureFigure(actual: number, target: number | null, elapsedShare: number | null): MeasureFigure {
  return { actual, target, share: targetShare(actual, target), forecast: elapsedShare === null ? null : yearEndForecast(actual, elapsedShare) };
}

/** Places taken of places offered (0–1, three decimals); null when nothing was offered. */
export function fillRate(signedUp: number, capacity: number): number | null {
  return capacity > 0 ? Math.round((signedUp / capacity) * 1000) / 1000 : null;
}

export type ActivityFill = { activityId: string; title: string; streetId: string; startsAt: Date; capacity: number; signedUp: number };

/** The activities still missing volunteers, soonest first, with how many places are free. */
export function shortOfVolunteers(activities: readonly ActivityFill[]) {
  return activities
    .filter((a) => a.signedUp < a.capacity)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.activityId.localeCompare(b.activityId))
    .map((a) => ({ activityId: a.activityId, title: a.title, streetId: a.streetId, date: districtDateOf(a.startsAt), startsAt: a.startsAt, shortBy: a.capacity - a.signedUp }));
}

/**
 * The period of a dashboard: a whole year, or the days `from`–`to` (both included) of one year.
 * Targets are yearly, so a period never spans two years; only a whole year has a forecast.
 */
export type DashboardPeriod = { year: number; from: Date; to: Date; fromDate: string; toDate: string; wholeYear: boolean };
export function periodOf(input: { year: number } | { from: string; to: string }): DashboardPeriod | { error: string; path: 'to' } {
  if ('year' in input) {
    const fromDate = `${input.year}-01-01`;
    const toDate = `${input.year}-12-31`;
    return { year: input.year, from: districtDayStart(fromDate), to: districtDayStart(addDays(toDate, 1)), fromDate, toDate, wholeYear: true };
  }
  if (input.from > input.to) return { error: '开始日期不能晚于结束日期', path: 'to' };
  if (input.from.slice(0, 4) !== input.to.slice(0, 4)) return { error: '统计时段不能跨年（指标按年设定）', path: 'to' };
  const year = Number(input.from.slice(0, 4));
  const wholeYear = input.from === `${year}-01-01` && input.to === `${year}-12-31`;
  return { year, from: districtDayStart(input.from), to: districtDayStart(addDays(input.to, 1)), fromDate: input.from, toDate: input.to, wholeYear };
}

/** Why a yearly split is refused: each 街道's targets must add up to the district's. Null when it holds. */
export function targetSplitError(districtTotal: number, streets: readonly { target: number }[]): string | null {
  const sum = streets.reduce((total, s) => total + s.target, 0);
  return sum === districtTotal ? null : `各街道指标之和（${sum}）要等于全区指标（${districtTotal}）`;
}
