import { DEFAULT_HOURS_RULE, hoursRuleText } from './attendance-hours';
import { addDays, dayjs, DISTRICT_TZ, districtDateOf, MINUTE_MS } from '../time';
import type { VolunteerSkill } from './registration-codes';

/** What an activity is; the codes are stored, the labels shown. */
export const activityKinds = {
  tech_class: '智能技术培训课',
  festival_visit: '节日探访',
  spring_gala: '老年春晚',
  escort_shift: '陪诊值班',
  other: '其他',
} as const;
export type ActivityKind = keyof typeof activityKinds;
export const activityKindCodes = Object.keys(activityKinds) as [ActivityKind, ...ActivityKind[]];

/** How long a waiting volunteer has to confirm a freed place, unless the start comes sooner. */
export const OFFER_WINDOW_MS = 12 * 60 * MINUTE_MS;
/** No offer runs later than this before the start: the organizer must know who comes. */
export const OFFER_CLOSES_BEFORE_START_MS = 2 * 60 * MINUTE_MS;

/**
 * When an offer made now must be confirmed by: 12 h on, never later than 2 h before the start.
 * Null when that moment has passed already: too late to offer, the place stays free.
 */
export function offerDeadline(now: Date, startsAt: Date): Date | null {
  const latest = startsAt.getTime() - OFFER_CLOSES_BEFORE_START_MS;
  const deadline = Math.min(now.getTime() + OFFER_WINDOW_MS, latest);
  return deadline > now.getTime() ? new Date(deadline) : null;
}

/** A role fits a volunteer who has one of the skills it asks for; a role asking none fits anyone. */
export function skillsFit(required: readonly VolunteerSkill[], held: readonly VolunteerSkill[]): boolean {
  return required.length === 0 || required.some((skill) => held.includes(skill));
}

/** Whether sign-up is open now: inside the window, and before the start in any case. */
export function signUpOpen(window: { signUpOpensAt: Date; signUpClosesAt: Date; startsAt: Date }, now: Date): boolean {
  return now >= window.signUpOpensAt && now < window.signUpClosesAt && now < window.startsAt;
}

/** A place may be given up until the cut-off; after it the organizer must be called. */
export function mayWithdraw(withdrawCutoffAt: Date, now: Date): boolean {
  return now < withdrawCutoffAt;
}

/** How hours are counted, shown before sign-up (the hours ledger applies this rule). */
export const HOURS_RULE_TEXT = hoursRuleText(DEFAULT_HOURS_RULE);

/**
 * The dates of a weekly series: every `weekday` (0 = Sunday) from `firstDate` to `lastDate`, both
 * in the district's calendar. Bounded by the caller's schema (at most a year of weeks).
 */
export function weeklyDates(firstDate: string, lastDate: string, weekday: number): string[] {
  const dates: string[] = [];
  let date = firstDate;
  while (dayjs.utc(date).day() !== weekday) date = addDays(date, 1);
  for (; date <= lastDate; date = addDays(date, 7)) dates.push(date);
  return dates;
}

/** The instant of a district wall time ('HH:mm') on a calendar date. */
export function districtInstantOf(date: string, wallTime: string): Date {
  return dayjs.tz(`${date} ${wallTime}`, 'YYYY-MM-DD HH:mm', DISTRICT_TZ).toDate();
}

/** A series session's times, offsets and all, moved to another date: the same wall times. */
export function shiftToDate(instant: Date, fromDate: string, toDate: string): Date {
  const wall = dayjs(instant).tz(DISTRICT_TZ);
  const days = dayjs.utc(toDate).diff(dayjs.utc(fromDate), 'day');
  return dayjs.tz(wall.format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm', DISTRICT_TZ).add(days, 'day').toDate();
}

export { districtDateOf };
