import type { z } from 'zod';
import { loginResultSchema, publicUserSchema, type userActions } from '../../../shared/schemas/user.schema';
import { callFunction } from './call-function';

export type UpdateProfileInput = z.input<(typeof userActions)['updateProfile']>;

/** The `user` cloud function's actions. */
export const userApi = {
  devLogin: (openid: string) => callFunction('user', 'devLogin', { openid }, loginResultSchema),
  login: (code: string) => callFunction('user', 'login', { code }, loginResultSchema),
  me: () => callFunction('user', 'me', {}, publicUserSchema),
  updateProfile: (changes: UpdateProfileInput) => callFunction('user', 'updateProfile', changes, publicUserSchema),
};
