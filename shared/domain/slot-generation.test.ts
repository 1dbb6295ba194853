import type { DateException, HolidayCalendar, WeeklyRule } from './availability';
import { generateSlots, rangesForDate, type GenerateSlotsInput } from './slot-generation';

// Dates used below (district calendar): 2025-09-22 Mon, 09-24 Wed, 09-27 Sat, 09-28 Sun (a real
// 调休 workday before National Day), 09-29 Mon, 10-01 Wed (holiday). Shanghai is UTC+8 all year.

const rule = (overrides: Partial<WeeklyRule> = {}): WeeklyRule => ({
  weekday: 1,
  start: '09:00',
  end: '11:00',
  slotMinutes: 30,
  capacity: 1,
  bufferMinutes: 0,
  ...overrides,
});

const noCalendar: HolidayCalendar = { holidays: [], workdays: [] };

const input = (overrides: Partial<GenerateSlotsInput> = {}): GenerateSlotsInput => ({
  rules: [rule()],
  exceptions: [],
  calendar: noCalendar,
  from: new Date('2025-09-21T16:00:00Z'), // Mon 2025-09-22 00:00 Shanghai
  to: new Date('2025-09-28T16:00:00Z'), // Mon 2025-09-29 00:00 Shanghai
  now: new Date('2025-09-20T00:00:00Z'),
  leadTimeMinutes: 0,
  horizonDays: 60,
  ...overrides,
});

const starts = (overrides: Partial<GenerateSlotsInput> = {}) =>
  generateSlots(input(overrides)).map((slot) => slot.startsAt.toISOString());

describe('generateSlots layout', () => {
  // Runs with TZ=UTC, where a process-zone slip would give 09:00Z; the suite passes in any zone.
  it('lays a Monday 09:00-11:00 rule out in Shanghai wall time, not the process zone', () => {
    expect(starts()).toEqual([
      '2025-09-22T01:00:00.000Z',
      '2025-09-22T01:30:00.000Z',
      '2025-09-22T02:00:00.000Z',
      '2025-09-22T02:30:00.000Z',
    ]);
  });

  it('gives each slot its end, capacity and a key equal to the ISO start', () => {
    const [first] = generateSlots(input({ rules: [rule({ capacity: 3, slotMinutes: 45 })] }));
    expect(first).toEqual({
      startsAt: new Date('2025-09-22T01:00:00Z'),
      endsAt: new Date('2025-09-22T01:45:00Z'),
      capacity: 3,
      key: '2025-09-22T01:00:00.000Z',
    });
  });

  it('puts an early-morning Shanghai slot on the previous UTC day', () => {
    expect(starts({ rules: [rule({ start: '07:00', end: '08:00', slotMinutes: 60 })] })).toEqual([
      '2025-09-21T23:00:00.000Z',
    ]);
  });

  it('leaves the buffer between slots', () => {
    expect(starts({ rules: [rule({ bufferMinutes: 15 })] })).toEqual([
      '2025-09-22T01:00:00.000Z', // 09:00-09:30
      '2025-09-22T01:45:00.000Z', // 09:45-10:15
      '2025-09-22T02:30:00.000Z', // 10:30-11:00 ends exactly at the range end
    ]);
  });

  it('drops a slot that would end after the range end', () => {
    // 09:00, 09:50, then 10:40-11:10 does not fit before 11:00
    expect(starts({ rules: [rule({ bufferMinutes: 20 })] })).toEqual([
      '2025-09-22T01:00:00.000Z',
      '2025-09-22T01:50:00.000Z',
    ]);
    expect(starts({ rules: [rule({ end: '10:59' })] })).toHaveLength(3);
  });

  it('uses only the rules of each date’s weekday across a week, sorted', () => {
    const rules = [
      rule({ weekday: 3, start: '14:00', end: '15:00', slotMinutes: 60 }),
      rule({ weekday: 1, start: '14:00', end: '15:00', slotMinutes: 60 }),
      rule({ weekday: 1, start: '09:00', end: '10:00', slotMinutes: 60 }),
    ];
    expect(starts({ rules })).toEqual([
      '2025-09-22T01:00:00.000Z',
      '2025-09-22T06:00:00.000Z',
      '2025-09-24T06:00:00.000Z',
    ]);
  });

  it('keeps one slot per start, with the larger capacity, when ranges coincide', () => {
    const slots = generateSlots(
      input({
        rules: [rule({ capacity: 1 }), rule({ start: '10:00', end: '11:00', capacity: 2 })],
        exceptions: [{ date: '2025-09-22', kind: 'extra', start: '09:00', end: '10:00', slotMinutes: 30, capacity: 4, bufferMinutes: 0 }],
      }),
    );
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.capacity])).toEqual([
      ['2025-09-22T01:00:00.000Z', 4],
      ['2025-09-22T01:30:00.000Z', 4],
      ['2025-09-22T02:00:00.000Z', 2],
      ['2025-09-22T02:30:00.000Z', 2],
    ]);
  });

  it('refuses a range whose step could never advance rather than looping forever', () => {
    expect(() => generateSlots(input({ rules: [rule({ slotMinutes: 0 })] }))).toThrow(RangeError);
    expect(() => generateSlots(input({ rules: [rule({ start: '9:00' })] }))).toThrow(RangeError);
  });
});

