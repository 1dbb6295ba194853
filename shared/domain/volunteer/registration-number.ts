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

/**
 * The escort record an approval of 陪诊 gives a volunteer: the escort pool, claims and the 街道's
 * notices work from provider records, so the role alone would let them see nothing.
 */
export function volunteerEscortProviderId(userId: string): string {
  return `pv-vol-${userId}`;
}

export const VOLUNTEER_NUMBER_PATTERN = /^ZL-\d{4}-\d{6,}$/;
