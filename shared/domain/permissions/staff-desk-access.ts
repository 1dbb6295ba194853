import type { Role } from '../roles';
import type { Access } from './action-access';

const streetWork = ['staff', 'admin'] as const satisfies readonly Role[];

/**
 * The door of the staff desk (the `staff` function): 街道 staff and the bureau's admin. Which
 * bookings a staff member sees (their 街道's) is `streetScopeOf` and `relationToBooking`'s business.
 */
export const staffDeskAccess = {
  'staff.streetBookings': streetWork,
  'staff.streetBooking': streetWork,
  'staff.dispatchQueue': streetWork,
  'staff.escortDay': streetWork,
  'staff.reviewEligibility': streetWork,
  'staff.bookFor': streetWork,
  'staff.auditLog': ['admin'],
  'staff.dashboard': streetWork,
  'staff.findPeople': ['admin'],
  'staff.districtSettings': ['admin'],
  'staff.setEscortCapacity': ['admin'],
  'staff.setServiceTargets': ['admin'],
} as const satisfies Record<string, Access>;
