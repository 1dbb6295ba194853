import { defineFunction } from '../core/runtime/define-function';
import { activityActions, activityTimers } from './activity-actions';
import { registrationActions, registrationTimers } from './registration-actions';
import { trainingActions, trainingTimers } from './training-actions';

export const volunteerFunction = defineFunction(
  'volunteer',
  { ...registrationActions, ...activityActions, ...trainingActions },
  { timers: [...registrationTimers, ...activityTimers, ...trainingTimers] },
);

export const main = volunteerFunction.main;
