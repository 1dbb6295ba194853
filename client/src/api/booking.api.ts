import type { z } from 'zod';
import type { BookingStatus } from '../../../shared/domain/booking-lifecycle';
import type { bookingActions } from '../../../shared/schemas/booking.schema';
import { callFunction } from './call-function';
import { bookingDetailSchema, bookingPageSchema, bookingViewSchema } from './views.schema';

/** The payload of `booking.create` as the client sends it (startsAt as an ISO string). */
export type CreateBookingInput = z.input<(typeof bookingActions)['create']>;

/** The `booking` cloud function: a resident's own bookings. */
export const bookingApi = {
  create: (input: CreateBookingInput) => callFunction('booking', 'create', input, bookingViewSchema),
  cancel: (bookingId: string, reason?: string) =>
    callFunction('booking', 'cancel', reason ? { bookingId, reason } : { bookingId }, bookingViewSchema),
  reschedule: (bookingId: string, startsAt: string) => callFunction('booking', 'reschedule', { bookingId, startsAt }, bookingViewSchema),
  mine: (query: { status?: BookingStatus; page?: number; pageSize?: number } = {}) => callFunction('booking', 'mine', query, bookingPageSchema),
  detail: (bookingId: string) => callFunction('booking', 'detail', { bookingId }, bookingDetailSchema),
};
