import { z } from 'zod';
import { allBookingStatuses } from '../domain/booking-lifecycle';
import { calendarDateSchema } from './availability.schema';
import { serviceKindSchema } from './booking-details.schema';
import { id, pageInput, text } from './common.schema';

/** The staff desk's booking actions: the bookings of a 街道, one booking, escort dispatch. */
export const staffDeskActions = {
  streetBookings: z
    .strictObject({
      service: serviceKindSchema.optional(),
      status: z.enum(allBookingStatuses).optional(),
      from: calendarDateSchema.optional(),
      to: calendarDateSchema.optional(),
      stationId: id.optional(),
      communityId: id.optional(),
      /** Admin only: one 街道 of the district; staff always see their own. */
      streetId: id.optional(),
      ...pageInput,
    })
    .refine((value) => !value.from || !value.to || value.from <= value.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
  streetBooking: z.strictObject({ bookingId: id }),
  dispatchQueue: z.strictObject({ streetId: id.optional() }),
  escortDay: z.strictObject({ bookingId: id }),
  reviewEligibility: z
    .strictObject({ bookingId: id, verdict: z.enum(['verified', 'rejected']), reason: text(200).optional() })
    .refine((value) => value.verdict !== 'rejected' || !!value.reason, { message: '请填写原因，居民会看到', path: ['reason'] }),
} as const;

export type StaffDeskAction = keyof typeof staffDeskActions;
