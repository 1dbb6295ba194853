import type { EscortEligibility } from './service-kinds';
import { isFreeOfCharge } from './service-kinds';
import { districtDateOf } from './time';

export type EscortPoolEntry = {
  id: string;
  eligibility: EscortEligibility;
  appointmentAt: Date;
  createdAt: Date;
};

/**
 * The order escorts see open requests in: the plan's hardship groups first (they are the point of
 * the 助困关爱 action), then the most urgent appointment, then first come. The id breaks exact ties
 * so every escort sees the same order. Returns a new array; the input is left as it was.
 */
export function orderEscortPool<T extends EscortPoolEntry>(requests: readonly T[]): T[] {
  return [...requests].sort(
    (a, b) =>
      Number(isFreeOfCharge(b.eligibility)) - Number(isFreeOfCharge(a.eligibility)) ||
      a.appointmentAt.getTime() - b.appointmentAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The event (and notice type) that tells escorts of a new request in the pool. */
export const ESCORT_REQUEST_OPEN = 'escort_request_open';

/** An escort as the announcement of a new request sees them: whose account, which 街道, on duty. */
export type EscortOnDuty = { userId: string; streetId: string | null; active: boolean };

/**
 * Who is told of a new escort request: the active escorts of its 街道, and the district's own team
 * (escorts with no 街道 take requests from every 街道). Never the resident who asked (an escort
 * booking for a parent), and each account once.
 */
export function escortsToTell(escorts: readonly EscortOnDuty[], request: { streetId: string | null; bookerId: string }): string[] {
  const told = escorts.filter((e) => e.active && e.userId !== request.bookerId && (e.streetId === null || e.streetId === request.streetId));
  return [...new Set(told.map((e) => e.userId))];
}

/** Whether an escort request still waits for someone to take it (an announcement of it still holds). */
export function isOpenEscortRequest(booking: { service: string; status: string; providerId: string | null }): boolean {
  return booking.service === 'escort' && booking.status === 'requested' && booking.providerId === null;
}
