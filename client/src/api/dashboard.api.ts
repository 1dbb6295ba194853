import { z } from 'zod';
import { callAction } from './call-function';

const services = {
  advisorConsultations: z.number(),
  escortServices: z.number(),
  escortForHardship: z.number(),
  escortFree: z.number(),
  counselingSessions: z.number(),
};
const training = { personTimes: z.number(), persons: z.number() };

export const dashboardSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  elapsedShare: z.number(),
  training: z.object({
    personTimes: z.number(),
    target: z.number().nullable(),
    forecast: z.number().nullable(),
    pace: z.array(z.object({ month: z.string(), actual: z.number().nullable(), pace: z.number().nullable() })),
  }),
  district: z.object({ ...training, ...services, target: z.number().nullable(), share: z.number().nullable() }).nullable(),
  streets: z.array(
    z.object({
      streetId: z.string(),
      name: z.string(),
      ...training,
      ...services,
      target: z.number().nullable(),
      share: z.number().nullable(),
      forecast: z.number().nullable(),
      communities: z.array(z.object({ communityId: z.string(), name: z.string(), ...training, ...services })),
    }),
  ),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/** The dashboard of the `staff` function (counts only; staff their 街道, admin the district). */
export const dashboardApi = {
  overview: (year?: number) => callAction('staff', 'dashboard', year ? { year } : {}, dashboardSchema),
};
