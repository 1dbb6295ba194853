import { subjectRef, type Subject, type SubjectKind } from './subject';
import { MINUTE_MS } from './time';

export { bookingSubject, SUBJECT_KINDS as HOLD_SUBJECT_KINDS } from './subject';

/**
 * The key formats of holds (seats, time locks, daily allowances), in one place: every invariant
 * rests on two writers computing the same `_id`, and the repair step recognises a live hold by
 * recomputing its key, so a format written twice could drift and make repair delete live holds.
 *
 * A hold names its subject: what holds it (a booking today; an activity place with the silver-age
 * module). Each domain's repair step touches only the holds of its own kind.
 */
export type HoldSubjectKind = SubjectKind;
export type HoldSubject = Subject;

/** The seat pool of one provider slot: seats `<pool>#0 … #capacity-1` hold its bookings. */
export function slotPool(providerId: string, startsAt: Date): string {
  return `slot:${providerId}:${startsAt.toISOString()}`;
}

/** The seat pool of a 街道's escort requests on one district day (its daily escort capacity). */
export function escortDayPool(streetId: string, day: string): string {
  return `escortday:${streetId}:${day}`;
}

/** The allowance pool of one account's creates on one district day. */
export function dailyCreatesPool(userId: string, day: string): string {
  return `creates:${userId}:${day}`;
}

/** Claim number `n` of a pool (a seat, an allowance). */
export function numberedClaimId(pool: string, n: number): string {
  return `${pool}#${n}`;
}

/** Who holds a claim of a pool; unique, so one subject holds at most one claim per pool. */
export function holderOf(subject: HoldSubject, pool: string): string {
  return `${subjectRef(subject)}@${pool}`;
}

/** An escort's own time: two jobs of one escort may share no time step either. */
export function escortPersonKey(escortProviderId: string): string {
  return `escort:${escortProviderId}`;
}

/**
 * The time of an elder booked for by staff (代办), by their phone: whichever staff member books, one
 * elder never has two bookings at once.
 */
export function proxyPersonKey(elderPhone: string): string {
  return `proxy:${elderPhone}`;
}

/** Whose time a booking takes: the booker's own, or one family member's of theirs. */
export function bookerPersonKey(bookerId: string, familyPhone: string | null): string {
  return familyPhone ? `${bookerId}~${familyPhone}` : bookerId;
}

export const BUCKET_MINUTES = 5;

/** The 5-minute steps a time covers; two holds of one person may share none. */
export function timeBuckets(startsAt: Date, endsAt: Date): Date[] {
  const size = BUCKET_MINUTES * MINUTE_MS;
  const buckets: Date[] = [];
  for (let t = Math.floor(startsAt.getTime() / size) * size; t < endsAt.getTime(); t += size) buckets.push(new Date(t));
  return buckets;
}

export function lockId(personKey: string, bucket: Date): string {
  return `${personKey}#${bucket.toISOString()}`;
}

export function lockIds(personKey: string, startsAt: Date, endsAt: Date): string[] {
  return timeBuckets(startsAt, endsAt).map((bucket) => lockId(personKey, bucket));
}
