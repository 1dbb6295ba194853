import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// Plugins are loaded here once so every module shares the same configured instance; importing
// `dayjs` from anywhere else would silently lack `.tz()` and fall back to the process zone.
dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/**
 * Every wall-clock rule (opening hours, "which day", daily quotas) is in the district's zone.
 * Servers and CI run in UTC, so nothing may rely on the process zone.
 */
export const DISTRICT_TZ = 'Asia/Shanghai';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** 'HH:mm' from 00:00 to 23:59; shared with the schemas so both accept the same strings. */
export const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight for 'HH:mm', or null when the text is not a valid wall time. */
export function parseWallTime(value: string): number | null {
  const match = WALL_TIME_PATTERN.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2025-02-30, which a regex accepts). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The district calendar date ('YYYY-MM-DD') an instant falls on. */
export function districtDateOf(instant: Date): string {
  return dayjs(instant).tz(DISTRICT_TZ).format('YYYY-MM-DD');
}

/** The instant of district midnight starting a calendar date. */
export function districtDayStart(date: string): Date {
  return dayjs.tz(date, DISTRICT_TZ).toDate();
}

/** Day of week (0 = Sunday) of a calendar date; the zone does not matter for a bare date. */
export function weekdayOfDate(date: string): number {
  return dayjs.utc(date).day();
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}
