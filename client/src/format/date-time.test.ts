import { formatDateTime } from './date-time';

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
