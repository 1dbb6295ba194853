import { defineFunction } from '../core/runtime/define-function';
import { activityActions, activityTimers } from './activity-actions';
import { registrationActions, registrationTimers } from './registration-actions';
import { attendanceActions, attendanceTimers } from './attendance-actions';

export const volunteerFunction = defineFunction(
  'volunteer',
  { ...registrationActions, ...activityActions, ...attendanceActions },
  { timers: [...registrationTimers, ...activityTimers, ...attendanceTimers] },
);

export const main = volunteerFunction.main;
