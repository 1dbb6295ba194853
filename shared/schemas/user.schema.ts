import { z } from 'zod';
import { allRoles } from '../domain/roles';
import { id, openid, phone, requiredText, text } from './common.schema';

export const roleSchema = z.enum(allRoles);

/** The longest home address kept in a profile: the booking forms' address limit. */
export const profileAddressMax = 100;

export const userActions = {
  login: z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '登录凭证格式不对') }),
  devLogin: z.strictObject({ openid }),
  me: z.strictObject({}),
  updateProfile: z
    .strictObject({
      name: requiredText(20).optional(),
      phone: phone.optional(),
      /** The 社区 the resident lives in: the advisor's station and the escort's 街道 start there. */
      communityId: id.nullable().optional(),
      /** Home address, offered as the pickup or home-visit address; '' or null clears it. */
      address: text(profileAddressMax).nullable().optional(),
      elderMode: z.boolean().optional(),
    })
    .refine((value) => Object.keys(value).length > 0, { message: '至少修改一项' }),
} as const;

export type UserAction = keyof typeof userActions;

export const publicUserSchema = z.object({
  id: z.string(),
  openid: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  communityId: z.string().nullable(),
  // Absent in replies from servers older than the field.
  address: z.string().nullable().optional().default(null),
  elderMode: z.boolean(),
  roles: z.array(roleSchema),
  staffStreetId: z.string().nullable(),
  createdAt: z.string(),
});

export type PublicUser = z.infer<typeof publicUserSchema>;

export const loginResultSchema = z.object({ token: z.string(), expiresAt: z.string(), user: publicUserSchema });
export type LoginResult = z.infer<typeof loginResultSchema>;
