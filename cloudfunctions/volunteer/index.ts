import { defineFunction } from '../core/runtime/define-function';
import { activityActions, activityTimers } from './activity-actions';

export const volunteerFunction = defineFunction('volunteer', { ...activityActions }, { timers: [...activityTimers] });

export const main = volunteerFunction.main;
