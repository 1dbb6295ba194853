import './zod-setup';
import { z } from 'zod';

/**
 * What the volunteer pages read from the `volunteer` function's replies. Lenient like views.schema.ts:
 * objects are not strict and only what the pages show is required, so a newer server does not break them.
 */

const applicationStatus = z.enum(['pending', 'approved', 'rejected', 'left']);

export const applicationDetailSchema = z.object({
  id: z.string(),
  status: applicationStatus,
  statusLabel: z.string(),
  name: z.string(),
  communityName: z.string().nullable().optional().default(null),
  skillLabels: z.array(z.string()).optional().default([]),
  submittedAt: z.string(),
  volunteerNumber: z.string().nullable().optional().default(null),
  idNumber: z.string().nullable().optional().default(null),
  decision: z
    .object({ action: z.string(), at: z.string(), reason: z.string().nullable().optional().default(null), skillLabels: z.array(z.string()).optional().default([]) })
    .nullable()
    .optional()
    .default(null),
});
export type ApplicationDetail = z.output<typeof applicationDetailSchema>;

export const deletedSchema = z.object({ deleted: z.number() });

export const myApplicationSchema = z.object({
  current: applicationDetailSchema.nullable(),
  history: z
    .array(z.object({ id: z.string(), status: applicationStatus, statusLabel: z.string(), submittedAt: z.string(), reason: z.string().nullable().optional().default(null) }))
    .optional()
    .default([]),
  mayApply: z.boolean(),
});
export type MyApplication = z.output<typeof myApplicationSchema>;

export const activityRoleSchema = z.object({ code: z.string(), label: z.string(), count: z.number(), taken: z.number() });
export type ActivityRole = z.output<typeof activityRoleSchema>;

export const signupStateSchema = z.object({
  activityId: z.string(),
  role: z.string(),
  /** placed, waiting, offered, holding (being decided), withdrawn, declined, lapsed, cancelled, failed. */
  state: z.string(),
  position: z.number().nullable().optional().default(null),
  offerExpiresAt: z.string().nullable().optional().default(null),
});
export type SignupState = z.output<typeof signupStateSchema>;

export const activityViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().optional().default(''),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  roles: z.array(activityRoleSchema),
  signUpClosesAt: z.string(),
  status: z.string(),
  rules: z.object({
    hours: z.string(),
    withdrawCutoffAt: z.string(),
    bring: z.string().optional().default(''),
    riskNote: z.string().optional().default(''),
    insuranceRequired: z.boolean().optional().default(false),
  }),
});
export type ActivityView = z.output<typeof activityViewSchema>;

export const activityListSchema = z.object({ items: z.array(activityViewSchema), total: z.number() });

export const activityDetailSchema = activityViewSchema.extend({ mine: signupStateSchema.nullable().optional().default(null) });
export type ActivityDetail = z.output<typeof activityDetailSchema>;

export const myPlacesSchema = z.object({
  items: z.array(signupStateSchema.extend({ title: z.string(), startsAt: z.string() })),
});
export type MyPlace = z.output<typeof myPlacesSchema>['items'][number];

// volunteer — hours: the ledger as `volunteer.myHours` returns it (the hours page and the certificate page read it).
export const hoursStatusSchema = z.enum(['pending', 'confirmed', 'corrected', 'correction_requested']);
export const hoursRecordSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  checkInAt: z.string().optional(),
  checkOutAt: z.string().optional(),
  autoClosed: z.boolean().optional().default(false),
  computedHours: z.number().optional(),
  hours: z.number(),
  status: hoursStatusSchema,
  requestedHours: z.number().nullable().optional().default(null),
  history: z
    .array(z.object({ type: z.string(), actorId: z.string(), at: z.string(), reason: z.string().nullable().optional().default(null), hours: z.number().nullable().optional().default(null) }))
    .optional()
    .default([]),
});
export type HoursRecord = z.output<typeof hoursRecordSchema>;
export const myHoursSchema = z.object({
  items: z.array(hoursRecordSchema),
  year: z.number(),
  yearTotal: z.number(),
  allTimeTotal: z.number(),
  pendingTotal: z.number(),
});
export type MyHours = z.output<typeof myHoursSchema>;
