import { hasAnyRole, Role } from '../../../../shared/domain/roles';

/** The roles that deliver a service and so have an inbox of requests. */
export const providerRoles = [Role.advisor, Role.escort, Role.counselor] as const;

export function isProvider(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, providerRoles);
}
