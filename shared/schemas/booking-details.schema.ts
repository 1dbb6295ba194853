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
import { id, phone, requiredText, text } from './common.schema';

/** An instant as ISO 8601 with an offset (e.g. 2026-12-01T01:00:00.000Z); parsed to a Date. */
export const instant = z.iso
  .datetime({ offset: true, message: '时间格式不对' })
  .transform((value) => new Date(value));

/** The client's id for one booking attempt; a retry with the same id never books twice. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对');

export const serviceKindSchema = z.enum(allServiceKinds);

export const familyMember = z.strictObject({
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
