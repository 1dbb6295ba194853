import type { VolunteerApplicationInput } from '../../../shared/schemas/volunteer-registration.schema';
import { callAction } from './call-function';
import {
  activityDetailSchema,
  activityListSchema,
  applicationDetailSchema,
  deletedSchema,
  myApplicationSchema,
  myPlacesSchema,
  signupStateSchema,
} from './volunteer-views.schema';
// volunteer — hours
import { myHoursSchema } from './volunteer-views.schema';

export type ApplyInput = VolunteerApplicationInput;

/** The `volunteer` function (银龄行动), the volunteer's side; the server checks roles on every call. */
export const volunteerApi = {
  myApplication: () => callAction('volunteer', 'myApplication', {}, myApplicationSchema),
  apply: (input: ApplyInput) => callAction('volunteer', 'apply', input, applicationDetailSchema),
  deleteIdNumber: () => callAction('volunteer', 'deleteIdNumber', {}, deletedSchema),
  leave: () => callAction('volunteer', 'leave', {}, applicationDetailSchema),
  activities: (page = 1) => callAction('volunteer', 'activities', { page, pageSize: 50 }, activityListSchema),
  activity: (activityId: string) => callAction('volunteer', 'activity', { activityId }, activityDetailSchema),
  signUp: (activityId: string, role: string) => callAction('volunteer', 'signUp', { activityId, role }, signupStateSchema),
  withdraw: (activityId: string) => callAction('volunteer', 'withdraw', { activityId }, signupStateSchema),
  confirmOffer: (activityId: string) => callAction('volunteer', 'confirmOffer', { activityId }, signupStateSchema),
  declineOffer: (activityId: string) => callAction('volunteer', 'declineOffer', { activityId }, signupStateSchema),
  myPlaces: () => callAction('volunteer', 'myPlaces', {}, myPlacesSchema),
  // volunteer — hours
  myHours: () => callAction('volunteer', 'myHours', {}, myHoursSchema),
};
