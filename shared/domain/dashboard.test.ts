import { monthsOf, paceLine, yearElapsedShare, yearEndForecast } from './dashboard';

const shanghai = (text: string) => new Date(`${text}+08:00`);

describe('dashboard arithmetic', () => {
  it('measures the share of the year gone in the district’s days', () => {
    expect(yearElapsedShare(2026, shanghai('2025-12-31T23:59:00'))).toBe(0);
    expect(yearElapsedShare(2026, shanghai('2026-01-01T00:00:00'))).toBe(0);
    expect(yearElapsedShare(2026, shanghai('2027-01-01T00:00:00'))).toBe(1);
    expect(yearElapsedShare(2026, shanghai('2026-07-02T12:00:00'))).toBeCloseTo(0.5, 3);
  });

  it('forecasts the year end from the pace so far', () => {
    expect(yearEndForecast(5_500, 11 / 12)).toBe(6_000);
    expect(yearEndForecast(7_100, 1)).toBe(7_100);
    expect(yearEndForecast(0, 0)).toBeNull();
  });

  it('gives twelve district months and a cumulative line beside an even pace to the target', () => {
    const months = monthsOf(2026);
    expect(months).toHaveLength(12);
    expect(months[0]!.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(months[11]!.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const line = paceLine(2026, [100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50], 1200, shanghai('2026-02-10T00:00:00'));
    expect(line.slice(0, 3).map((p) => p.actual)).toEqual([100, 300, null]);
    expect(line[11]).toEqual({ month: '2026-12', actual: null, pace: 1200 });
    expect(line[5]!.pace).toBeCloseTo(595, -1);
    expect(paceLine(2026, [], null, shanghai('2026-02-10T00:00:00'))[0]!.pace).toBeNull();
  });
});
