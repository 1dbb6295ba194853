import type { DateException, HolidayCalendar, Slot, SlotRangeSettings, WeeklyRule } from './availability';
import { DAY_MS, MINUTE_MS, addDays, districtDateOf, districtDayStart, parseWallTime, weekdayOfDate } from './time';

export type GenerateSlotsInput = {
  rules: readonly WeeklyRule[];
  exceptions: readonly DateException[];
  calendar: HolidayCalendar;
  /** Window asked for; a slot is in it when from <= startsAt < to. */
  from: Date;
  to: Date;
  now: Date;
  /** A slot must start at least this long after `now` (time for the provider to accept). */
  leadTimeMinutes: number;
  /** A slot may start at most this many days after `now`. */
  horizonDays: number;
};

/** The ranges open on one district date, before slicing into slots. */
export function rangesForDate(
  date: string,
  rules: readonly WeeklyRule[],
  exceptions: readonly DateException[],
  calendar: HolidayCalendar,
): SlotRangeSettings[] {
  const forDate = exceptions.filter((exception) => exception.date === date);
  // A 'closed' exception or a holiday only removes the weekly hours: an 'extra' on the same date is
  // how staff say "closed as usual, but open 14:00–16:00 this once", so it still applies.
  // A date listed as both holiday and make-up workday stays closed: refusing a seat is recoverable,
  // sending a resident to a shut station is not.
  const closed = forDate.some((exception) => exception.kind === 'closed') || calendar.holidays.includes(date);
  const ranges: SlotRangeSettings[] = [];
  if (!closed) {
    const workday = calendar.workdays.find((entry) => entry.date === date);
    const weekday = workday ? workday.followsWeekday : weekdayOfDate(date);
    for (const rule of rules) if (rule.weekday === weekday) ranges.push(rule);
  }
  for (const exception of forDate) if (exception.kind === 'extra') ranges.push(exception);
  return ranges;
}

/** Lays one range out as slots from its start: slot, buffer, slot, … while a whole slot still fits. */
function sliceRange(dayStart: number, range: SlotRangeSettings): Slot[] {
  const start = parseWallTime(range.start);
  const end = parseWallTime(range.end);
  // Stored rules were validated on write; a bad one here is our bug, and a zero step would loop forever.
  if (start === null || end === null) throw new RangeError(`Invalid wall time in range ${range.start}-${range.end}`);
  if (!(range.slotMinutes > 0) || !(range.bufferMinutes >= 0)) {
    throw new RangeError(`Invalid slot length ${range.slotMinutes} or buffer ${range.bufferMinutes}`);
  }
  const slots: Slot[] = [];
  const step = range.slotMinutes + range.bufferMinutes;
  // Minutes after district midnight equal elapsed minutes because Asia/Shanghai has no DST.
  for (let minute = start; minute + range.slotMinutes <= end; minute += step) {
    const startsAt = new Date(dayStart + minute * MINUTE_MS);
    slots.push({
      startsAt,
      endsAt: new Date(startsAt.getTime() + range.slotMinutes * MINUTE_MS),
      capacity: range.capacity,
      key: startsAt.toISOString(),
    });
  }
  return slots;
}

/**
 * The bookable slots of one provider inside [from, to), laid out in district wall time, limited to
 * [now + lead time, now + horizon], sorted by start. When two ranges start a slot at the same
 * instant only one slot exists there (seats are keyed by start), the one with more capacity.
 */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const earliest = Math.max(input.from.getTime(), input.now.getTime() + input.leadTimeMinutes * MINUTE_MS);
  const latest = input.now.getTime() + input.horizonDays * DAY_MS;
  const endExclusive = input.to.getTime();
  if (earliest >= endExclusive || earliest > latest) return [];

  const lastDate = districtDateOf(new Date(Math.min(endExclusive - 1, latest)));
  const byStart = new Map<number, Slot>();
  for (let date = districtDateOf(new Date(earliest)); date <= lastDate; date = addDays(date, 1)) {
    const dayStart = districtDayStart(date).getTime();
    for (const range of rangesForDate(date, input.rules, input.exceptions, input.calendar)) {
      for (const slot of sliceRange(dayStart, range)) {
        const time = slot.startsAt.getTime();
        if (time < earliest || time >= endExclusive || time > latest) continue;
        const existing = byStart.get(time);
        if (!existing || slot.capacity > existing.capacity) byStart.set(time, slot);
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
