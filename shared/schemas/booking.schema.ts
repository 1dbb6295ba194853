import { z } from 'zod';
import { allBookingStatuses } from '../domain/booking-lifecycle';
import { bookingDetailsSchema, familyMember, instant, requestId } from './booking-details.schema';
import { id, pageInput, phone, text } from './common.schema';

export const bookingActions = {
  create: z.strictObject({
    requestId,
    /** Advisor and counseling: the provider and one of their slots. Escort: no provider (the pool). */
    providerId: id.optional(),
    /** The slot's start (advisor, counseling) or the hospital appointment time (escort). */
    startsAt: instant,
    details: bookingDetailsSchema,
    /** Absent when booking for oneself. */
    forFamily: familyMember.optional(),
    contactPhone: phone,
  }),
  cancel: z.strictObject({ bookingId: id, reason: text(200).optional() }),
  reschedule: z.strictObject({ bookingId: id, startsAt: instant }),
  mine: z.strictObject({ status: z.enum(allBookingStatuses).optional(), ...pageInput }),
  detail: z.strictObject({ bookingId: id }),
} as const;
