import type { Role } from '../roles';
import type { Access } from './action-access';

const organizers = ['staff', 'admin'] as const satisfies readonly Role[];
const volunteers = ['volunteer'] as const satisfies readonly Role[];

/**
 * The door of check-in, check-out and the hours ledger: organizers show the code, watch the roster
 * and decide hours; volunteers check themselves in and out and ask for corrections. Which activity
 * an organizer may touch is `organizesActivity`'s business.
 */
export const attendanceAccess = {
  'volunteer.attendanceCode': organizers,
  'volunteer.roster': organizers,
  'volunteer.activityHours': organizers,
  'volunteer.confirmHours': organizers,
  'volunteer.correctHours': organizers,
  'volunteer.decideCorrection': organizers,
  'volunteer.checkIn': volunteers,
  'volunteer.checkOut': volunteers,
  'volunteer.requestCorrection': volunteers,
  'volunteer.myHours': volunteers,
} as const satisfies Record<string, Access>;

/**
 * Who organizes an activity: the staff member who created it and the staff of its 街道 (admin for
 * the district). They are the ones who record, so they are the ones who certify (谁组织谁记录).
 */
export function organizesActivity(
  activity: { streetId: string; organizerId: string },
  caller: { userId: string; roles: readonly Role[]; staffStreetId: string | null },
): boolean {
  if (caller.roles.includes('admin')) return true;
  if (!caller.roles.includes('staff')) return false;
  return activity.organizerId === caller.userId || (caller.staffStreetId !== null && caller.staffStreetId === activity.streetId);
}
