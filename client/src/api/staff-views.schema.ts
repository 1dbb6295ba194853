import { z } from 'zod';
import { bookingViewSchema, historyEntrySchema } from './views.schema';

/** What the `staff` function answers, as the workbench reads it (lenient to newer servers). */
export const streetBookingsSchema = z.object({
  items: z.array(bookingViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const streetBookingSchema = z.object({ booking: bookingViewSchema, history: z.array(historyEntrySchema) });

export const dispatchQueueSchema = z.object({
  items: z.array(
    z.object({
      booking: bookingViewSchema,
      urgent: z.boolean(),
      possibleDuplicateIds: z.array(z.string()).optional().default([]),
    }),
  ),
});
export type DispatchItem = z.output<typeof dispatchQueueSchema>['items'][number];

export const escortDaySchema = z.object({
  date: z.string(),
  escorts: z.array(
    z.object({
      providerId: z.string(),
      name: z.string(),
      streetId: z.string().nullable().optional().default(null),
      assigned: z.boolean(),
      freeAtRequest: z.boolean(),
      jobs: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), status: z.string(), hospital: z.string().nullable().optional().default(null) })),
    }),
  ),
});
export type EscortDay = z.output<typeof escortDaySchema>;

export const auditLogSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actorId: z.string(),
      actorName: z.string().nullable().optional().default(null),
      action: z.string(),
      kind: z.enum(['view_person', 'change']),
      target: z.record(z.string(), z.string()).optional().default({}),
      fields: z.array(z.string()).optional().default([]),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AuditLogEntry = z.output<typeof auditLogSchema>['items'][number];

export const peopleSchema = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      communityId: z.string().nullable().optional().default(null),
      roles: z.array(z.string()),
      staffStreetId: z.string().nullable().optional().default(null),
    }),
  ),
  more: z.boolean().optional().default(false),
});
export type Person = z.output<typeof peopleSchema>['items'][number];

export const districtSettingsSchema = z.object({
  streets: z.array(z.object({ streetId: z.string(), name: z.string(), escortDailyCapacity: z.number() })),
  holidays: z.array(z.string()),
  workdays: z.array(z.object({ date: z.string(), followsWeekday: z.number() })),
  trainingTargets: z.object({ year: z.number(), districtTotal: z.number().nullable(), streets: z.array(z.object({ streetId: z.string(), target: z.number() })) }),
  serviceTargets: z
    .array(z.object({ measure: z.enum(['advisorConsultations', 'escortServices', 'counselingSessions']), districtTotal: z.number().nullable(), streets: z.array(z.object({ streetId: z.string(), target: z.number() })) }))
    .optional()
    .default([]),
});
export type DistrictSettings = z.output<typeof districtSettingsSchema>;

export const deadLettersSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      state: z.string(),
      attempts: z.number().optional().default(0),
      lastError: z.string().nullable().optional().default(null),
      updatedAt: z.string().optional().default(''),
      bookingId: z.string().nullable().optional().default(null),
    }),
  ),
  total: z.number(),
});
