import { openingHoursIssues, sortOpeningHours, weekdayNames, weekdayOrder, type OpeningPeriod } from '../../../../shared/domain/station-hours';
import { parseWallTime } from '../../../../shared/domain/time';

/**
 * A station's week as a person fills it in: for each day, open or not, when the door opens and
 * closes, and whether it closes for lunch (then from when to when). Stored as at most two periods
 * a day (station-hours.ts); this is the translation both ways.
 */
export type DayHours = { weekday: number; open: boolean; opens: string; closes: string; lunch: boolean; lunchFrom: string; lunchTo: string };

const closedDay = (weekday: number): DayHours => ({ weekday, open: false, opens: '08:30', closes: '17:00', lunch: true, lunchFrom: '11:30', lunchTo: '14:00' });

/** The form's seven rows, Monday first, from stored periods (a new station: weekdays open 08:30–17:00 with lunch). */
export function daysFromPeriods(periods: readonly OpeningPeriod[] | null): DayHours[] {
  return weekdayOrder.map((weekday) => {
    if (periods === null) return { ...closedDay(weekday), open: weekday >= 1 && weekday <= 5 };
    const own = sortOpeningHours(periods.filter((p) => p.weekday === weekday));
    const [first, second] = own;
    if (!first) return closedDay(weekday);
    if (!second) return { ...closedDay(weekday), open: true, opens: first.start, closes: first.end, lunch: false };
    return { weekday, open: true, opens: first.start, closes: second.end, lunch: true, lunchFrom: first.end, lunchTo: second.start };
  });
}

export function periodsFromDays(days: readonly DayHours[]): OpeningPeriod[] {
  return days.flatMap((day): OpeningPeriod[] => {
    if (!day.open) return [];
    if (!day.lunch) return [{ weekday: day.weekday, start: day.opens, end: day.closes }];
    return [
      { weekday: day.weekday, start: day.opens, end: day.lunchFrom },
      { weekday: day.weekday, start: day.lunchTo, end: day.closes },
    ];
  });
}

/** Monday's times copied to Tuesday–Friday (open), the usual week of a 社区 station. */
export function copyMondayToWeekdays(days: readonly DayHours[]): DayHours[] {
  const monday = days.find((d) => d.weekday === 1)!;
  return days.map((day) => (day.weekday >= 2 && day.weekday <= 5 ? { ...monday, weekday: day.weekday, open: true } : day));
}

/** What is wrong with one day as typed, in words for the person at the form; null when it is fine. */
export function dayProblem(day: DayHours): string | null {
  if (!day.open) return null;
  const times = day.lunch ? [day.opens, day.lunchFrom, day.lunchTo, day.closes] : [day.opens, day.closes];
  if (times.some((t) => parseWallTime(t) === null)) return `${weekdayNames[day.weekday]}：时间请写成 08:30 这样`;
  const minutes = times.map((t) => parseWallTime(t)!);
  if (minutes.some((m, i) => i > 0 && m <= minutes[i - 1]!)) {
    return day.lunch ? `${weekdayNames[day.weekday]}：要按 开门 < 午休开始 < 午休结束 < 关门 填写` : `${weekdayNames[day.weekday]}：关门要晚于开门`;
  }
  return null;
}

/** Every problem of the week (each day's, then the week's own, e.g. no day open). */
export function weekProblems(days: readonly DayHours[]): string[] {
  const perDay = days.map(dayProblem).filter((p): p is string => p !== null);
  if (perDay.length > 0) return perDay;
  return openingHoursIssues(periodsFromDays(days)).map((issue) => issue.message);
}
