import { z } from 'zod';
import type { DateExceptionInput, WeeklyRuleInput } from '../../../shared/schemas/availability.schema';
import { callFunction } from './call-function';
import { availabilityViewSchema, bookingListSchema, bookingViewSchema, setRulesResultSchema } from './views.schema';

const anyResult = z.unknown();

/** The `provider` cloud function: the people who deliver a service (the server checks the role). */
export const providerApi = {
  inbox: (page = 1) => callFunction('provider', 'inbox', { page }, bookingListSchema),
  accept: (bookingId: string) => callFunction('provider', 'accept', { bookingId }, anyResult),
  decline: (bookingId: string, reason: string) => callFunction('provider', 'decline', { bookingId, reason }, anyResult),
  complete: (bookingId: string, notes?: string) =>
    callFunction('provider', 'complete', notes ? { bookingId, notes } : { bookingId }, anyResult),
  noShow: (bookingId: string) => callFunction('provider', 'noShow', { bookingId }, anyResult),
  cancel: (bookingId: string, reason: string) => callFunction('provider', 'cancel', { bookingId, reason }, anyResult),
  schedule: (date: string) => callFunction('provider', 'schedule', { date }, bookingListSchema),
  availability: () => callFunction('provider', 'availability', {}, availabilityViewSchema),
  setWeeklyRules: (rules: WeeklyRuleInput[]) => callFunction('provider', 'setWeeklyRules', { rules }, setRulesResultSchema),
  addException: (exception: DateExceptionInput) => callFunction('provider', 'addException', { exception }, anyResult),
  removeException: (date: string) => callFunction('provider', 'removeException', { date }, anyResult),
  pool: (page = 1) => callFunction('provider', 'pool', { page }, bookingListSchema),
  claim: (bookingId: string) => callFunction('provider', 'claim', { bookingId }, bookingViewSchema),
};

export type ProviderApi = typeof providerApi;
export type SetRulesResult = z.output<typeof setRulesResultSchema>;
