import { adminActions } from '../../shared/schemas/admin.schema';
import { action, defineFunction } from '../core/runtime/define-function';

export const adminFunction = defineFunction('admin', {
  grantRoles: action({
    input: adminActions.grantRoles,
    access: ['admin'],
    run: ({ userId, roles, streetId }, { app }) => app.services.users.grantRoles(userId, roles, streetId),
  }),
  revokeRoles: action({
    input: adminActions.revokeRoles,
    access: ['admin'],
    run: ({ userId, roles }, { app }) => app.services.users.revokeRoles(userId, roles),
  }),
});

export const main = adminFunction.main;
