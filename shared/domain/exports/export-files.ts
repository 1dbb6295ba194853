import { addDays, districtDayStart } from '../time';

/**
 * What the staff's exports are called and which days they cover. Pure: the server names the file,
 * the client only keeps the name safe for the device.
 */

/** The longest period one export covers (a year, leap years included). */
export const MAX_EXPORT_DAYS = 366;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';

/** What an export is of, in the words of its file name. */
export const exportKindWords = {
  bookings: '预约明细',
  volunteerHours: '志愿服务时长',
} as const;
export type ExportKind = keyof typeof exportKindWords;

/** Where an export's rows come from: one 街道 by name, or the whole district. */
export const DISTRICT_WIDE_WORD = '全区';

/**
 * `南大街-预约明细-2026-01-01至2026-12-01-20261201.xlsx`: the place (the 街道 without its 街道
 * suffix, or 全区), what it holds, the period and the day it was made.
 */
export function exportFileName(place: string, kind: ExportKind, period: { from: string; to: string }, madeOn: string, extension: 'xlsx' | 'pdf'): string {
  const placeWord = place.endsWith('街道') && place.length > 2 ? place.slice(0, -2) : place;
  return `${placeWord}-${exportKindWords[kind]}-${period.from}至${period.to}-${madeOn.replace(/-/g, '')}.${extension}`;
}

/**
 * The days of `year` the dashboard's export covers: the whole year, so bookings already made for
 * the weeks ahead are in it beside those done (the summary's counts are as of the day it is made).
 */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The [from, to) instants of a period of district days. */
export function periodInstants(period: { from: string; to: string }): { from: Date; to: Date } {
  return { from: districtDayStart(period.from), to: districtDayStart(addDays(period.to, 1)) };
}
