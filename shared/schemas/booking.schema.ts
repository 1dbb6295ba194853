import { z } from 'zod';
import {
  allAdvisorTopics,
  allAdvisorVisitModes,
  allCounselingFormats,
  allCounselingTopics,
  allEscortEligibilities,
  allMobilityAids,
  allFamilyRelations,
  allServiceKinds,
} from '../domain/service-kinds';
import { allBookingStatuses } from '../domain/booking-lifecycle';
import { calendarDateSchema, dateExceptionSchema, holidayCalendarSchema, weeklyRulesSchema } from './availability.schema';
import { id, pageInput, phone, requiredText, text } from './common.schema';

/** An instant as ISO 8601 with an offset (e.g. 2026-12-01T01:00:00.000Z); parsed to a Date. */
export const instant = z.iso
  .datetime({ offset: true, message: '时间格式不对' })
  .transform((value) => new Date(value));

/** The client's id for one booking attempt; a retry with the same id never books twice. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对');

export const serviceKindSchema = z.enum(allServiceKinds);

const familyMember = z.strictObject({
  name: requiredText(20),
  phone,
  relationship: z.enum(allFamilyRelations),
});

const advisorDetails = z
  .strictObject({
    kind: z.literal('advisor'),
    topic: z.enum(allAdvisorTopics),
    mode: z.enum(allAdvisorVisitModes),
    /** Required for a home visit. */
    address: requiredText(100).optional(),
    note: text(200).optional(),
  })
  .refine((value) => value.mode !== 'home_visit' || value.address, { message: '上门服务请填写地址', path: ['address'] });

const escortDetails = z.strictObject({
  kind: z.literal('escort'),
  hospital: requiredText(60),
  department: requiredText(30),
  pickupAddress: requiredText(100),
  mobilityAids: z.array(z.enum(allMobilityAids)).max(4).default([]),
  languageNeeds: text(60).optional(),
  companionPhone: phone.optional(),
  eligibility: z.enum(allEscortEligibilities),
  streetId: id,
  note: text(200).optional(),
});

const counselingDetails = z.strictObject({
  kind: z.literal('counseling'),
  format: z.enum(allCounselingFormats),
  topic: z.enum(allCounselingTopics),
  note: text(500).optional(),
});

export const bookingDetailsSchema = z.discriminatedUnion('kind', [advisorDetails, escortDetails, counselingDetails]);
export type BookingDetails = z.output<typeof bookingDetailsSchema>;

const reason = requiredText(200);

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

export const catalogActions = {
  services: z.strictObject({}),
  streets: z.strictObject({}),
  stations: z.strictObject({ streetId: id.optional(), communityId: id.optional() }),
  providers: z.strictObject({ service: serviceKindSchema, stationId: id.optional() }),
  slots: z.strictObject({ providerId: id, from: calendarDateSchema, days: z.number().int().min(1).max(31).default(7) }),
} as const;

export const providerActions = {
  inbox: z.strictObject({ ...pageInput }),
  accept: z.strictObject({ bookingId: id }),
  decline: z.strictObject({ bookingId: id, reason }),
  complete: z.strictObject({ bookingId: id, notes: text(1000).optional() }),
  noShow: z.strictObject({ bookingId: id }),
  cancel: z.strictObject({ bookingId: id, reason }),
  schedule: z.strictObject({ date: calendarDateSchema }),
  availability: z.strictObject({ providerId: id.optional() }),
  setWeeklyRules: z.strictObject({ providerId: id.optional(), rules: weeklyRulesSchema }),
  addException: z.strictObject({ providerId: id.optional(), exception: dateExceptionSchema }),
  removeException: z.strictObject({ providerId: id.optional(), date: calendarDateSchema }),
  pool: z.strictObject({ ...pageInput }),
  claim: z.strictObject({ bookingId: id }),
} as const;

const stationFields = {
  communityId: id,
  name: requiredText(40),
  address: requiredText(100),
  hours: requiredText(60),
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
  assignEscort: z.strictObject({ bookingId: id, providerId: id, reason: text(200).optional() }),
  setHolidayCalendar: holidayCalendarSchema,
  stats: z
    .strictObject({ from: calendarDateSchema, to: calendarDateSchema, streetId: id.optional() })
    .refine((value) => value.from <= value.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
} as const;
