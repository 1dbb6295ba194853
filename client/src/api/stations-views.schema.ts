import { z } from 'zod';
import { stationSchema } from './views.schema';

/** What the stations and providers pages read (lenient to newer servers, like views.schema.ts). */
export const openingPeriodSchema = z.object({ weekday: z.number(), start: z.string(), end: z.string() });

/** A station as its keepers see it: the resident's view plus its hours in rows and whether it is open. */
export const managedStationSchema = stationSchema.extend({
  openingHours: z.array(openingPeriodSchema).optional().default([]),
  active: z.boolean().optional().default(true),
});
export type ManagedStation = z.output<typeof managedStationSchema>;

export const managedProviderSchema = z.object({
  id: z.string(),
  kind: z.enum(['advisor', 'counseling', 'escort']),
  name: z.string(),
  venue: z.string().optional().default(''),
  intro: z.string().optional().default(''),
  stationId: z.string().nullable().optional().default(null),
  streetId: z.string().nullable().optional().default(null),
  userId: z.string(),
  active: z.boolean(),
});
export type ManagedProvider = z.output<typeof managedProviderSchema>;

/** A staff account as admin see it after making it or resetting its password: never a password or hash. */
export const staffAccountViewSchema = z.object({
  user: z.object({ id: z.string(), name: z.string().nullable().optional().default(null) }).loose(),
  loginName: z.string(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable().optional().default(null),
});
export type StaffAccountView = z.output<typeof staffAccountViewSchema>;
