import { districtDateOf, MINUTE_MS } from '../time';

/**
 * Elders' seats in a smart-technology class, the teacher's roll and the yearly counts. Elders are
 * stored with name, community and age band only: no phone and no ID number, ever (many have no
 * smartphone; a resident's own phone stays on their user).
 */
export { ageBandCodes, ageBands, teachingRoleOf, type AgeBand } from './training-codes';

/** The elders' seat pool of one class session: seats `<pool>#0 … #elderSeats-1`. */
export function classSeatPool(activityId: string): string {
  return `classseat:${activityId}`;
}

/** One elder's enrolment in one session: unique, so an elder holds at most one seat of it. */
export function enrolmentIdOf(activityId: string, elderId: string): string {
  return `${activityId}:${elderId}`;
}

/**
 * One roll entry per (session, elder): the `_id` is the unique key, so a second tick of the same
 * elder, concurrent or not, is refused by the engine and a person-time is counted once.
 */
export function attendanceIdOf(activityId: string, elderId: string): string {
  return `${activityId}:${elderId}`;
}

/**
 * One account enrols at most this many elders in one session (themselves and family members), so
 * nobody can take a class's seats with made-up names. Claims `<pool>#n` (seats of their own pool),
 * one per enrolment.
 */
export const ENROLMENTS_PER_ACCOUNT = 3;
export function accountEnrolmentPool(activityId: string, userId: string): string {
  return `classby:${activityId}:${userId}`;
}

export const classSeatSubject = (enrolmentId: string) => ({ kind: 'class_seat' as const, id: enrolmentId });

/** The roll opens 30 minutes before the start and stays open two days after the end (a late entry). */
export const ROLL_OPENS_BEFORE_MS = 30 * MINUTE_MS;
export const ROLL_CLOSES_AFTER_MS = 48 * 60 * MINUTE_MS;

export function rollOpen(session: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return now.getTime() >= session.startsAt.getTime() - ROLL_OPENS_BEFORE_MS && now.getTime() <= session.endsAt.getTime() + ROLL_CLOSES_AFTER_MS;
}

/** Elders enrol from the session's sign-up opening until it starts (volunteers' own cut-off is for staffing). */
export function enrolmentOpen(session: { signUpOpensAt: Date; startsAt: Date }, now: Date): boolean {
  return now >= session.signUpOpensAt && now < session.startsAt;
}

/** The target year a session counts toward: the district calendar year of its start. */
export function trainingYearOf(startsAt: Date): number {
  return Number(districtDateOf(startsAt).slice(0, 4));
}

/** The share of a target reached, to a tenth of a percent; null when there is no target. */
export function targetShare(count: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((count / target) * 1000) / 1000;
}
