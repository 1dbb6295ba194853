import type { BookingRelation, Principal } from './booking-relations';

/**
 * How a caller stands to a provider's record (weekly hours, date exceptions): their own, staff of
 * the 街道 of its station, or admin. `providerStreetId` is the 街道 of the provider's station (null
 * when it has none: an escort of the district team, or a counselor); only admin edit those for them.
 */
export type ProviderRecordRelation = 'self' | 'admin' | 'staff';

export function relationToProviderRecord(
  provider: { userId: string },
  providerStreetId: string | null,
  caller: Principal,
): ProviderRecordRelation | null {
  if (provider.userId === caller.userId) return 'self';
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && providerStreetId !== null && providerStreetId === caller.staffStreetId) return 'staff';
  return null;
}

/** The booking relation under which someone keeping a provider's hours sees the bookings a change affects. */
export const bookingRelationOfKeeper = { self: 'provider', admin: 'admin', staff: 'staff' } as const satisfies Record<ProviderRecordRelation, BookingRelation>;

/** Which 街道 a caller's counts cover: all or the one asked for (admin), their own (staff), none (staff with no 街道). */
export type StreetScope = { kind: 'any' } | { kind: 'street'; streetId: string } | { kind: 'none' };

export function streetScopeOf(caller: Principal, requested: string | undefined): StreetScope {
  if (caller.roles.includes('admin')) return requested ? { kind: 'street', streetId: requested } : { kind: 'any' };
  if (caller.roles.includes('staff') && caller.staffStreetId) return { kind: 'street', streetId: caller.staffStreetId };
  return { kind: 'none' };
}
