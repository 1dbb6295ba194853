import { staffAccountActions as s } from '../../shared/schemas/staff-auth.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('admin');

/** staff sign-in: the admin makes password accounts and resets forgotten passwords. */
export const staffAccountActionGroup = {
  createStaffAccount: action({
    input: s.createStaffAccount,
    access: access('createStaffAccount'),
    run: (input, { app }) => app.services.staffAccounts.create(input),
  }),
  resetStaffPassword: action({
    input: s.resetStaffPassword,
    access: access('resetStaffPassword'),
    run: ({ userId, newPassword }, { app }) => app.services.staffAccounts.resetPassword(userId, newPassword),
  }),
};
