import type { BookingStatus } from '../../../shared/domain/booking-lifecycle';
import type { ApiInput } from './api-actions';
import { callAction } from './call-function';
import { bookingDetailSchema, bookingPageSchema, bookingViewSchema } from './views.schema';

/** The payload of `booking.create` as the client sends it (startsAt as an ISO string). */
export type CreateBookingInput = ApiInput<'booking', 'create'>;

/** The `booking` cloud function: a resident's own bookings. */
export const bookingApi = {
  create: (input: CreateBookingInput) => callAction('booking', 'create', input, bookingViewSchema),
  cancel: (bookingId: string, reason?: string) =>
    callAction('booking', 'cancel', reason ? { bookingId, reason } : { bookingId }, bookingViewSchema),
  reschedule: (bookingId: string, startsAt: string) => callAction('booking', 'reschedule', { bookingId, startsAt }, bookingViewSchema),
  mine: (query: { status?: BookingStatus; page?: number; pageSize?: number } = {}) => callAction('booking', 'mine', query, bookingPageSchema),
  detail: (bookingId: string) => callAction('booking', 'detail', { bookingId }, bookingDetailSchema),
};
