import {
  DISTRICT_TZ,
  addDays,
  dayjs,
  districtDateOf,
  districtDayStart,
  isCalendarDate,
  parseWallTime,
  weekdayOfDate,
} from './time';

describe('time', () => {
  it('has the tz plugin loaded on the shared instance', () => {
    expect(DISTRICT_TZ).toBe('Asia/Shanghai');
    expect(dayjs(new Date('2025-09-22T16:30:00Z')).tz(DISTRICT_TZ).format('YYYY-MM-DD HH:mm')).toBe('2025-09-23 00:30');
  });

  it('starts a district day at 16:00 UTC the day before', () => {
    expect(districtDayStart('2025-09-22').toISOString()).toBe('2025-09-21T16:00:00.000Z');
    expect(districtDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('dates an instant by the district calendar', () => {
    expect(districtDateOf(new Date('2025-09-21T15:59:59.999Z'))).toBe('2025-09-21');
    expect(districtDateOf(new Date('2025-09-21T16:00:00Z'))).toBe('2025-09-22');
  });

  it('parses wall times to minutes and rejects anything else', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('09:30')).toBe(570);
    expect(parseWallTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:30', '09:60', '09:30:00', '']) expect(parseWallTime(bad)).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2025-09-22')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-04-31', '2025-00-10', '2025-9-22', '']) expect(isCalendarDate(bad)).toBe(false);
  });

  it('gives weekdays with 0 = Sunday and steps dates across month ends', () => {
    expect(weekdayOfDate('2025-09-22')).toBe(1);
    expect(weekdayOfDate('2025-09-28')).toBe(0);
    expect(addDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
