import { userActions } from '../../shared/schemas/user.schema';
import { action, defineFunction, publicAction } from '../core/runtime/define-function';

export const userFunction = defineFunction('user', {
  login: publicAction({
    input: userActions.login,
    access: 'public',
    run: ({ code }, { app, identity }) =>
      app.services.users.login(code, identity.kind === 'wechat' ? identity.openid : null),
  }),
  devLogin: publicAction({
    input: userActions.devLogin,
    access: 'public',
    run: ({ openid }, { app }) => app.services.users.devLogin(openid),
  }),
  me: action({
    input: userActions.me,
    access: 'user',
    run: (_input, { app, caller }) => app.services.users.me(caller.userId),
  }),
  updateProfile: action({
    input: userActions.updateProfile,
    access: 'user',
    run: (changes, { app, caller }) => app.services.users.updateProfile(caller.userId, changes),
  }),
});

export const main = userFunction.main;
