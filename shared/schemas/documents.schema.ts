import { z } from 'zod';
import { volunteerHoursPdfInput } from './exports.schema';
import { CERTIFICATE_SERIAL_PATTERN } from '../domain/documents/certificate-serial';
import { CALENDAR_DATE_PATTERN, isCalendarDate } from '../domain/time';

/** A day in the district's calendar, 'YYYY-MM-DD'. */
const day = z
  .string()
  .regex(CALENDAR_DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDate, { message: '不是有效的日期' });

/** A certificate's serial, checked before any look-up (the public page takes it from the URL). */
export const certificateSerialSchema = z.string().regex(CERTIFICATE_SERIAL_PATTERN, '证明编号格式不对');

/** The longest period one certificate covers: ten years fit on a few pages. */
export const MAX_CERTIFICATE_DAYS = 3660;

export const documentsActions = {
  /** A certificate of the caller's decided hours of activities dated from `from` to `to` (both included). */
  issueCertificate: z.strictObject({ from: day, to: day }).superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 > MAX_CERTIFICATE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: '一份证明最多覆盖十年' });
  }),
  myCertificates: z.strictObject({}),
  /** The PDF of a certificate issued before, again (the caller's own only). */
  certificate: z.strictObject({ serial: certificateSerialSchema }),
  /** Staff: the volunteer hours table per 街道 as a PDF (the rows are the exports' hours table). */
  volunteerHoursPdf: volunteerHoursPdfInput,
} as const;

export type IssueCertificateInput = z.output<typeof documentsActions.issueCertificate>;
