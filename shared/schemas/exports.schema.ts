import { z } from 'zod';
import { id } from './common.schema';
import { CALENDAR_DATE_PATTERN, isCalendarDate } from '../domain/time';
import { MAX_EXPORT_DAYS } from '../domain/exports/export-files';

/** A day in the district's calendar, 'YYYY-MM-DD'. */
const day = z
  .string()
  .regex(CALENDAR_DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDate, { message: '不是有效的日期' });

/** A period of days, both included, at most MAX_EXPORT_DAYS long. */
const period = {
  from: day,
  to: day,
};
function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 > MAX_EXPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: '一次最多导出一年' });
}

/** The `exports` function: the staff's XLSX and PDF files (staff their 街道, admin the district or one 街道). */
export const exportsActions = {
  /**
   * The dashboard of a year as a workbook: the summary in the bureau's layout and the bookings of the
   * year so far. `fullPhones` (admin only, audited) writes phone numbers in full.
   */
  dashboardXlsx: z.strictObject({
    year: z.number().int().min(2020).max(2100).optional(),
    streetId: id.optional(),
    fullPhones: z.boolean().default(false),
  }),
  /** The volunteer hours of activities dated in the period, as a workbook. */
  volunteerHoursXlsx: z.strictObject({ ...period, streetId: id.optional() }).superRefine(checkPeriod),
} as const;

/** The same hours table as a PDF, one section per 街道: an action of the documents function (pdfkit lives there). */
export const volunteerHoursPdfInput = z.strictObject({ ...period, streetId: id.optional() }).superRefine(checkPeriod);

export type DashboardXlsxInput = z.output<typeof exportsActions.dashboardXlsx>;
export type VolunteerHoursExportInput = z.output<typeof exportsActions.volunteerHoursXlsx>;
