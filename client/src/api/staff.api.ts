import type { ApiInput } from './api-actions';
import { callAction } from './call-function';
import { z } from 'zod';
import {
  auditLogSchema,
  deadLettersSchema,
  dispatchQueueSchema,
  districtSettingsSchema,
  escortDaySchema,
  peopleSchema,
  streetBookingSchema,
  streetBookingsSchema,
} from './staff-views.schema';
import { bookingViewSchema } from './views.schema';
import type { Role } from '../../../shared/domain/roles';
import type { ServiceTargetMeasure } from '../../../shared/domain/dashboard-measures';

export type StreetBookingsQuery = ApiInput<'staff', 'streetBookings'>;
export type AuditLogQuery = ApiInput<'staff', 'auditLog'>;
export type BookForInput = ApiInput<'staff', 'bookFor'>;

/** The `staff` function: the workbench of 街道 staff and the bureau's admin (the server checks role and 街道). */
export const staffApi = {
  streetBookings: (query: StreetBookingsQuery) => callAction('staff', 'streetBookings', query, streetBookingsSchema),
  streetBooking: (bookingId: string) => callAction('staff', 'streetBooking', { bookingId }, streetBookingSchema),
  dispatchQueue: () => callAction('staff', 'dispatchQueue', {}, dispatchQueueSchema),
  escortDay: (bookingId: string) => callAction('staff', 'escortDay', { bookingId }, escortDaySchema),
  reviewEligibility: (bookingId: string, verdict: 'verified' | 'rejected', reason?: string) =>
    callAction('staff', 'reviewEligibility', reason ? { bookingId, verdict, reason } : { bookingId, verdict }, bookingViewSchema),
  bookFor: (input: BookForInput) => callAction('staff', 'bookFor', input, bookingViewSchema),
  auditLog: (query: AuditLogQuery) => callAction('staff', 'auditLog', query, auditLogSchema),
  findPeople: (query: string) => callAction('staff', 'findPeople', { query }, peopleSchema),
  grantRoles: (userId: string, roles: Role[], streetId?: string) =>
    callAction('admin', 'grantRoles', streetId ? { userId, roles, streetId } : { userId, roles }, z.object({ id: z.string() }).loose()),
  revokeRoles: (userId: string, roles: Role[]) => callAction('admin', 'revokeRoles', { userId, roles }, z.object({ id: z.string() }).loose()),
  districtSettings: (year: number) => callAction('staff', 'districtSettings', { year }, districtSettingsSchema),
  setEscortCapacity: (streetId: string, capacity: number) =>
    callAction('staff', 'setEscortCapacity', { streetId, capacity }, z.object({ streetId: z.string(), escortDailyCapacity: z.number() })),
  setHolidayCalendar: (holidays: string[], workdays: { date: string; followsWeekday: number }[]) =>
    callAction('admin', 'setHolidayCalendar', { holidays, workdays }, z.object({ affected: z.array(bookingViewSchema).optional().default([]) }).loose()),
  setTrainingTargets: (year: number, districtTotal: number, streets: { streetId: string; target: number }[]) =>
    callAction('volunteer', 'setTrainingTargets', { year, districtTotal, streets }, z.object({ year: z.number() }).loose()),
  deadLetters: (page = 1) => callAction('notify', 'dead', { page }, deadLettersSchema),
  resend: (id: string) => callAction('notify', 'resend', { id }, z.object({ id: z.string(), state: z.string() })),
  assignEscort: (bookingId: string, providerId: string, reason?: string) =>
    callAction('admin', 'assignEscort', reason ? { bookingId, providerId, reason } : { bookingId, providerId }, bookingViewSchema),
  setServiceTargets: (year: number, measure: ServiceTargetMeasure, districtTotal: number, streets: { streetId: string; target: number }[]) =>
    callAction('staff', 'setServiceTargets', { year, measure, districtTotal, streets }, z.object({ year: z.number(), measure: z.string(), districtTotal: z.number() }).loose()),
};
