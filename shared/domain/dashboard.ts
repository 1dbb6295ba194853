import { dayjs, DISTRICT_TZ } from './time';

/**
 * The dashboard's arithmetic: how much of a year has gone, where the count is heading, and the pace
 * line a target asks for. Pure, so the numbers staff read are the ones tested.
 */

/** Share of the year `year` gone by `now` in the district (0 before it starts, 1 after it ends), by days. */
export function yearElapsedShare(year: number, now: Date): number {
  const start = dayjs.tz(`${year}-01-01 00:00`, DISTRICT_TZ);
  const end = start.add(1, 'year');
  const at = dayjs(now);
  if (!at.isAfter(start)) return 0;
  if (!at.isBefore(end)) return 1;
  return at.diff(start, 'millisecond') / end.diff(start, 'millisecond');
}

/**
 * Where a yearly count ends at the pace so far: the count divided by the share of the year gone.
 * A year not begun has no forecast; one that has ended is its count.
 */
export function yearEndForecast(count: number, elapsedShare: number): number | null {
  if (elapsedShare <= 0) return null;
  return Math.round(count / Math.min(1, elapsedShare));
}

/** The [from, to) instants of each month of a year in the district, January first. */
export function monthsOf(year: number): { month: string; from: Date; to: Date }[] {
  return Array.from({ length: 12 }, (_, index) => {
    const from = dayjs.tz(`${year}-${String(index + 1).padStart(2, '0')}-01 00:00`, DISTRICT_TZ);
    return { month: from.format('YYYY-MM'), from: from.toDate(), to: from.add(1, 'month').toDate() };
  });
}

/**
 * The pace line of a year: per month, the count so far (cumulative, only for months begun by `now`)
 * beside what an even pace to the target would have reached by that month's end.
 */
export function paceLine(year: number, monthly: number[], target: number | null, now: Date): { month: string; actual: number | null; pace: number | null }[] {
  let total = 0;
  return monthsOf(year).map(({ month, from, to }, index) => {
    total += monthly[index] ?? 0;
    const begun = from.getTime() <= now.getTime();
    return { month, actual: begun ? total : null, pace: target === null ? null : Math.round(target * yearElapsedShare(year, new Date(to.getTime() - 1))) };
  });
}
