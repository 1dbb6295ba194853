import { countsInTotals, type HoursStatus } from '../../../../shared/domain/volunteer/attendance-hours';
import { districtDateKey } from '../../format/date-time';
import { isCalendarDate } from '../../../../shared/domain/time';

export type PeriodChoice = 'thisYear' | 'lastYear' | 'custom';
export type Period = { from: string; to: string };

export const periodChoices: { value: PeriodChoice; label: string }[] = [
  { value: 'thisYear', label: '今年' },
  { value: 'lastYear', label: '去年' },
  { value: 'custom', label: '自定义' },
];

/**
 * The dates a choice covers, in the district's calendar: this year up to today, last year whole,
 * or the dates typed; for a custom period that is not valid yet, which field is wrong and why.
 */
export function periodOf(choice: PeriodChoice, todayKey: string, custom: Period): { period: Period } | { field: 'from' | 'to'; message: string } {
  const year = Number(todayKey.slice(0, 4));
  if (choice === 'thisYear') return { period: { from: `${year}-01-01`, to: todayKey } };
  if (choice === 'lastYear') return { period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } };
  const from = custom.from.trim();
  const to = custom.to.trim();
  if (!isCalendarDate(from)) return { field: 'from', message: '请按 2026-01-01 的样子填写开始日期' };
  if (!isCalendarDate(to)) return { field: 'to', message: '请按 2026-12-31 的样子填写结束日期' };
  if (to < from) return { field: 'to', message: '结束日期不能早于开始日期' };
  return { period: { from, to } };
}

/** What a certificate of the period would cover: decided hours only (the server's rule), pending ones apart. */
export function hoursInPeriod(items: readonly { startsAt: string; hours: number; status: HoursStatus }[], period: Period) {
  const inPeriod = items.filter((item) => {
    const day = districtDateKey(item.startsAt);
    return day >= period.from && day <= period.to;
  });
  const decided = inPeriod.filter((item) => countsInTotals(item.status) && item.hours > 0);
  const pending = inPeriod.filter((item) => !countsInTotals(item.status));
  return {
    activities: decided.length,
    hours: decided.reduce((sum, item) => sum + item.hours, 0),
    pendingHours: pending.reduce((sum, item) => sum + item.hours, 0),
  };
}

/** 2 → '2', 1.5 → '1.5': hours are kept to the half hour. */
export function hoursText(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
