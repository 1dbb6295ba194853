import type { VolunteerApplicationInput } from '../../../shared/schemas/volunteer-registration.schema';
import type { EnrollElderInput, TakeRollInput } from '../../../shared/schemas/volunteer-training.schema';
import { callAction } from './call-function';
import {
  activityDetailSchema,
  activityListSchema,
  applicationDetailSchema,
  deletedSchema,
  myApplicationSchema,
  myPlacesSchema,
  signupStateSchema,
  // volunteer — client: check-in/out, hours, roll, classes
  activityAttendanceSchema,
  checkInResultSchema,
  checkOutResultSchema,
  classListSchema,
  classRollSchema,
  enrolmentListSchema,
  enrolmentSchema,
  hoursRecordSchema,
  myHoursSchema,
  myPlacesDaySchema,
  takeRollResultSchema,
} from './volunteer-views.schema';

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
  // volunteer — client: check-in/out, my hours, the teacher's roll, elders' class sign-up.
  activityAttendance: (activityId: string) => callAction('volunteer', 'activity', { activityId }, activityAttendanceSchema),
  myPlacesByDay: () => callAction('volunteer', 'myPlaces', {}, myPlacesDaySchema),
  checkIn: (activityId: string, code: string) => callAction('volunteer', 'checkIn', { activityId, code }, checkInResultSchema),
  checkOut: (activityId: string, code: string) => callAction('volunteer', 'checkOut', { activityId, code }, checkOutResultSchema),
  myHours: () => callAction('volunteer', 'myHours', {}, myHoursSchema),
  requestCorrection: (activityId: string, hours: number, reason: string) => callAction('volunteer', 'requestCorrection', { activityId, hours, reason }, hoursRecordSchema),
  classes: () => callAction('volunteer', 'classes', {}, classListSchema),
  enrollElder: (input: EnrollElderInput) => callAction('volunteer', 'enrollElder', input, enrolmentSchema),
  myEnrolments: () => callAction('volunteer', 'myEnrolments', {}, enrolmentListSchema),
  classRoll: (activityId: string) => callAction('volunteer', 'classRoll', { activityId }, classRollSchema),
  takeRoll: (input: TakeRollInput) => callAction('volunteer', 'takeRoll', input, takeRollResultSchema),
};
