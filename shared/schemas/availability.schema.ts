import { z } from 'zod';
import {
  AVAILABILITY_LIMITS,
  availabilityMessages,
  overlappingIndexes,
  rangeCrossFieldIssues,
  weeklyRuleOverlapIssues,
} from '../domain/availability';
import { CALENDAR_DATE_PATTERN, isCalendarDate, WALL_TIME_PATTERN } from '../domain/time';

const { slotMinutes, capacity, bufferMinutes, rulesPerProvider } = AVAILABILITY_LIMITS;

export const wallTimeSchema = z.string().regex(WALL_TIME_PATTERN, availabilityMessages.timeFormat);

// The regex alone lets 2025-02-30 through; the refine keeps such dates out. The regex aborts so a
// malformed date gets one message, not two.
export const calendarDateSchema = z
  .string()
  .regex(CALENDAR_DATE_PATTERN, { message: '日期格式须为 YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: '不是有效的日期' });

const boundedInt = (bounds: { min: number; max: number }, message: string) =>
  z.number().int(message).min(bounds.min, message).max(bounds.max, message);

const weekdaySchema = boundedInt({ min: 0, max: 6 }, availabilityMessages.weekday);

const rangeFields = {
  start: wallTimeSchema,
  end: wallTimeSchema,
  slotMinutes: boundedInt(slotMinutes, availabilityMessages.slotMinutes),
  capacity: boundedInt(capacity, availabilityMessages.capacity),
  bufferMinutes: boundedInt(bufferMinutes, availabilityMessages.bufferMinutes),
};

// Cross-field checks come from the domain so the schema and `validateWeeklyRules` cannot drift apart.
function addCrossFieldIssues(value: z.output<z.ZodObject<typeof rangeFields>>, ctx: z.core.$RefinementCtx) {
  for (const issue of rangeCrossFieldIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const weeklyRuleSchema = z.strictObject({ weekday: weekdaySchema, ...rangeFields }).superRefine(addCrossFieldIssues);

/** A provider's whole week; also refuses two ranges that overlap on one weekday. */
export const weeklyRulesSchema = z
  .array(weeklyRuleSchema)
  .max(rulesPerProvider)
  .superRefine((rules, ctx) => {
    for (const issue of weeklyRuleOverlapIssues(rules)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export const dateExceptionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ date: calendarDateSchema, kind: z.literal('closed') }),
  z.strictObject({ date: calendarDateSchema, kind: z.literal('extra'), ...rangeFields }).superRefine(addCrossFieldIssues),
]);

/** Extra hours added on one date must not overlap each other either. */
export const dateExceptionsSchema = z
  .array(dateExceptionSchema)
  .max(366)
  .superRefine((exceptions, ctx) => {
    const extras = exceptions.flatMap((exception, index) =>
      exception.kind === 'extra' ? [{ index, group: exception.date, start: exception.start, end: exception.end }] : [],
    );
    for (const position of overlappingIndexes(extras)) {
      const extra = extras[position];
      if (extra) ctx.addIssue({ code: 'custom', path: [extra.index, 'start'], message: availabilityMessages.overlap });
    }
  });

export const holidayCalendarSchema = z.strictObject({
  holidays: z.array(calendarDateSchema).max(366),
  workdays: z.array(z.strictObject({ date: calendarDateSchema, followsWeekday: weekdaySchema })).max(366),
});

export type WeeklyRuleInput = z.input<typeof weeklyRuleSchema>;
export type DateExceptionInput = z.input<typeof dateExceptionSchema>;
export type HolidayCalendarInput = z.input<typeof holidayCalendarSchema>;
