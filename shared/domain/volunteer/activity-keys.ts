/**
 * Key formats of an activity's claims, in one place (like hold-keys.ts): the places of a role, its
 * waiting list, the one sign-up a volunteer has per activity, and the one outcome of each offer.
 */
export const activitySubject = (signupId: string) => ({ kind: 'activity' as const, id: signupId });

/** One volunteer's sign-up to one activity: unique, so nobody holds two places in one activity. */
export function signupIdOf(activityId: string, userId: string): string {
  return `${activityId}:${userId}`;
}

/** The seats of a role: `<pool>#0 … #count-1`. */
export function placePool(activityId: string, role: string): string {
  return `place:${activityId}:${role}`;
}

/** The waiting list of a role: tickets `<pool>#0, #1, …` in the order they were claimed. */
export function waitPool(activityId: string, role: string): string {
  return `wait:${activityId}:${role}`;
}

/** The offer of a freed place to the holder of ticket `n`: one offer per ticket, ever. */
export function offerIdOf(activityId: string, role: string, ticket: number): string {
  return `${activityId}:${role}:${ticket}`;
}

/** A volunteer's time in the overlap locks (`timelocks`), shared by all their activities. */
export function volunteerPersonKey(userId: string): string {
  return `volunteer:${userId}`;
}

/** The number at the end of a numbered claim id (`<pool>#<n>`). */
export function claimNumber(claimId: string): number {
  return Number(claimId.slice(claimId.lastIndexOf('#') + 1));
}
