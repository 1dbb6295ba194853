import { callAction } from './call-function';
import { exportFileSchema } from './exports-views.schema';

/** The `exports` function: the staff's XLSX and PDF files (the server decides the 街道 and masks phones). */
export const exportsApi = {
  /** The dashboard's workbook of a year; `fullPhones` is admin's only and is logged. */
  dashboardXlsx: (year: number, fullPhones = false) => callAction('exports', 'dashboardXlsx', { year, ...(fullPhones ? { fullPhones } : {}) }, exportFileSchema),
  volunteerHoursXlsx: (from: string, to: string) => callAction('exports', 'volunteerHoursXlsx', { from, to }, exportFileSchema),
  volunteerHoursPdf: (from: string, to: string) => callAction('documents', 'volunteerHoursPdf', { from, to }, exportFileSchema),
};
