import { z } from 'zod';
import {
  allDayParts,
  allGenders,
  allVolunteerBackgrounds,
  allVolunteerSkills,
} from '../domain/volunteer/registration-codes';
import { acceptedConsentVersions } from '../domain/volunteer/registration-consent';
import { idNumberProblem, normalizeIdNumber } from '../domain/volunteer/registration-id-number';
import { allApplicationStatuses } from '../domain/volunteer/registration-status';
import { id, pageInput, phone, requiredText, text } from './common.schema';

const skills = z
  .array(z.enum(allVolunteerSkills))
  .min(1, '请至少选一项技能')
  .max(allVolunteerSkills.length)
  .refine((list) => new Set(list).size === list.length, { message: '技能不能重复' });

const availabilitySlot = z.strictObject({ weekday: z.number().int().min(1).max(7), part: z.enum(allDayParts) });

/** An 18-digit 身份证号 with a valid check character; spaces dropped and x upper-cased first. */
export const idNumberSchema = z
  .string()
  .max(40)
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const volunteerApplicationInput = z
  .strictObject({
    name: requiredText(20),
    gender: z.enum(allGenders),
    /** Checked against the current year by the service (the schema cannot read the clock). */
    birthYear: z.number().int().min(1900).max(2100),
    phone,
    /** The 社区 the applicant lives in; its 街道 decides the application. */
    communityId: id,
    background: z.enum(allVolunteerBackgrounds),
    skills,
    /** What 其他 means, or more about a skill ("会拉二胡"). */
    skillNote: text(100).optional(),
    availability: z
      .array(availabilitySlot)
      .min(1, '请至少选一个可服务的时间')
      .max(21)
      .refine((list) => new Set(list.map((s) => `${s.weekday}:${s.part}`)).size === list.length, { message: '时间不能重复' }),
    emergencyContact: z.strictObject({ name: requiredText(20), phone }),
    /** The health self-declaration (Art. 15: tasks must suit age and health). */
    health: z.strictObject({
      /** 本人身体状况良好，能胜任所报的志愿服务. */
      fitForService: z.boolean(),
      /** Limits the organiser should know (不能久站, 高血压…); may be empty. */
      conditions: text(200).optional(),
    }),
    consent: z.strictObject({ version: z.enum(acceptedConsentVersions), agreed: z.literal(true) }),
    /** Optional: only a certificate that names it needs it. Stored encrypted, shown masked. */
    idNumber: idNumberSchema.optional(),
  })
  .refine((value) => value.emergencyContact.phone !== value.phone, {
    path: ['emergencyContact', 'phone'],
    message: '紧急联系人的电话不能和本人相同',
  });

export const volunteerRegistrationActions = {
  apply: volunteerApplicationInput,
  myApplication: z.strictObject({}),
  me: z.strictObject({}),
  deleteIdNumber: z.strictObject({}),
  leave: z.strictObject({ reason: text(200).optional() }),
  applications: z.strictObject({
    status: z.enum(allApplicationStatuses).optional(),
    /** Admin only: one 街道 of the district; staff always see their own. */
    streetId: id.optional(),
    ...pageInput,
  }),
  application: z.strictObject({ applicationId: id }),
  approve: z.strictObject({
    applicationId: id,
    /** The skills approved: a subset of those claimed (陪诊 approved also makes them an escort). */
    skills,
    note: text(200).optional(),
  }),
  reject: z.strictObject({ applicationId: id, reason: requiredText(200) }),
} as const;

export type VolunteerApplicationInput = z.output<typeof volunteerApplicationInput>;
