import { rolesFor } from '../../../../shared/domain/permissions/action-access';
import { hasAnyRole, type Role } from '../../../../shared/domain/roles';

/** Who may open the staff workbench: whoever the server lets list a 街道's bookings (staff, admin). */
export const staffDeskRoles = rolesFor('staff.streetBookings');
/** Who may read the audit log (admin). */
export const auditRoles = rolesFor('staff.auditLog');

export function isStaff(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, staffDeskRoles);
}
