import { describeOpeningHours } from '../../../../shared/domain/station-hours';
import { copyMondayToWeekdays, dayProblem, daysFromPeriods, periodsFromDays, weekProblems } from './opening-hours-form';

describe('the opening hours form', () => {
  it('reads stored periods into day rows and writes them back unchanged', () => {
    const stored = [
      { weekday: 1, start: '08:30', end: '11:30' },
      { weekday: 1, start: '14:00', end: '17:00' },
      { weekday: 6, start: '09:00', end: '12:00' },
    ];
    const days = daysFromPeriods(stored);
    expect(days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(days[0]).toEqual({ weekday: 1, open: true, opens: '08:30', closes: '17:00', lunch: true, lunchFrom: '11:30', lunchTo: '14:00' });
    expect(days[5]).toMatchObject({ weekday: 6, open: true, opens: '09:00', closes: '12:00', lunch: false });
    expect(days[1]!.open).toBe(false);
    expect(periodsFromDays(days)).toEqual(stored);
  });

  it('starts a new station open on weekdays and copies Monday to the other weekdays', () => {
    const fresh = daysFromPeriods(null);
    expect(fresh.filter((d) => d.open).map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
    const changed = fresh.map((d) => (d.weekday === 1 ? { ...d, opens: '09:00', lunch: false } : d.weekday === 3 ? { ...d, open: false } : d));
    expect(describeOpeningHours(periodsFromDays(copyMondayToWeekdays(changed)))).toBe('周一至周五 09:00-17:00');
  });

  it('says what is wrong in words: a time typed badly, times out of order, no day open', () => {
    const monday = daysFromPeriods(null)[0]!;
    expect(dayProblem({ ...monday, opens: '8点' })).toBe('周一：时间请写成 08:30 这样');
    expect(dayProblem({ ...monday, lunchFrom: '15:00' })).toBe('周一：要按 开门 < 午休开始 < 午休结束 < 关门 填写');
    expect(dayProblem({ ...monday, lunch: false, closes: '08:00' })).toBe('周一：关门要晚于开门');
    expect(dayProblem({ ...monday, open: false, opens: 'x' })).toBeNull();
    expect(weekProblems(daysFromPeriods([]))).toEqual(['请至少填一天的开放时间']);
    expect(weekProblems(daysFromPeriods(null))).toEqual([]);
  });
});