describe('generateSlots window', () => {
  it('clips to [from, to)', () => {
    expect(
      starts({ from: new Date('2025-09-22T01:30:00Z'), to: new Date('2025-09-22T02:30:00Z') }),
    ).toEqual(['2025-09-22T01:30:00.000Z', '2025-09-22T02:00:00.000Z']);
  });

  it('returns nothing for an empty or inverted window', () => {
    expect(starts({ from: new Date('2025-09-22T01:00:00Z'), to: new Date('2025-09-22T01:00:00Z') })).toEqual([]);
    expect(starts({ from: new Date('2025-09-23T00:00:00Z'), to: new Date('2025-09-22T00:00:00Z') })).toEqual([]);
  });

  it('cuts slots starting before now + lead time, keeping the one exactly at it', () => {
    // now = Mon 08:30 Shanghai, lead 60 → first bookable start 09:30
    expect(starts({ now: new Date('2025-09-22T00:30:00Z'), leadTimeMinutes: 60 })).toEqual([
      '2025-09-22T01:30:00.000Z',
      '2025-09-22T02:00:00.000Z',
      '2025-09-22T02:30:00.000Z',
    ]);
    expect(starts({ now: new Date('2025-09-22T00:30:00.001Z'), leadTimeMinutes: 60 })[0]).toBe(
      '2025-09-22T02:00:00.000Z',
    );
  });

  it('never offers a slot that already started, even with no lead time', () => {
    expect(starts({ now: new Date('2025-09-22T01:10:00Z') })[0]).toBe('2025-09-22T01:30:00.000Z');
  });

  it('cuts slots starting after now + horizon, keeping the one exactly at it', () => {
    // now = Mon 2025-09-15 09:00 Shanghai, horizon 7 days → last start Mon 2025-09-22 09:00
    expect(starts({ now: new Date('2025-09-15T01:00:00Z'), horizonDays: 7 })).toEqual(['2025-09-22T01:00:00.000Z']);
    expect(starts({ now: new Date('2025-09-15T00:59:59Z'), horizonDays: 7 })).toEqual([]);
  });
});

