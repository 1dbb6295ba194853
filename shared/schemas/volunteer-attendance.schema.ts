import { z } from 'zod';
import { MAX_RECORD_HOURS } from '../domain/volunteer/attendance-hours';
import { id, requiredText } from './common.schema';

/** The six digits the organizer's phone shows (a scanned QR is parsed into these on the client). */
const code = z.string().regex(/^\d{6}$/, '签到码是 6 位数字');

/** Hours in half hours: what a person writes on a record. */
const hours = z
  .number()
  .min(0, '时长不能小于 0')
  .max(MAX_RECORD_HOURS, `时长最多 ${MAX_RECORD_HOURS} 小时`)
  .refine((value) => Number.isInteger(value * 2), '时长按半小时计，如 1.5');

/**
 * A volunteer's record in one activity, named by the activity and the volunteer (for staff). Not
 * `userId`: that key names the caller and is dropped from events (define-function.ts).
 */
const record = { activityId: id, volunteerId: id };

export const volunteerAttendanceActions = {
  attendanceCode: z.strictObject({ activityId: id }),
  checkIn: z.strictObject({ activityId: id, code }),
  checkOut: z.strictObject({ activityId: id, code }),
  roster: z.strictObject({ activityId: id }),
  activityHours: z.strictObject({ activityId: id }),
  confirmHours: z.strictObject({ ...record }),
  correctHours: z.strictObject({ ...record, hours, reason: requiredText(200) }),
  requestCorrection: z.strictObject({ activityId: id, hours, reason: requiredText(200) }),
  /** Approve with the hours to keep (the reason optional) or reject with a reason. One flat object, so each field is named on its own. */
  decideCorrection: z
    .strictObject({ ...record, decision: z.enum(['approve', 'reject']), hours: hours.optional(), reason: requiredText(200).optional() })
    .superRefine((value, ctx) => {
      if (value.decision === 'approve' && value.hours === undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: '请填写更正后的时长' });
      if (value.decision === 'reject' && value.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请写明不同意的原因' });
    }),
  myHours: z.strictObject({}),
} as const;

export type DecideCorrectionInput = z.output<typeof volunteerAttendanceActions.decideCorrection>;
