import type { Role } from '../roles';
import type { Access } from './action-access';
import type { Principal } from './booking-relations';

const streetWork = ['staff', 'admin'] as const satisfies readonly Role[];

/**
 * Stations and providers: the door of the management lists and of a station's active switch.
 * 街道 staff keep their own 街道's stations (name, address, phone, opening hours, on or off: they
 * are the ones who know them); providers stay the admin's to make and stop, since a provider record
 * binds a person's account and a service role, which only admin grant. `admin.upsertStation`'s door
 * (action-access.ts) admits staff for the same reason.
 */
export const stationAccess = {
  'staff.managedStations': streetWork,
  'staff.managedProviders': streetWork,
  'admin.setStationActive': streetWork,
} as const satisfies Record<string, Access>;

export type StationRelation = 'admin' | 'staff';

/**
 * How a caller stands to a station of `stationStreetId` (the 街道 of its community): admin to every
 * one, staff to their 街道's. No relation means the station does not exist for them (NOT_FOUND), and
 * a new station in another 街道's community is refused at `communityId`.
 */
export function relationToStation(stationStreetId: string, caller: Principal): StationRelation | null {
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId !== null && caller.staffStreetId === stationStreetId) return 'staff';
  return null;
}
