import { describeOpeningHours, openingHoursIssues, openingHoursMessages } from './station-hours';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

describe('a station’s opening hours', () => {
  it('joins days that follow each other with the same periods', () => {
    const periods = [...weekdays('14:00', '17:00'), ...weekdays('09:00', '11:30'), { weekday: 6, start: '09:00', end: '12:00' }];
    expect(describeOpeningHours(periods)).toBe('周一至周五 09:00-11:30、14:00-17:00；周六 09:00-12:00');
  });

  it('names two days side by side and a weekend that ends the week', () => {
    expect(describeOpeningHours([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 2, start: '09:00', end: '12:00' }])).toBe('周一、周二 09:00-12:00');
    expect(describeOpeningHours([{ weekday: 0, start: '09:00', end: '12:00' }, { weekday: 6, start: '09:00', end: '12:00' }])).toBe('周六、周日 09:00-12:00');
    expect(describeOpeningHours([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 3, start: '09:00', end: '12:00' }])).toBe('周一 09:00-12:00；周三 09:00-12:00');
  });

  it('refuses an end before its start, overlaps in one day, a third period and an empty week', () => {
    expect(openingHoursIssues([{ weekday: 1, start: '12:00', end: '09:00' }])).toEqual([{ path: [0, 'end'], message: openingHoursMessages.endAfterStart }]);
    expect(openingHoursIssues([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '15:00' }])).toEqual([
      { path: [1, 'start'], message: openingHoursMessages.overlap },
    ]);
    const three = ['08:00', '10:00', '12:00'].map((start, i) => ({ weekday: 2, start, end: `${String(9 + 2 * i).padStart(2, '0')}:00` }));
    expect(openingHoursIssues(three)).toEqual([{ path: [2, 'weekday'], message: openingHoursMessages.tooMany }]);
    expect(openingHoursIssues([])).toEqual([{ path: [], message: openingHoursMessages.none }]);
    expect(openingHoursIssues(weekdays('09:00', '17:00'))).toEqual([]);
  });
});
