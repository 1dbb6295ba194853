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
const figure = z.object({ actual: z.number(), target: z.number().nullable(), share: z.number().nullable(), forecast: z.number().nullable() });
const measureKey = z.enum(['training', 'advisorConsultations', 'escortServices', 'counselingSessions']);
const measures = z.object({ training: figure, advisorConsultations: figure, escortServices: figure, counselingSessions: figure });
const pace = z.array(z.object({ month: z.string(), actual: z.number().nullable(), pace: z.number().nullable() }));
const activities = z.object({ count: z.number(), signedUp: z.number(), capacity: z.number(), fillRate: z.number().nullable() });
const volunteers = z.object({ registered: z.number(), active: z.number(), hours: z.number() });

export const dashboardSchema = z.object({
  year: z.number(),
  period: z.object({ from: z.string(), to: z.string(), wholeYear: z.boolean() }),
  asOf: z.string(),
  elapsedShare: z.number(),
  training: z.object({ personTimes: z.number(), persons: z.number(), target: z.number().nullable(), forecast: z.number().nullable(), pace }),
  measures: z.array(figure.extend({ measure: measureKey, pace })),
  volunteers: volunteers.extend({ activeSince: z.string() }),
  activities,
  shortOfVolunteers: z.array(z.object({ activityId: z.string(), title: z.string(), date: z.string(), startsAt: z.string(), streetId: z.string(), streetName: z.string(), shortBy: z.number() })),
  district: z.object({ ...training, ...services, target: z.number().nullable(), share: z.number().nullable(), measures, volunteers, activities }).nullable(),
  streets: z.array(
    z.object({
      streetId: z.string(),
      name: z.string(),
      ...training,
      ...services,
      target: z.number().nullable(),
      share: z.number().nullable(),
      forecast: z.number().nullable(),
      measures,
      volunteers,
      activities,
      communities: z.array(z.object({ communityId: z.string(), name: z.string(), ...training, ...services, volunteers: z.object({ registered: z.number() }), activities })),
    }),
  ),
});
export type Dashboard = z.output<typeof dashboardSchema>;
export type DashboardMeasureKey = z.output<typeof measureKey>;

/** A whole year, or days `from`–`to` of one year. */
export type DashboardQuery = { year: number } | { from: string; to: string };

/** The dashboard of the `staff` function (counts only; staff their 街道, admin the district). */
export const dashboardApi = {
  overview: (query?: DashboardQuery) => callAction('staff', 'dashboard', query ?? {}, dashboardSchema),
};
