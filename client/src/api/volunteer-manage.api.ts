import type { ApiInput } from './api-actions';
import { callAction } from './call-function';
import {
  activityHoursSchema,
  applicationPageSchema,
  attendanceCodeSchema,
  correctionsSchema,
  createdActivitySchema,
  createdSeriesSchema,
  managedActivityPageSchema,
  managedActivitySchema,
  manageOverviewSchema,
  rosterSchema,
  seriesChangeSchema,
  staffApplicationSchema,
  trainingProgressSchema,
  trainingTargetsSchema,
} from './volunteer-manage-views.schema';
import { hoursRecordSchema } from './volunteer-manage-views.schema';

export type CreateActivityPayload = ApiInput<'volunteer', 'createActivity'>;
export type CreateSeriesPayload = ApiInput<'volunteer', 'createSeries'>;
export type ActivityChangesPayload = ApiInput<'volunteer', 'updateActivity'>['changes'];
export type TrainingTargetsPayload = ApiInput<'volunteer', 'setTrainingTargets'>;

/** volunteer — staff: the `volunteer` function as the 街道's staff (admin: the district) use it. */
export const volunteerManageApi = {
  overview: () => callAction('volunteer', 'manageOverview', {}, manageOverviewSchema),
  applications: (status: 'pending' | 'approved' | 'rejected', page = 1) => callAction('volunteer', 'applications', { status, page, pageSize: 50 }, applicationPageSchema),
  application: (applicationId: string) => callAction('volunteer', 'application', { applicationId }, staffApplicationSchema),
  approve: (applicationId: string, skills: ApiInput<'volunteer', 'approve'>['skills']) => callAction('volunteer', 'approve', { applicationId, skills }, staffApplicationSchema),
  reject: (applicationId: string, reason: string) => callAction('volunteer', 'reject', { applicationId, reason }, staffApplicationSchema),
  activities: (range: { from?: string; to?: string } = {}, page = 1) => callAction('volunteer', 'managedActivities', { ...range, page, pageSize: 50 }, managedActivityPageSchema),
  activity: (activityId: string) => callAction('volunteer', 'managedActivity', { activityId }, managedActivitySchema),
  createActivity: (input: CreateActivityPayload) => callAction('volunteer', 'createActivity', input, createdActivitySchema),
  createSeries: (input: CreateSeriesPayload) => callAction('volunteer', 'createSeries', input, createdSeriesSchema),
  updateActivity: (activityId: string, changes: ActivityChangesPayload) => callAction('volunteer', 'updateActivity', { activityId, changes }, createdActivitySchema),
  cancelActivity: (activityId: string, reason: string) => callAction('volunteer', 'cancelActivity', { activityId, reason }, createdActivitySchema),
  updateSeriesFrom: (seriesId: string, fromDate: string, changes: ApiInput<'volunteer', 'updateSeriesFrom'>['changes']) =>
    callAction('volunteer', 'updateSeriesFrom', { seriesId, fromDate, changes }, seriesChangeSchema),
  cancelSeriesFrom: (seriesId: string, fromDate: string, reason: string) => callAction('volunteer', 'cancelSeriesFrom', { seriesId, fromDate, reason }, seriesChangeSchema),
  code: (activityId: string) => callAction('volunteer', 'attendanceCode', { activityId }, attendanceCodeSchema),
  roster: (activityId: string) => callAction('volunteer', 'roster', { activityId }, rosterSchema),
  hours: (activityId: string) => callAction('volunteer', 'activityHours', { activityId }, activityHoursSchema),
  confirmHours: (activityId: string, volunteerId: string) => callAction('volunteer', 'confirmHours', { activityId, volunteerId }, hoursRecordSchema),
  correctHours: (activityId: string, volunteerId: string, hours: number, reason: string) => callAction('volunteer', 'correctHours', { activityId, volunteerId, hours, reason }, hoursRecordSchema),
  corrections: () => callAction('volunteer', 'pendingCorrections', {}, correctionsSchema),
  decideCorrection: (input: ApiInput<'volunteer', 'decideCorrection'>) => callAction('volunteer', 'decideCorrection', input, hoursRecordSchema),
  trainingProgress: (year?: number) => callAction('volunteer', 'trainingProgress', year ? { year } : {}, trainingProgressSchema),
  setTrainingTargets: (input: TrainingTargetsPayload) => callAction('volunteer', 'setTrainingTargets', input, trainingTargetsSchema),
};
