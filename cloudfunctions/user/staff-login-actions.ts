import { staffLoginActions as s } from '../../shared/schemas/staff-auth.schema';
import { accessIn } from '../../shared/domain/permissions';
import type { IdentitySource } from '../core/runtime/caller';
import { action, publicAction, type TimerSpec } from '../core/runtime/define-function';

const access = accessIn('user');

/**
 * Where a password login comes from, for its per-address limit: the HTTP peer behind the host, the
 * openid inside WeChat (which gives no address). Never the body: an attacker would name a fresh one each time.
 */
function originOf(identity: IdentitySource): { address: string } {
  if (identity.kind === 'wechat') return { address: `wx:${identity.openid}` };
  if (identity.kind === 'bearer' && identity.clientAddress) return { address: identity.clientAddress };
  return { address: 'unknown' };
}

/** staff sign-in: the login page's options, the password login, and changing one's own password. */
export const staffLoginActionGroup = {
  loginOptions: publicAction({
    input: s.loginOptions,
    access: access('loginOptions'),
    run: async (_input, { app }) => app.services.staffAuth.loginOptions(),
  }),
  staffLogin: publicAction({
    input: s.staffLogin,
    access: access('staffLogin'),
    run: ({ loginName, password }, { app, identity }) => app.services.staffAuth.staffLogin(loginName, password, originOf(identity)),
  }),
  changePassword: action({
    input: s.changePassword,
    access: access('changePassword'),
    run: ({ currentPassword, newPassword }, { app, caller }) => app.services.staffAuth.changePassword(caller.userId, currentPassword, newPassword),
  }),
};

export const staffLoginTimers: TimerSpec[] = [{ name: 'purgeLoginAttempts', everyMinutes: 30, run: (app) => app.services.loginLimiter.purge() }];
