import { z } from 'zod';
import { allBookingStatuses } from '../domain/booking-lifecycle';
import { serviceTargetMeasures } from '../domain/dashboard-measures';
import { calendarDateSchema } from './availability.schema';
import { bookingDetailsSchema, instant, requestId, serviceKindSchema } from './booking-details.schema';
import { id, pageInput, phone, requiredText, text } from './common.schema';

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
  /** 代办: a booking for a walk-in or phone caller of the caller's 街道; the staff member is its booker of record. */
  bookFor: z.strictObject({
    elder: z.strictObject({ name: requiredText(20), phone, communityId: id }),
    requestId,
    providerId: id.optional(),
    startsAt: instant,
    details: bookingDetailsSchema,
    /** Who the provider calls; the elder's phone when absent. */
    contactPhone: phone.optional(),
  }),
  reviewEligibility: z
    .strictObject({ bookingId: id, verdict: z.enum(['verified', 'rejected']), reason: text(200).optional() })
    .refine((value) => value.verdict !== 'rejected' || !!value.reason, { message: '请填写原因，居民会看到', path: ['reason'] }),
  /**
   * The dashboard of a year (this year when absent) or of the days `from`–`to` of one year: staff
   * their 街道, admin the district or one 街道.
   */
  dashboard: z
    .strictObject({ year: z.number().int().min(2020).max(2100).optional(), from: calendarDateSchema.optional(), to: calendarDateSchema.optional(), streetId: id.optional() })
    .refine((value) => !value.from === !value.to, { message: '开始和结束日期要一起填', path: ['to'] })
    .refine((value) => !value.from || value.year === undefined, { message: '按年份或按时段，二选一', path: ['year'] }),
  /** Admin: people to grant a role to, by an 11-digit phone or part of a name; results masked. */
  findPeople: z.strictObject({ query: requiredText(20) }),
  /** Admin: the district settings as they stand (escort places, holidays, a year's training targets). */
  districtSettings: z.strictObject({ year: z.number().int().min(2020).max(2100) }),
  /** Admin: a 街道's escort places per day (new requests count against it; booked ones stay). */
  setEscortCapacity: z.strictObject({ streetId: id, capacity: z.number().int().min(0).max(200) }),
  /** Admin: the audit log, newest first. */
  auditLog: z
    .strictObject({
      actorId: id.optional(),
      /** `function.action` (the event's own `action` names the call). */
      actionName: z.string().regex(/^[a-z]+\.[A-Za-z]{1,40}$/, '操作格式不对').optional(),
      kind: z.enum(['view_person', 'change']).optional(),
      /** Any id a logged call named: a booking, a person, an activity. */
      targetId: id.optional(),
      from: calendarDateSchema.optional(),
      to: calendarDateSchema.optional(),
      ...pageInput,
    })
    .refine((value) => !value.from || !value.to || value.from <= value.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
  /** Admin: a year's target of one service measure, for the district and split over the 街道. */
  setServiceTargets: z.strictObject({
    year: z.number().int().min(2020).max(2100),
    measure: z.enum(serviceTargetMeasures),
    districtTotal: z.number().int().min(0).max(10_000_000),
    streets: z.array(z.strictObject({ streetId: id, target: z.number().int().min(0).max(10_000_000) })).min(1).max(50),
  }),
} as const;

export type StaffDeskAction = keyof typeof staffDeskActions;
