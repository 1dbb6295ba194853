import { z } from 'zod';
import { activityKindCodes } from '../domain/volunteer/activity-rules';
import { allVolunteerSkills } from '../domain/volunteer/registration-codes';
import { calendarDateSchema, wallTimeSchema } from './availability.schema';
import { instant } from './booking-details.schema';
import { id, pageInput, phone, requiredText, text } from './common.schema';

/** A role's code is part of claim keys (`place:<activity>:<role>`): short and of safe characters. */
const roleCode = z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, '岗位代码须为小写字母、数字或下划线');

const role = z.strictObject({
  code: roleCode,
  /** What people read: 主讲, 助教. */
  label: requiredText(20),
  count: z.number().int().min(1, '人数至少 1 人').max(200, '人数最多 200 人'),
  skills: z.array(z.enum(allVolunteerSkills)).max(allVolunteerSkills.length),
});

const roles = z
  .array(role)
  .min(1, '至少要有一个岗位')
  .max(10, '岗位最多 10 个')
  .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { message: '岗位代码不能重复' });

/** What staff write about an activity besides its times: shared by one-off activities and series. */
const activityText = {
  kind: z.enum(activityKindCodes),
  title: requiredText(40),
  description: text(1000),
  place: requiredText(100),
  communityId: id,
  roles,
  riskNote: text(300),
  insuranceRequired: z.boolean(),
  /** What to bring, shown before sign-up. */
  bring: text(200),
  /** The organizer's phone, given to a volunteer who can no longer withdraw in the app. */
  contactPhone: phone,
  /** volunteer — training: seats for elders in a 智能技术培训课 (absent: none). */
  elderSeats: z.number().int().min(0, '座位数不能为负').max(500, '座位最多 500 个').optional(),
};

/** The text fields that may change on an activity or a series from a date on. */
const textChanges = z
  .strictObject({
    title: requiredText(40).optional(),
    description: text(1000).optional(),
    place: requiredText(100).optional(),
    riskNote: text(300).optional(),
    insuranceRequired: z.boolean().optional(),
    bring: text(200).optional(),
    contactPhone: phone.optional(),
  });

const hoursBefore = (max: number) => z.number().int().min(0).max(max);

export const volunteerActivityActions = {
  createActivity: z.strictObject({
    ...activityText,
    startsAt: instant,
    endsAt: instant,
    signUpOpensAt: instant,
    signUpClosesAt: instant,
    withdrawCutoffAt: instant,
  }),
  updateActivity: z.strictObject({
    activityId: id,
    changes: textChanges.extend({ startsAt: instant.optional(), endsAt: instant.optional() }),
  }),
  cancelActivity: z.strictObject({ activityId: id, reason: requiredText(200) }),
  createSeries: z.strictObject({
    ...activityText,
    /** Weekly on the weekday of `firstDate`, up to `lastDate` (district dates). */
    firstDate: calendarDateSchema,
    lastDate: calendarDateSchema,
    startTime: wallTimeSchema,
    endTime: wallTimeSchema,
    /** Each session's sign-up opens this many days before it and closes this many hours before. */
    signUpOpensDaysBefore: z.number().int().min(0).max(60),
    signUpClosesHoursBefore: hoursBefore(72),
    withdrawCutoffHoursBefore: hoursBefore(168),
  }),
  updateSeriesFrom: z.strictObject({ seriesId: id, fromDate: calendarDateSchema, changes: textChanges }),
  cancelSeriesFrom: z.strictObject({ seriesId: id, fromDate: calendarDateSchema, reason: requiredText(200) }),
  activities: z.strictObject({ ...pageInput }),
  activity: z.strictObject({ activityId: id }),
  signUp: z.strictObject({ activityId: id, role: roleCode }),
  withdraw: z.strictObject({ activityId: id }),
  myPlaces: z.strictObject({}),
  confirmOffer: z.strictObject({ activityId: id }),
  declineOffer: z.strictObject({ activityId: id }),
} as const;

export type CreateActivityInput = z.output<typeof volunteerActivityActions.createActivity>;
export type CreateSeriesInput = z.output<typeof volunteerActivityActions.createSeries>;
export type ActivityTextChanges = z.output<typeof textChanges>;
export type ActivityChanges = z.output<typeof volunteerActivityActions.updateActivity>['changes'];
