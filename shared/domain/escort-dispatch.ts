import { MINUTE_MS } from './time';

/**
 * Escort dispatch as staff see it. A request whose accept-by falls within this much of now is shown
 * highlighted: if nobody takes it, the resident's request lapses.
 */
export const DISPATCH_URGENT_WITHIN_MS = 120 * MINUTE_MS;

export function isNearAcceptBy(acceptBy: Date | null, now: Date): boolean {
  return acceptBy !== null && acceptBy.getTime() - now.getTime() <= DISPATCH_URGENT_WITHIN_MS;
}

/** The phone of the person an escort goes with: the family member's when booked for one, else the booker's contact. */
export function servedPhoneOf(request: { forFamily: { phone: string } | null; contactPhone: string }): string {
  return request.forFamily?.phone ?? request.contactPhone;
}

export type DispatchCandidate = {
  id: string;
  bookerId: string;
  forFamily: { phone: string } | null;
  contactPhone: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * Requests that look like one person booked twice: the same person served (by phone), times that
 * overlap, and different bookers (a son and a daughter each booking for their mother). One booker's
 * own overlaps are already refused by the time locks, so they never get here. Staff alone see this:
 * a booker is never told of another booker's requests. Returns, for each id, the ids it may duplicate.
 */
export function possibleDuplicates(requests: readonly DispatchCandidate[]): Map<string, string[]> {
  const byPhone = new Map<string, DispatchCandidate[]>();
  for (const request of requests) {
    const phone = servedPhoneOf(request);
    byPhone.set(phone, [...(byPhone.get(phone) ?? []), request]);
  }
  const out = new Map<string, string[]>();
  for (const group of byPhone.values()) {
    for (const a of group) {
      const twins = group.filter((b) => b.id !== a.id && b.bookerId !== a.bookerId && a.startsAt < b.endsAt && b.startsAt < a.endsAt).map((b) => b.id);
      if (twins.length > 0) out.set(a.id, twins.sort());
    }
  }
  return out;
}
