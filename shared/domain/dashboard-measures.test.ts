import { activeVolunteerWindow, fillRate, measureFigure, periodOf, shortOfVolunteers, targetSplitError } from './dashboard-measures';

const shanghai = (text: string) => new Date(`${text}+08:00`);

describe('dashboard measures', () => {
  it('sets a figure against its target: the share done and, for a whole year, the forecast', () => {
    expect(measureFigure(30, 100, 0.5)).toEqual({ actual: 30, target: 100, share: 0.3, forecast: 60 });
    expect(measureFigure(30, null, 0.5)).toEqual({ actual: 30, target: null, share: null, forecast: 60 });
    expect(measureFigure(30, 100, null)).toEqual({ actual: 30, target: 100, share: 0.3, forecast: null });
    expect(measureFigure(5, 0, 0.25).share).toBeNull();
  });

  it('says how full activities were, or nothing when no place was offered', () => {
    expect(fillRate(9, 17)).toBe(0.529);
    expect(fillRate(0, 0)).toBeNull();
    expect(fillRate(3, 3)).toBe(1);
  });

  it('counts a volunteer active for 90 days back from now', () => {
    const now = shanghai('2026-11-30T08:00:00');
    const window = activeVolunteerWindow(now);
    expect(window.to).toEqual(now);
    expect(window.from).toEqual(shanghai('2026-09-01T08:00:00'));
  });

  it('lists activities short of volunteers soonest first with how many are missing', () => {
    const row = (activityId: string, startsAt: string, capacity: number, signedUp: number) => ({ activityId, title: activityId, streetId: 'st', startsAt: shanghai(startsAt), capacity, signedUp });
    const list = shortOfVolunteers([row('late', '2026-12-05T09:00:00', 4, 1), row('full', '2026-12-01T09:00:00', 2, 2), row('soon', '2026-12-01T09:00:00', 3, 0)]);
    expect(list.map((a) => [a.activityId, a.date, a.shortBy])).toEqual([['soon', '2026-12-01', 3], ['late', '2026-12-05', 3]]);
  });

  it('makes a period of a year or of days of one year, in the district’s days', () => {
    expect(periodOf({ year: 2026 })).toMatchObject({ year: 2026, from: shanghai('2026-01-01T00:00:00'), to: shanghai('2027-01-01T00:00:00'), wholeYear: true });
    expect(periodOf({ from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ year: 2026, from: shanghai('2026-11-01T00:00:00'), to: shanghai('2026-12-01T00:00:00'), wholeYear: false });
    expect(periodOf({ from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ wholeYear: true });
    expect(periodOf({ from: '2026-12-01', to: '2027-01-31' })).toEqual({ error: '统计时段不能跨年（指标按年设定）', path: 'to' });
    expect(periodOf({ from: '2026-12-02', to: '2026-12-01' })).toEqual({ error: '开始日期不能晚于结束日期', path: 'to' });
  });

  it('refuses a split of a target whose 街道 do not add up to the district', () => {
    expect(targetSplitError(100, [{ target: 60 }, { target: 40 }])).toBeNull();
    expect(targetSplitError(100, [{ target: 60 }])).toBe('各街道指标之和（60）要等于全区指标（100）');
  });
});
