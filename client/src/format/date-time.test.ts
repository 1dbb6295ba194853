import { addDaysToKey, districtDateKey, districtInstant, formatDateTime, formatRange, relativeDayName } from './date-time';

describe('formatDateTime', () => {
  it.each([
    ['2025-11-30T01:00:00.000Z', '11月30日 周日 上午 9:00'],
    ['2025-11-30T04:30:00.000Z', '11月30日 周日 中午 12:30'],
    ['2025-11-30T06:05:00.000Z', '11月30日 周日 下午 2:05'],
    ['2025-11-30T11:00:00.000Z', '11月30日 周日 晚上 7:00'],
    // 23:30 UTC is already the next day in Shanghai.
    ['2025-11-30T16:30:00.000Z', '12月1日 周一 凌晨 0:30'],
  ])('shows %s as %s in Shanghai time', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
  });

  it('shows nothing for a value that is not a time', () => {
    expect(formatDateTime('not a time')).toBe('');
  });
});

describe('calendar helpers (Asia/Shanghai)', () => {
  it('names the district date of an instant, which is a day later than UTC after 16:00Z', () => {
    expect(districtDateKey('2026-11-30T15:59:00.000Z')).toBe('2026-11-30');
    expect(districtDateKey('2026-11-30T16:00:00.000Z')).toBe('2026-12-01');
  });

  it('turns a district wall time into the instant', () => {
    expect(districtInstant('2026-12-01', '09:00')).toBe('2026-12-01T01:00:00.000Z');
    expect(addDaysToKey('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('writes a range with the period once, or twice when it changes', () => {
    expect(formatRange('2026-12-01T01:00:00.000Z', '2026-12-01T01:30:00.000Z')).toBe('12月1日 周二 上午 9:00 – 9:30');
    expect(formatRange('2026-12-01T01:00:00.000Z', '2026-12-01T05:00:00.000Z')).toBe('12月1日 周二 上午 9:00 – 下午 1:00');
  });

  it('calls days near today by name', () => {
    expect(relativeDayName('2026-12-01', '2026-11-30')).toBe('明天');
    expect(relativeDayName('2026-12-05', '2026-11-30')).toBe('');
  });
});
