import type { Role } from '../roles';
import type { Access } from './action-access';

/** Roles that may hold a password: the people who work in the browser. */
export const passwordRoles = ['staff', 'admin'] as const satisfies readonly Role[];

/**
 * The door of staff sign-in: the login itself is public (it is how one gets a session), changing
 * one's password needs a signed-in staff member or admin, and only admin makes accounts or resets
 * a password. Which account a change applies to is the caller's own, always from the session.
 */
export const staffAuthAccess = {
  'user.loginOptions': 'public',
  'user.staffLogin': 'public',
  'user.changePassword': passwordRoles,
  'admin.createStaffAccount': ['admin'],
  'admin.resetStaffPassword': ['admin'],
} as const satisfies Record<string, Access>;
