import type { ApiInput } from './api-actions';
import { callAction } from './call-function';
import { auditLogSchema, dispatchQueueSchema, escortDaySchema, streetBookingSchema, streetBookingsSchema } from './staff-views.schema';
import { bookingViewSchema } from './views.schema';

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
  assignEscort: (bookingId: string, providerId: string, reason?: string) =>
    callAction('admin', 'assignEscort', reason ? { bookingId, providerId, reason } : { bookingId, providerId }, bookingViewSchema),
};
