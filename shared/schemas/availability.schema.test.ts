import {
  dateExceptionSchema,
  dateExceptionsSchema,
  holidayCalendarSchema,
  weeklyRuleSchema,
  weeklyRulesSchema,
} from './availability.schema';

const rule = { weekday: 1, start: '09:00', end: '11:00', slotMinutes: 30, capacity: 2, bufferMinutes: 10 };
const extra = { date: '2025-10-01', kind: 'extra', start: '14:00', end: '16:00', slotMinutes: 60, capacity: 1, bufferMinutes: 0 };

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('weeklyRuleSchema', () => {
  it('parses a valid rule unchanged', () => {
    expect(weeklyRuleSchema.parse(rule)).toEqual(rule);
  });

  it('rejects unknown keys', () => {
    expect(issuePaths(weeklyRuleSchema.safeParse({ ...rule, providerId: 'x' }))).toEqual(['']);
  });

  it.each(['9:00', '24:00', '09:60', '0900', ' 09:00'])('rejects start %p', (start) => {
    expect(issuePaths(weeklyRuleSchema.safeParse({ ...rule, start }))).toEqual(['start']);
  });

  it.each([
    ['slotMinutes', 4],
    ['slotMinutes', 481],
    ['capacity', 0],
    ['capacity', 51],
    ['bufferMinutes', 121],
    ['bufferMinutes', 1.5],
    ['weekday', 7],
  ])('rejects %s = %p', (field, value) => {
    expect(issuePaths(weeklyRuleSchema.safeParse({ ...rule, [field]: value }))).toEqual([field]);
  });

  it('rejects an end not after the start at end', () => {
    const result = weeklyRuleSchema.safeParse({ ...rule, start: '11:00', end: '11:00' });
    expect(issuePaths(result)).toEqual(['end']);
    expect(result.error?.issues[0]?.message).toBe('结束时间须晚于开始时间');
  });
});

describe('weeklyRulesSchema', () => {
  it('rejects overlapping ranges on one weekday at the later one', () => {
    const result = weeklyRulesSchema.safeParse([rule, { ...rule, weekday: 2 }, { ...rule, start: '10:30', end: '12:00' }]);
    expect(issuePaths(result)).toEqual(['2.start']);
  });

  it('accepts touching ranges', () => {
    expect(weeklyRulesSchema.safeParse([rule, { ...rule, start: '11:00', end: '12:00' }]).success).toBe(true);
  });
});

describe('dateExceptionSchema', () => {
  it('parses closed and extra exceptions', () => {
    expect(dateExceptionSchema.parse({ date: '2025-10-01', kind: 'closed' })).toEqual({ date: '2025-10-01', kind: 'closed' });
    expect(dateExceptionSchema.parse(extra)).toEqual(extra);
  });

  it('rejects hours on a closed exception (strict)', () => {
    expect(dateExceptionSchema.safeParse({ date: '2025-10-01', kind: 'closed', start: '09:00' }).success).toBe(false);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-1-01', '20251001', '2025/10/01'])('rejects date %p', (date) => {
    expect(issuePaths(dateExceptionSchema.safeParse({ date, kind: 'closed' }))).toEqual(['date']);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(dateExceptionSchema.safeParse({ date: '2028-02-29', kind: 'closed' }).success).toBe(true);
    expect(dateExceptionSchema.safeParse({ date: '2027-02-29', kind: 'closed' }).success).toBe(false);
  });

  it('rejects an unknown kind and an inverted extra range', () => {
    expect(dateExceptionSchema.safeParse({ date: '2025-10-01', kind: 'open' }).success).toBe(false);
    expect(issuePaths(dateExceptionSchema.safeParse({ ...extra, end: '13:00' }))).toEqual(['end']);
  });
});

describe('dateExceptionsSchema', () => {
  it('rejects overlapping extras on the same date only', () => {
    const list = [extra, { ...extra, date: '2025-10-02' }, { ...extra, start: '15:00', end: '17:00' }];
    expect(issuePaths(dateExceptionsSchema.safeParse(list))).toEqual(['2.start']);
  });
});

describe('holidayCalendarSchema', () => {
  it('parses a calendar with a 调休 workday', () => {
    const calendar = { holidays: ['2025-10-01'], workdays: [{ date: '2025-09-28', followsWeekday: 1 }] };
    expect(holidayCalendarSchema.parse(calendar)).toEqual(calendar);
  });

  it('rejects a bad weekday and a bad date', () => {
    const result = holidayCalendarSchema.safeParse({ holidays: ['2025-02-30'], workdays: [{ date: '2025-09-28', followsWeekday: 7 }] });
    expect(issuePaths(result)).toEqual(['holidays.0', 'workdays.0.followsWeekday']);
  });
});
