import { loginResultSchema, publicUserSchema } from '../../../shared/schemas/user.schema';
import type { ApiInput } from './api-actions';
import { callAction } from './call-function';

export type UpdateProfileInput = ApiInput<'user', 'updateProfile'>;

/** The `user` cloud function's actions. */
export const userApi = {
  devLogin: (openid: string) => callAction('user', 'devLogin', { openid }, loginResultSchema),
  login: (code: string) => callAction('user', 'login', { code }, loginResultSchema),
  me: () => callAction('user', 'me', {}, publicUserSchema),
  updateProfile: (changes: UpdateProfileInput) => callAction('user', 'updateProfile', changes, publicUserSchema),
};
