import { z } from 'zod';
import { ageBandCodes } from '../domain/volunteer/training-rules';
import { id, requiredText } from './common.schema';

/** Who an elder is on a roll: name, community and age band; never a phone or an ID number. */
const elder = {
  name: requiredText(20),
  communityId: id,
  ageBand: z.enum(ageBandCodes),
};

const year = z.number().int().min(2020).max(2100);

export const volunteerTrainingActions = {
  /** Upcoming classes with seats for elders (what a resident enrols in). */
  classes: z.strictObject({}),
  /** `self`: the caller is the elder; `family`: a family member, with no phone or ID needed. */
  enrollElder: z.strictObject({ activityId: id, who: z.enum(['self', 'family']), ...elder }),
  /** The caller's enrolments (their own and their family members'). */
  myEnrolments: z.strictObject({}),
  classRoll: z.strictObject({ activityId: id }),
  takeRoll: z.strictObject({
    activityId: id,
    /** Elders ticked present: enrolled, seen at an earlier session, or picked from the roll. */
    present: z.array(id).max(200).default([]),
    /**
     * Elders who came without enrolling. `key` is chosen by the teacher's phone per walk-in, so a
     * roll sent twice (a retry on a bad connection) adds each of them once.
     */
    walkIns: z.array(z.strictObject({ key: id, ...elder })).max(100).default([]),
  }),
  setTrainingTargets: z.strictObject({
    year,
    districtTotal: z.number().int().min(0).max(10_000_000),
    streets: z
      .array(z.strictObject({ streetId: id, target: z.number().int().min(0).max(10_000_000) }))
      .max(100)
      .refine((list) => new Set(list.map((s) => s.streetId)).size === list.length, { message: '街道不能重复' }),
  }),
  /** Admin: the district or one 街道 (`streetId`); staff: always their own 街道. Default year: this one. */
  trainingProgress: z.strictObject({ year: year.optional(), streetId: id.optional() }),
} as const;

export type EnrollElderInput = z.output<typeof volunteerTrainingActions.enrollElder>;
export type TakeRollInput = z.output<typeof volunteerTrainingActions.takeRoll>;
export type TrainingTargetsInput = z.output<typeof volunteerTrainingActions.setTrainingTargets>;
