import { defineFunction } from '../core/runtime/define-function';
import { activityActions, activityTimers } from './activity-actions';
import { registrationActions, registrationTimers } from './registration-actions';
import { attendanceActions, attendanceTimers } from './attendance-actions';
import { trainingActions, trainingTimers } from './training-actions';
// volunteer — staff
import { manageActions } from './manage-actions';

export const volunteerFunction = defineFunction(
  'volunteer',
  { ...registrationActions, ...activityActions, ...attendanceActions, ...trainingActions, ...manageActions },
  { timers: [...registrationTimers, ...activityTimers, ...attendanceTimers, ...trainingTimers] },
);

export const main = volunteerFunction.main;
