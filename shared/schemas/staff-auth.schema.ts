import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from '../domain/staff-auth/password-rules';
import { id, phone, requiredText } from './common.schema';
import { loginResultSchema, publicUserSchema } from './user.schema';

/**
 * Staff sign-in with a password: the `user` function's login and change, the `admin` function's
 * accounts. Shared by both functions, hence a file of its own.
 */

/** A login name: letters, digits and . _ - (a phone number qualifies); compared without case. */
export const loginName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, '账号是 3 到 32 位的字母、数字或 . _ -，以字母或数字开头');

/** A password as typed at login: only bounded, never judged (an old password may predate the rules). */
const typedPassword = z.string().min(1, '请填写密码').max(PASSWORD_MAX * 2, '密码太长了');

/** A password being set: the rules of password-rules.ts, with their plain message at the field. */
const newPassword = z.string().max(PASSWORD_MAX * 2).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const staffLoginActions = {
  /** What the login page offers: dev login only where the server has it on. */
  loginOptions: z.strictObject({}),
  staffLogin: z.strictObject({ loginName, password: typedPassword }),
  changePassword: z.strictObject({ currentPassword: typedPassword, newPassword }),
} as const;

export const staffAccountActions = {
  createStaffAccount: z
    .strictObject({
      name: requiredText(20),
      phone,
      loginName,
      role: z.enum(['staff', 'admin']),
      /** Required for staff: the 街道 they serve. */
      streetId: id.optional(),
      /** An existing user (found by the admin) to give the password to, instead of a new one. */
      userId: id.optional(),
      initialPassword: newPassword,
    })
    .refine((value) => value.role !== 'staff' || value.streetId !== undefined, { message: '街道工作人员要选所在街道', path: ['streetId'] })
    .refine((value) => passwordProblem(value.initialPassword, value.loginName) === null, { message: '密码里不能包含账号', path: ['initialPassword'] }),
  resetStaffPassword: z.strictObject({ userId: id, newPassword }),
} as const;

export const staffLoginResultSchema = loginResultSchema.extend({
  /** Set by an admin's create or reset: the client sends the person to change it first. */
  mustChangePassword: z.boolean(),
});
export type StaffLoginResult = z.infer<typeof staffLoginResultSchema>;

/** A staff account as the admin sees it: never the hash, never the password. */
export const staffAccountSchema = z.object({
  user: publicUserSchema,
  loginName: z.string(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const loginOptionsSchema = z.object({ devLogin: z.boolean(), staffLogin: z.boolean() });
export type LoginOptions = z.infer<typeof loginOptionsSchema>;
