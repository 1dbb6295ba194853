import {
  findSlot,
  overlappingIndexes,
  validateWeeklyRules,
  type Slot,
  type WeeklyRule,
} from './availability';

const rule = (overrides: Partial<WeeklyRule> = {}): WeeklyRule => ({
  weekday: 1,
  start: '09:00',
  end: '11:00',
  slotMinutes: 30,
  capacity: 1,
  bufferMinutes: 0,
  ...overrides,
});

const slotAt = (iso: string, capacity = 1): Slot => {
  const startsAt = new Date(iso);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), capacity, key: startsAt.toISOString() };
};

const paths = (rules: WeeklyRule[]) => validateWeeklyRules(rules).map((issue) => issue.path);

describe('validateWeeklyRules', () => {
  it('accepts a sensible week, including ranges that only touch', () => {
    expect(
      validateWeeklyRules([rule(), rule({ start: '11:00', end: '12:00' }), rule({ weekday: 2 }), rule({ weekday: 0 })]),
    ).toEqual([]);
  });

  it('reports end not after start at rules.<i>.end', () => {
    expect(validateWeeklyRules([rule(), rule({ weekday: 3, start: '14:00', end: '14:00' })])).toEqual([
      { path: 'rules.1.end', message: '结束时间须晚于开始时间' },
    ]);
    expect(paths([rule({ start: '12:00', end: '11:00' })])).toEqual(['rules.0.end']);
  });

  it('reports the later of two overlapping ranges on one weekday only', () => {
    expect(validateWeeklyRules([rule(), rule({ weekday: 2, start: '10:00' }), rule({ start: '10:30', end: '12:00' })])).toEqual([
      { path: 'rules.2.start', message: '与同一天的另一段时间重叠' },
    ]);
    expect(paths([rule({ start: '08:00', end: '18:00' }), rule({ start: '09:00', end: '10:00' })])).toEqual(['rules.1.start']);
  });

  it.each([
    ['slotMinutes', 4, false],
    ['slotMinutes', 5, true],
    ['slotMinutes', 120, true],
    ['slotMinutes', 481, false],
    ['slotMinutes', 30.5, false],
    ['capacity', 0, false],
    ['capacity', 1, true],
    ['capacity', 50, true],
    ['capacity', 51, false],
    ['bufferMinutes', -1, false],
    ['bufferMinutes', 0, true],
    ['bufferMinutes', 120, true],
    ['bufferMinutes', 121, false],
    ['weekday', -1, false],
    ['weekday', 6, true],
    ['weekday', 7, false],
  ] as const)('%s = %p valid: %p', (field, value, valid) => {
    // A 10-hour range so slot length is the only thing under test.
    const issues = paths([rule({ start: '08:00', end: '18:00', [field]: value })]);
    expect(issues).toEqual(valid ? [] : [`rules.0.${field}`]);
  });

  it('reports malformed times and skips them in the overlap check', () => {
    expect(paths([rule({ start: '9:00' }), rule({ end: '24:00' }), rule({ start: '10:00', end: '10:30' })])).toEqual([
      'rules.0.start',
      'rules.1.end',
    ]);
  });

  it('reports a range too short for one slot', () => {
    expect(validateWeeklyRules([rule({ start: '09:00', end: '09:20', slotMinutes: 30 })])).toEqual([
      { path: 'rules.0.slotMinutes', message: '这段时间放不下一个号' },
    ]);
  });

  it('uses the given path prefix', () => {
    expect(validateWeeklyRules([rule({ capacity: 0 })], 'weekly').map((issue) => issue.path)).toEqual(['weekly.0.capacity']);
  });
});

describe('overlappingIndexes', () => {
  it('compares only within a group', () => {
    expect(
      overlappingIndexes([
        { group: '2025-09-22', start: '09:00', end: '10:00' },
        { group: '2025-09-23', start: '09:00', end: '10:00' },
        { group: '2025-09-22', start: '09:59', end: '10:30' },
      ]),
    ).toEqual([2]);
  });
});

describe('findSlot', () => {
  const slots = [slotAt('2025-09-22T01:00:00Z'), slotAt('2025-09-22T01:30:00Z', 3)];

  it('finds the slot starting at exactly that instant', () => {
    expect(findSlot(slots, new Date('2025-09-22T01:30:00Z'))).toBe(slots[1]);
  });

  it('finds nothing a millisecond off or between slots', () => {
    expect(findSlot(slots, new Date('2025-09-22T01:30:00.001Z'))).toBeUndefined();
    expect(findSlot(slots, new Date('2025-09-22T01:15:00Z'))).toBeUndefined();
    expect(findSlot([], new Date('2025-09-22T01:00:00Z'))).toBeUndefined();
  });
});

