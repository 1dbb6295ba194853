import './zod-setup';
import { z } from 'zod';

/**
 * volunteer — staff: what the staff pages read from the `volunteer` function. Lenient like
 * volunteer-views.schema.ts: only what the pages show is required.
 */

const nullableString = z.string().nullable().optional().default(null);

export const manageOverviewSchema = z.object({
  pendingApplications: z.number(),
  todayActivities: z.number(),
  pendingHours: z.number(),
  openCorrections: z.number(),
});
export type ManageOverview = z.output<typeof manageOverviewSchema>;

export const applicationItemSchema = z.object({
  id: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  name: z.string(),
  genderLabel: z.string().optional().default(''),
  birthYear: z.number().optional(),
  phone: z.string(),
  communityName: nullableString,
  backgroundLabel: z.string().optional().default(''),
  skills: z.array(z.string()).optional().default([]),
  skillLabels: z.array(z.string()).optional().default([]),
  idNumber: nullableString,
  submittedAt: z.string(),
});
export type ApplicationItem = z.output<typeof applicationItemSchema>;

export const applicationPageSchema = z.object({ items: z.array(applicationItemSchema), total: z.number() });

export const staffApplicationSchema = applicationItemSchema.extend({
  skillNote: nullableString,
  availability: z.array(z.object({ label: z.string() })).optional().default([]),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }).nullable().optional().default(null),
  health: z.object({ fitForService: z.boolean(), conditions: nullableString }).nullable().optional().default(null),
  volunteerNumber: nullableString,
  decision: z
    .object({ action: z.string(), at: z.string(), reason: nullableString, skillLabels: z.array(z.string()).optional().default([]) })
    .nullable()
    .optional()
    .default(null),
});
export type StaffApplication = z.output<typeof staffApplicationSchema>;

export const managedRoleSchema = z.object({ code: z.string(), label: z.string(), count: z.number(), skills: z.array(z.string()).optional().default([]), filled: z.number() });

export const managedActivitySchema = z.object({
  id: z.string(),
  seriesId: nullableString,
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().optional().default(''),
  place: z.string(),
  communityId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  signUpOpensAt: z.string(),
  signUpClosesAt: z.string(),
  withdrawCutoffAt: z.string(),
  roles: z.array(managedRoleSchema),
  riskNote: z.string().optional().default(''),
  insuranceRequired: z.boolean().optional().default(false),
  bring: z.string().optional().default(''),
  contactPhone: z.string().optional().default(''),
  elderSeats: z.number().nullable().optional().default(null),
  status: z.string(),
  cancelReason: nullableString,
  waiting: z.number().optional().default(0),
  pendingHours: z.number().optional().default(0),
});
export type ManagedActivity = z.output<typeof managedActivitySchema>;

export const managedActivityPageSchema = z.object({ items: z.array(managedActivitySchema), total: z.number() });

export const createdActivitySchema = z.object({ id: z.string() });
export const createdSeriesSchema = z.object({ seriesId: z.string(), activities: z.array(z.object({ id: z.string() })) });
export const seriesChangeSchema = z.object({ updated: z.number().optional(), cancelled: z.number().optional() });

export const attendanceCodeSchema = z.object({ code: z.string(), refreshAt: z.string(), windowSeconds: z.number().optional().default(30) });
export type AttendanceCode = z.output<typeof attendanceCodeSchema>;

export const rosterSchema = z.object({
  phonesMasked: z.boolean(),
  counts: z.object({ arrived: z.number(), notYet: z.number(), withdrawn: z.number() }),
  items: z.array(
    z.object({
      userId: z.string(),
      name: nullableString,
      phone: nullableString,
      role: z.string(),
      state: z.string(),
      checkedInAt: nullableString,
      checkedOutAt: nullableString,
      autoClosed: z.boolean().optional().default(false),
    }),
  ),
});
export type Roster = z.output<typeof rosterSchema>;

export const hoursRecordSchema = z.object({
  activityId: z.string(),
  userId: z.string(),
  checkInAt: z.string(),
  checkOutAt: z.string(),
  autoClosed: z.boolean().optional().default(false),
  computedHours: z.number(),
  hours: z.number(),
  status: z.string(),
  requestedHours: z.number().nullable().optional().default(null),
});
export type HoursRecord = z.output<typeof hoursRecordSchema>;

export const activityHoursSchema = z.object({ items: z.array(hoursRecordSchema) });

export const correctionSchema = z.object({
  activityId: z.string(),
  volunteerId: z.string(),
  name: nullableString,
  title: z.string(),
  startsAt: z.string(),
  hours: z.number(),
  requestedHours: z.number().nullable(),
  reason: nullableString,
  requestedAt: z.string(),
});
export type Correction = z.output<typeof correctionSchema>;

export const correctionsSchema = z.object({ items: z.array(correctionSchema) });

const counts = { personTimes: z.number(), persons: z.number() };
export const trainingProgressSchema = z.object({
  year: z.number(),
  district: z.object({ ...counts, target: z.number().nullable(), share: z.number().nullable() }).nullable(),
  streets: z.array(
    z.object({
      streetId: z.string(),
      name: z.string(),
      ...counts,
      target: z.number().nullable(),
      share: z.number().nullable(),
      communities: z.array(z.object({ communityId: z.string(), name: z.string(), ...counts })),
    }),
  ),
});
export type TrainingProgress = z.output<typeof trainingProgressSchema>;

export const trainingTargetsSchema = z.object({ year: z.number(), districtTotal: z.number(), streets: z.array(z.object({ streetId: z.string(), target: z.number() })) });
