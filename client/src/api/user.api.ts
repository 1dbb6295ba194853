import { z } from 'zod';
import { loginResultSchema, publicUserSchema } from '../../../shared/schemas/user.schema';
import { loginOptionsSchema, staffLoginResultSchema } from '../../../shared/schemas/staff-auth.schema';
import type { ApiInput } from './api-actions';
import { callAction } from './call-function';

export type UpdateProfileInput = ApiInput<'user', 'updateProfile'>;

/** The `user` cloud function's actions. */
export const userApi = {
  devLogin: (openid: string) => callAction('user', 'devLogin', { openid }, loginResultSchema),
  login: (code: string) => callAction('user', 'login', { code }, loginResultSchema),
  me: () => callAction('user', 'me', {}, publicUserSchema),
  updateProfile: (changes: UpdateProfileInput) => callAction('user', 'updateProfile', changes, publicUserSchema),
  // staff sign-in
  loginOptions: () => callAction('user', 'loginOptions', {}, loginOptionsSchema),
  staffLogin: (loginName: string, password: string) => callAction('user', 'staffLogin', { loginName, password }, staffLoginResultSchema),
  changePassword: (currentPassword: string, newPassword: string) =>
    callAction('user', 'changePassword', { currentPassword, newPassword }, z.object({ changedAt: z.string(), token: z.string(), expiresAt: z.string() })),
};
