import { defineFunction } from '../core/runtime/define-function';
import { registrationActions, registrationTimers } from './registration-actions';

export const volunteerFunction = defineFunction('volunteer', { ...registrationActions }, { timers: [...registrationTimers] });

export const main = volunteerFunction.main;