describe('generateSlots calendar', () => {
  const wednesday = rule({ weekday: 3, start: '09:00', end: '10:00', slotMinutes: 60 });
  const national = { from: new Date('2025-09-30T16:00:00Z'), to: new Date('2025-10-01T16:00:00Z') };

  it('closes a holiday', () => {
    expect(starts({ rules: [wednesday], ...national })).toEqual(['2025-10-01T01:00:00.000Z']);
    expect(starts({ rules: [wednesday], ...national, calendar: { holidays: ['2025-10-01'], workdays: [] } })).toEqual([]);
  });

  it('opens an extra exception on a holiday, without the weekly hours', () => {
    const extra: DateException = { date: '2025-10-01', kind: 'extra', start: '14:00', end: '15:00', slotMinutes: 60, capacity: 2, bufferMinutes: 0 };
    const slots = generateSlots(
      input({ rules: [wednesday], ...national, exceptions: [extra], calendar: { holidays: ['2025-10-01'], workdays: [] } }),
    );
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.capacity])).toEqual([['2025-10-01T06:00:00.000Z', 2]]);
  });

  it('opens a 调休 Sunday with the rules of the weekday it follows, not Sunday’s', () => {
    const sundayWindow = { from: new Date('2025-09-27T16:00:00Z'), to: new Date('2025-09-28T16:00:00Z') };
    const sunday = rule({ weekday: 0, start: '15:00', end: '16:00', slotMinutes: 60 });
    expect(starts({ rules: [rule(), sunday], ...sundayWindow })).toEqual(['2025-09-28T07:00:00.000Z']);
    expect(
      starts({
        rules: [rule(), sunday],
        ...sundayWindow,
        calendar: { holidays: [], workdays: [{ date: '2025-09-28', followsWeekday: 1 }] },
      }),
    ).toEqual([
      '2025-09-28T01:00:00.000Z',
      '2025-09-28T01:30:00.000Z',
      '2025-09-28T02:00:00.000Z',
      '2025-09-28T02:30:00.000Z',
    ]);
  });

  it('keeps a date listed as both holiday and workday closed', () => {
    const calendar = { holidays: ['2025-09-28'], workdays: [{ date: '2025-09-28', followsWeekday: 1 }] };
    expect(rangesForDate('2025-09-28', [rule()], [], calendar)).toEqual([]);
  });

  it('closes a date with a closed exception and leaves the other weeks open', () => {
    const twoMondays = { to: new Date('2025-09-29T16:00:00Z'), rules: [rule({ slotMinutes: 120 })] };
    expect(starts(twoMondays)).toEqual(['2025-09-22T01:00:00.000Z', '2025-09-29T01:00:00.000Z']);
    expect(starts({ ...twoMondays, exceptions: [{ date: '2025-09-22', kind: 'closed' }] })).toEqual([
      '2025-09-29T01:00:00.000Z',
    ]);
  });

  it('adds an extra exception on top of the weekly hours', () => {
    const exceptions: DateException[] = [
      { date: '2025-09-22', kind: 'extra', start: '13:00', end: '14:00', slotMinutes: 60, capacity: 1, bufferMinutes: 0 },
      { date: '2025-09-27', kind: 'extra', start: '14:00', end: '16:00', slotMinutes: 50, capacity: 3, bufferMinutes: 10 },
    ];
    const slots = generateSlots(input({ rules: [rule({ slotMinutes: 120 })], exceptions }));
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.endsAt.toISOString(), slot.capacity])).toEqual([
      ['2025-09-22T01:00:00.000Z', '2025-09-22T03:00:00.000Z', 1],
      ['2025-09-22T05:00:00.000Z', '2025-09-22T06:00:00.000Z', 1],
      ['2025-09-27T06:00:00.000Z', '2025-09-27T06:50:00.000Z', 3],
      ['2025-09-27T07:00:00.000Z', '2025-09-27T07:50:00.000Z', 3],
    ]);
  });

  it('lets a closed exception and an extra on one date replace the day’s hours', () => {
    const exceptions: DateException[] = [
      { date: '2025-09-22', kind: 'closed' },
      { date: '2025-09-22', kind: 'extra', start: '15:00', end: '16:00', slotMinutes: 60, capacity: 1, bufferMinutes: 0 },
    ];
    expect(starts({ exceptions })).toEqual(['2025-09-22T07:00:00.000Z']);
  });
});
