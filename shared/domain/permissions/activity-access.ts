import type { Role } from '../roles';
import type { Access } from './action-access';

const organizers = ['staff', 'admin'] as const satisfies readonly Role[];
const volunteers = ['volunteer'] as const satisfies readonly Role[];

/**
 * The door of the volunteer function's activity actions: staff of a 街道 (admin for the district)
 * organize, approved volunteers take part. Which activity a staff member may touch (their 街道's) is
 * `relationToActivity`'s business.
 */
export const activityAccess = {
  'volunteer.createActivity': organizers,
  'volunteer.updateActivity': organizers,
  'volunteer.cancelActivity': organizers,
  'volunteer.createSeries': organizers,
  'volunteer.updateSeriesFrom': organizers,
  'volunteer.cancelSeriesFrom': organizers,
  'volunteer.activities': volunteers,
  'volunteer.activity': volunteers,
  'volunteer.signUp': volunteers,
  'volunteer.withdraw': volunteers,
  'volunteer.myPlaces': volunteers,
  'volunteer.confirmOffer': volunteers,
  'volunteer.declineOffer': volunteers,
} as const satisfies Record<string, Access>;

/** How a caller stands to an activity as its organizer: admin for all, staff for their 街道's. */
export type ActivityOrganizerRelation = 'admin' | 'staff';

export function relationToActivity(activity: { streetId: string }, caller: { roles: readonly Role[]; staffStreetId: string | null }): ActivityOrganizerRelation | null {
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId !== null && caller.staffStreetId === activity.streetId) return 'staff';
  return null;
}
