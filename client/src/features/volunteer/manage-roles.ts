import type { Role } from '../../../../shared/domain/roles';
import { mayCall, rolesFor } from '../../../../shared/domain/permissions/action-access';

// volunteer — staff: who is offered the staff pages is who the server lets read them, so a link
// never leads to a FORBIDDEN.

/** Who may open the 银龄行动 staff pages: whoever may read their hub (staff, admin). */
export const managePageRoles = rolesFor('volunteer.manageOverview');

export function mayManageVolunteers(roles: readonly Role[]): boolean {
  return mayCall(roles, 'volunteer.manageOverview');
}

/** Only admin set the yearly training targets. */
export function maySetTrainingTargets(roles: readonly Role[]): boolean {
  return mayCall(roles, 'volunteer.setTrainingTargets');
}

export const manageForbiddenText = '这里是街道工作人员管理银龄行动的地方，您的账号不能使用。';
