import { daysLabel, groupRules } from './weekly-rules';

const rule = (weekday: number, start: string, end: string) => ({ weekday, start, end, slotMinutes: 30, capacity: 1, bufferMinutes: 0 });

describe('weekly hours as a person reads them', () => {
  it('folds a Monday-to-Friday week of two ranges into two lines', () => {
    const rules = [1, 2, 3, 4, 5].flatMap((d) => [rule(d, '14:00', '17:00'), rule(d, '09:00', '11:30')]);
    const groups = groupRules(rules);
    expect(groups.map((g) => [daysLabel(g.weekdays), g.range.start, g.range.end, g.indexes.length])).toEqual([
      ['周一至周五', '09:00', '11:30', 5],
      ['周一至周五', '14:00', '17:00', 5],
    ]);
  });

  it('keeps ranges with other terms apart and names days in week order, Sunday last', () => {
    const rules = [rule(0, '09:00', '11:00'), rule(6, '09:00', '11:00'), { ...rule(1, '09:00', '11:00'), capacity: 2 }];
    expect(groupRules(rules).map((g) => daysLabel(g.weekdays))).toEqual(['周一', '周六、周日']);
  });

  it('joins runs of three days or more with 至', () => {
    expect(daysLabel([1, 3, 5])).toBe('周一、周三、周五');
    expect(daysLabel([1, 2, 3, 6])).toBe('周一至周三、周六');
    expect(daysLabel([5, 6, 0])).toBe('周五至周日');
    expect(daysLabel([])).toBe('');
  });
});
