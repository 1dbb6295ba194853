import { z } from 'zod';
import { calendarDateSchema } from './availability.schema';
import { id, pageInput } from './common.schema';

/**
 * volunteer — staff: what the 街道's staff (admin: the district) read to run 银龄行动: the counts on
 * their hub, their activities with how full each is, one activity to edit, the corrections waiting
 * for a decision. `streetId` is admin's filter; staff always get their own 街道.
 */
export const volunteerManageActions = {
  manageOverview: z.strictObject({ streetId: id.optional() }),
  /** Activities starting from `from` (default: today, district date) to `to` (inclusive), soonest first. */
  managedActivities: z.strictObject({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional(), streetId: id.optional(), ...pageInput }),
  managedActivity: z.strictObject({ activityId: id }),
  pendingCorrections: z.strictObject({ streetId: id.optional() }),
} as const;

export type ManagedActivitiesInput = z.output<typeof volunteerManageActions.managedActivities>;
