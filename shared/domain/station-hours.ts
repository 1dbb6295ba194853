import { overlappingIndexes } from './availability';
import { parseWallTime } from './time';

/**
 * A 养老顾问站点's opening hours: what the door says, in weekday rows with a start and an end
 * (0 = Sunday, as everywhere else). Up to two periods a day (morning and afternoon around lunch).
 * Bookable times come from each advisor's own weekly rules; these are for people who walk in.
 */
export type OpeningPeriod = { weekday: number; start: string; end: string };

export const OPENING_PERIODS_PER_DAY = 2;

/** Monday first, as a Chinese week is read. */
export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0] as const;
export const weekdayNames: Record<number, string> = { 0: '周日', 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六' };

export const openingHoursMessages = {
  endAfterStart: '结束时间要晚于开始时间',
  overlap: '同一天的两段时间不能重叠',
  tooMany: `每天最多 ${OPENING_PERIODS_PER_DAY} 段`,
  none: '请至少填一天的开放时间',
} as const;

/** Problems with a week of periods, as paths into the list (the schema and the form both show them). */
export function openingHoursIssues(periods: readonly OpeningPeriod[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (periods.length === 0) issues.push({ path: [], message: openingHoursMessages.none });
  const perDay = new Map<number, number>();
  periods.forEach((period, index) => {
    const start = parseWallTime(period.start);
    const end = parseWallTime(period.end);
    if (start !== null && end !== null && end <= start) issues.push({ path: [index, 'end'], message: openingHoursMessages.endAfterStart });
    const count = (perDay.get(period.weekday) ?? 0) + 1;
    perDay.set(period.weekday, count);
    if (count > OPENING_PERIODS_PER_DAY) issues.push({ path: [index, 'weekday'], message: openingHoursMessages.tooMany });
  });
  for (const index of overlappingIndexes(periods.map((p) => ({ group: p.weekday, start: p.start, end: p.end })))) {
    issues.push({ path: [index, 'start'], message: openingHoursMessages.overlap });
  }
  return issues;
}

/** The periods sorted Monday first, then by start: how they are stored and shown. */
export function sortOpeningHours(periods: readonly OpeningPeriod[]): OpeningPeriod[] {
  const rank = (weekday: number) => weekdayOrder.indexOf(weekday as (typeof weekdayOrder)[number]);
  return [...periods].sort((a, b) => rank(a.weekday) - rank(b.weekday) || a.start.localeCompare(b.start));
}

/**
 * One line a resident reads, e.g. 「周一至周五 09:00-11:30、14:00-17:00；周六 09:00-12:00」: days with
 * the same periods that follow each other are joined. Stored beside the rows as the station's `hours`,
 * so every page that showed the free text before shows this.
 */
export function describeOpeningHours(periods: readonly OpeningPeriod[]): string {
  const byDay = new Map<number, string>();
  for (const period of sortOpeningHours(periods)) {
    const times = `${period.start}-${period.end}`;
    byDay.set(period.weekday, byDay.has(period.weekday) ? `${byDay.get(period.weekday)}、${times}` : times);
  }
  const runs: { first: number; last: number; times: string }[] = [];
  weekdayOrder.forEach((weekday) => {
    const times = byDay.get(weekday);
    const previous = runs[runs.length - 1];
    const follows = previous && weekdayOrder.indexOf(previous.last as (typeof weekdayOrder)[number]) === weekdayOrder.indexOf(weekday) - 1;
    if (times === undefined) return;
    if (previous && follows && previous.times === times) previous.last = weekday;
    else runs.push({ first: weekday, last: weekday, times });
  });
  return runs
    .map(({ first, last, times }) => {
      const span = last - first === 1 || (first === 6 && last === 0) ? `${weekdayNames[first]}、${weekdayNames[last]}` : `${weekdayNames[first]}至${weekdayNames[last]}`;
      return `${first === last ? weekdayNames[first] : span} ${times}`;
    })
    .join('；');
}
