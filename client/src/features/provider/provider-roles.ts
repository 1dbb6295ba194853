import { hasAnyRole, hasRole, Role } from '../../../../shared/domain/roles';

/** The roles that deliver a service and so have an inbox of requests. */
export const providerRoles = [Role.advisor, Role.escort, Role.counselor] as const;

/** Who may open the provider pages: providers, and staff who dispatch for their street. */
export const providerPageRoles = [Role.advisor, Role.escort, Role.counselor, Role.staff] as const;

export function isProvider(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, providerRoles);
}

export function isEscort(roles: readonly Role[]): boolean {
  return hasRole(roles, Role.escort) || hasRole(roles, Role.staff);
}

/** Escorts have no weekly hours to keep (they claim requests); advisors and counselors do. */
export function keepsHours(roles: readonly Role[]): boolean {
  return hasRole(roles, Role.advisor) || hasRole(roles, Role.counselor);
}

export const forbiddenText = '这里是服务人员的工作台。您的账号不是养老顾问、陪诊员或婚姻辅导师。';
