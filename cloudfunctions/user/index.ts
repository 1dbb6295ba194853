import { userActions } from '../../shared/schemas/user.schema';
import { action, defineFunction, publicAction } from '../core/runtime/define-function';
import { loginLimiterPart, staffAuthPart } from '../core/services/staff/staff.parts';
import { accessIn } from '../../shared/domain/permissions';
// staff sign-in
import { staffLoginActionGroup, staffLoginTimers } from './staff-login-actions';

const access = accessIn('user');

export const userFunction = defineFunction('user', {
  login: publicAction({
    input: userActions.login,
    access: access('login'),
    run: ({ code }, { app, identity }) =>
      app.services.users.login(code, identity.kind === 'wechat' ? identity.openid : null),
  }),
  devLogin: publicAction({
    input: userActions.devLogin,
    access: access('devLogin'),
    run: ({ openid }, { app }) => app.services.users.devLogin(openid),
  }),
  me: action({
    input: userActions.me,
    access: access('me'),
    run: (_input, { app, caller }) => app.services.users.me(caller.userId),
  }),
  updateProfile: action({
    input: userActions.updateProfile,
    access: access('updateProfile'),
    run: (changes, { app, caller }) => app.services.users.updateProfile(caller.userId, changes),
  }),
  // staff sign-in
  ...staffLoginActionGroup,
}, { timers: staffLoginTimers, services: { loginLimiter: loginLimiterPart, staffAuth: staffAuthPart } });

export const main = userFunction.main;
