import { defineFunction } from '../core/runtime/define-function';
import { activityActions, activityTimers } from './activity-actions';
import { registrationActions, registrationTimers } from './registration-actions';

export const volunteerFunction = defineFunction(
  'volunteer',
  { ...registrationActions, ...activityActions },
  { timers: [...registrationTimers, ...activityTimers] },
);

export const main = volunteerFunction.main;
