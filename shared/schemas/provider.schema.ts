import { z } from 'zod';
import { calendarDateSchema, dateExceptionSchema, weeklyRulesSchema } from './availability.schema';
import { id, pageInput, requiredText, text } from './common.schema';

const reason = requiredText(200);

export const providerActions = {
  inbox: z.strictObject({ ...pageInput }),
  accept: z.strictObject({ bookingId: id }),
  decline: z.strictObject({ bookingId: id, reason }),
  complete: z.strictObject({ bookingId: id, notes: text(1000).optional() }),
  noShow: z.strictObject({ bookingId: id }),
  cancel: z.strictObject({ bookingId: id, reason }),
  schedule: z.strictObject({ date: calendarDateSchema }),
  availability: z.strictObject({ providerId: id.optional() }),
  setWeeklyRules: z.strictObject({ providerId: id.optional(), rules: weeklyRulesSchema }),
  addException: z.strictObject({ providerId: id.optional(), exception: dateExceptionSchema }),
  removeException: z.strictObject({ providerId: id.optional(), date: calendarDateSchema }),
  pool: z.strictObject({ ...pageInput }),
  claim: z.strictObject({ bookingId: id }),
} as const;
