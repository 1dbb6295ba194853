/**
 * A volunteer's number: `ZL-<year of first approval>-<six digits>` (钟楼, the district), numbered
 * from 1 within the year. It is assigned once per person and kept: leaving and coming back, or a
 * new application after a rejection, never changes it.
 */
export const VOLUNTEER_NUMBER_PREFIX = 'ZL';

export function volunteerNumberPool(year: number): string {
  return `${VOLUNTEER_NUMBER_PREFIX}-${year}`;
}

export function volunteerNumber(year: number, seq: number): string {
  return `${volunteerNumberPool(year)}-${String(seq).padStart(6, '0')}`;
}

export const VOLUNTEER_NUMBER_PATTERN = /^ZL-\d{4}-\d{6,}$/;
