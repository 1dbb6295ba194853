import type { Role } from '../roles';
import type { Access } from './action-access';

const organizers = ['staff', 'admin'] as const satisfies readonly Role[];

/**
 * volunteer — staff: the doors of the staff pages' reads (hub counts, the 街道's activities, one
 * activity to edit, corrections to decide). Which 街道 they cover is `streetScopeOf`'s business and
 * which activity `relationToActivity`'s.
 */
export const manageAccess = {
  'volunteer.manageOverview': organizers,
  'volunteer.managedActivities': organizers,
  'volunteer.managedActivity': organizers,
  'volunteer.pendingCorrections': organizers,
} as const satisfies Record<string, Access>;
