import { z } from 'zod';
import { openingHoursIssues, OPENING_PERIODS_PER_DAY } from '../domain/station-hours';
import { wallTimeSchema } from './availability.schema';

const period = z.strictObject({
  weekday: z.number().int('星期要用 0–6 表示').min(0, '星期要用 0–6 表示').max(6, '星期要用 0–6 表示'),
  start: wallTimeSchema,
  end: wallTimeSchema,
});

/** A station's week of opening periods; the cross-row rules are station-hours.ts's, so the form agrees. */
export const openingHoursSchema = z
  .array(period)
  .max(7 * OPENING_PERIODS_PER_DAY)
  .superRefine((periods, ctx) => {
    for (const issue of openingHoursIssues(periods)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
