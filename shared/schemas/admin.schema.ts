import { z } from 'zod';
import { calendarDateSchema, holidayCalendarSchema } from './availability.schema';
import { serviceKindSchema } from './booking-details.schema';
import { id, requiredText, text } from './common.schema';
import { roleSchema } from './user.schema';
import { openingHoursSchema } from './opening-hours.schema';

export const adminActions = {
  grantRoles: z.strictObject({
    userId: id,
    roles: z.array(roleSchema).min(1).max(7),
    /** Required when granting staff: the 街道 they serve. */
    streetId: id.optional(),
  }),
  revokeRoles: z.strictObject({
    userId: id,
    roles: z.array(roleSchema).min(1).max(7),
  }),
} as const;

export type AdminAction = keyof typeof adminActions;

const stationFields = {
  communityId: id,
  name: requiredText(40),
  address: requiredText(100),
  /** Weekday rows with a start and an end; the one-line `hours` residents read is made from them. */
  openingHours: openingHoursSchema,
  phone: z.string().regex(/^[0-9-]{7,20}$/, '电话格式不对'),
};

export const adminBookingActions = {
  upsertStation: z.strictObject({ stationId: id.optional(), ...stationFields }),
  deleteStation: z.strictObject({ stationId: id }),
  upsertProvider: z.strictObject({
    providerId: id.optional(),
    userId: id,
    kind: serviceKindSchema,
    name: requiredText(20),
    stationId: id.nullable().default(null),
    venue: requiredText(60),
    intro: text(200).default(''),
  }),
  deactivateProvider: z.strictObject({ providerId: id }),
  /** Takes a station off the map (kept, shown as 已停用) or puts it back. */
  setStationActive: z.strictObject({ stationId: id, active: z.boolean() }),
  assignEscort: z.strictObject({ bookingId: id, providerId: id, reason: text(200).optional() }),
  setHolidayCalendar: holidayCalendarSchema,
  stats: z
    .strictObject({ from: calendarDateSchema, to: calendarDateSchema, streetId: id.optional() })
    .refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
} as const;
