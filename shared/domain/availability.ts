import type { FieldIssue } from '../errors/app-error';
import { parseWallTime } from './time';

/** A provider's recurring opening hours on one weekday, in district wall time. */
export type WeeklyRule = {
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay` and dayjs count. */
  weekday: number;
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm', after start; the last slot must end by then. */
  end: string;
  slotMinutes: number;
  /** Seats per slot (a station may take several residents at once). */
  capacity: number;
  /** Rest between slots, e.g. travel for a home visit. */
  bufferMinutes: number;
};

export type SlotRangeSettings = Omit<WeeklyRule, 'weekday'>;

export type DateException =
  | { date: string; kind: 'closed' }
  | ({ date: string; kind: 'extra' } & SlotRangeSettings);

export type HolidayCalendar = {
  /** 'YYYY-MM-DD' dates on which the service is closed. */
  holidays: string[];
  /** 调休 make-up workdays: the date opens with the rules of `followsWeekday`. */
  workdays: { date: string; followsWeekday: number }[];
};

export type Slot = { startsAt: Date; endsAt: Date; capacity: number; key: string };

/** Bounds shared by the rule validator and the zod schemas so the two can never disagree. */
export const AVAILABILITY_LIMITS = {
  slotMinutes: { min: 5, max: 480 },
  capacity: { min: 1, max: 50 },
  bufferMinutes: { min: 0, max: 120 },
  rulesPerProvider: 50,
} as const;

export const availabilityMessages = {
  weekday: '星期须为 0（周日）到 6（周六）',
  timeFormat: '时间格式须为 HH:mm',
  endAfterStart: '结束时间须晚于开始时间',
  slotMinutes: `每个号的时长须为 ${AVAILABILITY_LIMITS.slotMinutes.min} 到 ${AVAILABILITY_LIMITS.slotMinutes.max} 分钟的整数`,
  capacity: `每个号可约人数须为 ${AVAILABILITY_LIMITS.capacity.min} 到 ${AVAILABILITY_LIMITS.capacity.max} 的整数`,
  bufferMinutes: `间隔须为 ${AVAILABILITY_LIMITS.bufferMinutes.min} 到 ${AVAILABILITY_LIMITS.bufferMinutes.max} 分钟的整数`,
  tooShort: '这段时间放不下一个号',
  overlap: '与同一天的另一段时间重叠',
} as const;

const inRange = (value: number, bounds: { min: number; max: number }) =>
  Number.isInteger(value) && value >= bounds.min && value <= bounds.max;

export type IssuePath = (string | number)[];
export type PathIssue = { path: IssuePath; message: string };

/**
 * Problems between a range's fields (end after start, room for one slot). Kept apart from the
 * per-field checks so the zod schemas, which check fields themselves, can reuse exactly this.
 */
export function rangeCrossFieldIssues(range: SlotRangeSettings): PathIssue[] {
  const start = parseWallTime(range.start);
  const end = parseWallTime(range.end);
  if (start === null || end === null) return [];
  if (end <= start) return [{ path: ['end'], message: availabilityMessages.endAfterStart }];
  // A range that yields no slot is certainly a typo (e.g. 09:00–09:20 with 30-minute slots).
  if (inRange(range.slotMinutes, AVAILABILITY_LIMITS.slotMinutes) && end - start < range.slotMinutes) {
    return [{ path: ['slotMinutes'], message: availabilityMessages.tooShort }];
  }
  return [];
}

/** Checks one range; paths are relative to the range. */
export function rangeIssues(range: SlotRangeSettings): PathIssue[] {
  const issues: PathIssue[] = [];
  if (parseWallTime(range.start) === null) issues.push({ path: ['start'], message: availabilityMessages.timeFormat });
  if (parseWallTime(range.end) === null) issues.push({ path: ['end'], message: availabilityMessages.timeFormat });
  if (!inRange(range.slotMinutes, AVAILABILITY_LIMITS.slotMinutes)) {
    issues.push({ path: ['slotMinutes'], message: availabilityMessages.slotMinutes });
  }
  if (!inRange(range.capacity, AVAILABILITY_LIMITS.capacity)) {
    issues.push({ path: ['capacity'], message: availabilityMessages.capacity });
  }
  if (!inRange(range.bufferMinutes, AVAILABILITY_LIMITS.bufferMinutes)) {
    issues.push({ path: ['bufferMinutes'], message: availabilityMessages.bufferMinutes });
  }
  return [...issues, ...rangeCrossFieldIssues(range)];
}

/**
 * Indexes (into `ranges`) of each range that overlaps an earlier one in the same group. Touching
 * ranges (09:00–11:00 and 11:00–12:00) do not overlap. Ranges with bad times are skipped: they are
 * reported by `rangeIssues`.
 */
export function overlappingIndexes(ranges: { group: string | number; start: string; end: string }[]): number[] {
  const parsed = ranges.map((range, index) => ({
    index,
    group: range.group,
    start: parseWallTime(range.start),
    end: parseWallTime(range.end),
  }));
  const valid = parsed.filter(
    (range): range is typeof range & { start: number; end: number } =>
      range.start !== null && range.end !== null && range.end > range.start,
  );
  const found: number[] = [];
  for (const { index, group, start, end } of valid) {
    const clash = valid.some(
      (other) => other.index < index && other.group === group && other.start < end && start < other.end,
    );
    if (clash) found.push(index);
  }
  return found;
}

/** Ranges overlapping an earlier range on the same weekday, reported at `<index>.start`. */
export function weeklyRuleOverlapIssues(rules: readonly WeeklyRule[]): PathIssue[] {
  const overlaps = overlappingIndexes(rules.map((rule) => ({ group: rule.weekday, start: rule.start, end: rule.end })));
  return overlaps.map((index) => ({ path: [index, 'start'], message: availabilityMessages.overlap }));
}

/** Every problem with a list of weekly rules, in path form relative to the list. */
export function weeklyRulePathIssues(rules: readonly WeeklyRule[]): PathIssue[] {
  const issues: PathIssue[] = [];
  rules.forEach((rule, index) => {
    if (!Number.isInteger(rule.weekday) || rule.weekday < 0 || rule.weekday > 6) {
      issues.push({ path: [index, 'weekday'], message: availabilityMessages.weekday });
    }
    for (const issue of rangeIssues(rule)) issues.push({ path: [index, ...issue.path], message: issue.message });
  });
  return [...issues, ...weeklyRuleOverlapIssues(rules)];
}

/**
 * Problems with a provider's weekly hours, each with a path such as `rules.2.end` that the client
 * can attach to the field. Overlaps are reported on the later range, so the first one stays valid.
 */
export function validateWeeklyRules(rules: readonly WeeklyRule[], pathPrefix = 'rules'): FieldIssue[] {
  return weeklyRulePathIssues(rules).map((issue) => ({
    path: [pathPrefix, ...issue.path].join('.'),
    message: issue.message,
  }));
}

/** The slot starting exactly at `startsAt`, if any. A booking may only take a slot that exists. */
export function findSlot(slots: readonly Slot[], startsAt: Date): Slot | undefined {
  const wanted = startsAt.getTime();
  return slots.find((slot) => slot.startsAt.getTime() === wanted);
}

