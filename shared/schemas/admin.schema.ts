import { z } from 'zod';
import { id } from './common.schema';
import { roleSchema } from './user.schema';

export const adminActions = {
  grantRoles: z.strictObject({
    userId: id,
    roles: z.array(roleSchema).min(1).max(7),
    /** Required when granting staff: the 街道 they serve. */
    streetId: id.optional(),
  }),
  revokeRoles: z.strictObject({
    userId: id,
    roles: z.array(roleSchema).min(1).max(7),
  }),
} as const;

export type AdminAction = keyof typeof adminActions;
