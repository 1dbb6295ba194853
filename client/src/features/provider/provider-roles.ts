import { hasAnyRole, type Role } from '../../../../shared/domain/roles';
import { hoursKeeperRoles, mayCall, rolesFor, serviceRoles } from '../../../../shared/domain/permissions/action-access';

// What the workbench offers is what the server lets each role do (shared/domain/permissions), so a
// page or a link never leads to a FORBIDDEN.

/** Who may open the provider pages (requests, schedule, a case): whoever may call provider.inbox. */
export const providerPageRoles = rolesFor('provider.inbox');
/** Who may open the escort pool: escorts only (staff dispatch by assigning instead). */
export const escortPoolRoles = rolesFor('provider.pool');
/** Who may open the weekly hours page: advisors and counselors, and staff or admin for them. */
export const hoursPageRoles = rolesFor('provider.availability');

/** Whether the account delivers a service itself, and so has requests and a schedule of its own. */
export function isProvider(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, serviceRoles);
}

/** Whether the account may take escort requests from the pool (true for escorts, not for staff). */
export function canClaimEscortRequests(roles: readonly Role[]): boolean {
  return mayCall(roles, 'provider.claim');
}

/** Escorts have no weekly hours to keep (they claim requests); advisors and counselors do. */
export function keepsHours(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, hoursKeeperRoles);
}

export const forbiddenText = '这里是服务人员的工作台。您的账号不是养老顾问、陪诊员或婚姻辅导师。';
