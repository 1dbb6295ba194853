import './zod-setup';
import { z } from 'zod';
import { allBookingStatuses } from '../../../shared/domain/booking-status';
import type { AllowedBookingAction } from '../../../shared/domain/permissions';
import { allServiceKinds } from '../../../shared/domain/service-kinds';

/**
 * What the client reads from the booking, catalog, provider and notify replies. Objects are not
 * strict: a newer server may add fields. Only what the pages use is required; the rest is optional
 * so a small server change does not turn every screen into BAD_RESPONSE.
 */

const serviceKind = z.enum(allServiceKinds);
const bookingStatus = z.enum(allBookingStatuses);

export const serviceInfoSchema = z.object({
  id: serviceKind,
  name: z.string(),
  description: z.string().optional().default(''),
  durationMinutes: z.number(),
  leadTimeMinutes: z.number(),
  horizonDays: z.number(),
  cancelCutoffMinutes: z.number(),
});
export type ServiceInfo = z.output<typeof serviceInfoSchema>;

export const streetSchema = z.object({
  id: z.string(),
  name: z.string(),
  escortDailyCapacity: z.number().optional(),
  communities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Street = z.output<typeof streetSchema>;

export const stationSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().optional().default(''),
  hours: z.string().optional().default(''),
  phone: z.string().optional().default(''),
  communityId: z.string(),
  streetId: z.string(),
});
export type Station = z.output<typeof stationSchema>;

export const freeSlotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  remaining: z.number(),
});
export type FreeSlot = z.output<typeof freeSlotSchema>;

export const providerInfoSchema = z.object({
  id: z.string(),
  kind: serviceKind,
  name: z.string(),
  venue: z.string().optional().default(''),
  intro: z.string().optional().default(''),
  stationId: z.string().nullable().optional().default(null),
});
export type ProviderInfo = z.output<typeof providerInfoSchema>;

export const providerWithSlotsSchema = providerInfoSchema.extend({
  nextSlots: z.array(freeSlotSchema).optional().default([]),
});
export type ProviderWithSlots = z.output<typeof providerWithSlotsSchema>;

export const providerSlotsSchema = z.object({ provider: providerInfoSchema, slots: z.array(freeSlotSchema) });

const familyMemberSchema = z.object({ name: z.string(), phone: z.string(), relationship: z.string() });

export const bookingViewSchema = z.object({
  id: z.string(),
  service: serviceKind,
  status: bookingStatus,
  statusLabel: z.string().optional(),
  startsAt: z.string(),
  endsAt: z.string(),
  // `phone`: the escort's number, for the resident of a claimed escort job (booking.detail only).
  provider: z
    .object({ id: z.string(), name: z.string(), venue: z.string().optional().default(''), phone: z.string().optional() })
    .nullable()
    .optional()
    .default(null),
  stationId: z.string().nullable().optional().default(null),
  streetId: z.string().nullable().optional().default(null),
  forFamily: familyMemberSchema.nullable().optional().default(null),
  bookerName: z.string().nullable().optional().default(null),
  contactPhone: z.string().optional().default(''),
  // Details differ per service and per viewer (counseling topics are hidden from staff).
  details: z.record(z.string(), z.unknown()).and(z.object({ kind: serviceKind })),
  freeOfCharge: z.boolean().optional().default(false),
  // A claimed hardship group's check by the 街道 (escort only); the reason only for the resident and staff.
  eligibilityCheck: z
    .object({ status: z.enum(['pending', 'verified', 'rejected']), statusLabel: z.string(), reason: z.string().nullable().optional().default(null) })
    .nullable()
    .optional()
    .default(null),
  acceptBy: z.string().nullable().optional().default(null),
  cancelDeadline: z.string(),
  // What the caller may do to it now, decided by the server (shared/domain/permissions); none when an older server does not say.
  allowedActions: z.array(z.string()).optional().default([]),
  reason: z.string().nullable().optional().default(null),
  serviceNotes: z.string().nullable().optional().default(null),
  createdAt: z.string().optional().default(''),
});
export type BookingView = z.output<typeof bookingViewSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  from: z.string(),
  to: z.string(),
  action: z.string(),
  actorRole: z.string(),
  reason: z.string().nullable().optional().default(null),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

export const bookingDetailSchema = z.object({ booking: bookingViewSchema, history: z.array(historyEntrySchema) });
export type BookingDetail = z.output<typeof bookingDetailSchema>;

export const bookingPageSchema = z.object({
  items: z.array(bookingViewSchema),
  total: z.number(),
  page: z.number().optional().default(1),
  pageSize: z.number().optional().default(20),
});
export type BookingPage = z.output<typeof bookingPageSchema>;

export const bookingListSchema = z.object({ items: z.array(bookingViewSchema), total: z.number().optional() });

export const weeklyRuleViewSchema = z.object({
  weekday: z.number(),
  start: z.string(),
  end: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  bufferMinutes: z.number(),
});
export type WeeklyRuleView = z.output<typeof weeklyRuleViewSchema>;

export const dateExceptionViewSchema = z.object({
  date: z.string(),
  kind: z.enum(['closed', 'extra']),
  start: z.string().optional(),
  end: z.string().optional(),
  slotMinutes: z.number().optional(),
  capacity: z.number().optional(),
  bufferMinutes: z.number().optional(),
});
export type DateExceptionView = z.output<typeof dateExceptionViewSchema>;

export const availabilityViewSchema = z.object({
  providerId: z.string(),
  /** Every slot's length: the service's (older servers do not say). */
  slotMinutes: z.number().nullable().optional().default(null),
  rules: z.array(weeklyRuleViewSchema),
  exceptions: z.array(dateExceptionViewSchema),
});
export type AvailabilityView = z.output<typeof availabilityViewSchema>;

export const setRulesResultSchema = z.object({
  availability: availabilityViewSchema,
  affected: z.array(bookingViewSchema).optional().default([]),
});

export const unreadCountSchema = z.object({ count: z.number() });

export const noticeSchema = z.object({
  id: z.string(),
  title: z.string().optional().default(''),
  body: z.string().optional().default(''),
  createdAt: z.string().optional().default(''),
  readAt: z.string().nullable().optional().default(null),
  /** What the notice is about; an older server sends only `bookingId`. */
  subject: z.object({ kind: z.string(), id: z.string() }).nullable().optional().default(null),
  bookingId: z.string().nullable().optional().default(null),
  /** The page it opens (its link), chosen on the server by its subject's kind. */
  page: z.string().optional().default(''),
});
export type Notice = z.output<typeof noticeSchema>;

export const noticePageSchema = z.object({ items: z.array(noticeSchema), total: z.number().optional() });

/** Whether the server offered this action on the booking (`allowedActions`); the server checks again on the attempt. */
export function mayDo(booking: Pick<BookingView, 'allowedActions'>, action: AllowedBookingAction): boolean {
  return booking.allowedActions.includes(action);
}

/** `notify.markRead`: how many notices it marked. */
export const markReadResultSchema = z.object({ updated: z.number() });

/** `notify.recordConsent`: the sends each template now has left. */
export const consentResultSchema = z.object({ quotas: z.record(z.string(), z.number()) });
