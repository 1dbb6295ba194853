import type { z } from 'zod';
import type { DateExceptionInput, WeeklyRuleInput } from '../../../shared/schemas/availability.schema';
import { callAction } from './call-function';
import { availabilityViewSchema, bookingListSchema, bookingViewSchema, setRulesResultSchema } from './views.schema';

/** The `provider` cloud function: the people who deliver a service (the server checks the role). */
export const providerApi = {
  inbox: (page = 1) => callAction('provider', 'inbox', { page }, bookingListSchema),
  accept: (bookingId: string) => callAction('provider', 'accept', { bookingId }, bookingViewSchema),
  decline: (bookingId: string, reason: string) => callAction('provider', 'decline', { bookingId, reason }, bookingViewSchema),
  complete: (bookingId: string, notes?: string) =>
    callAction('provider', 'complete', notes ? { bookingId, notes } : { bookingId }, bookingViewSchema),
  noShow: (bookingId: string) => callAction('provider', 'noShow', { bookingId }, bookingViewSchema),
  cancel: (bookingId: string, reason: string) => callAction('provider', 'cancel', { bookingId, reason }, bookingViewSchema),
  schedule: (date: string) => callAction('provider', 'schedule', { date }, bookingListSchema),
  availability: () => callAction('provider', 'availability', {}, availabilityViewSchema),
  setWeeklyRules: (rules: WeeklyRuleInput[]) => callAction('provider', 'setWeeklyRules', { rules }, setRulesResultSchema),
  addException: (exception: DateExceptionInput) => callAction('provider', 'addException', { exception }, setRulesResultSchema),
  removeException: (date: string) => callAction('provider', 'removeException', { date }, setRulesResultSchema),
  pool: (page = 1) => callAction('provider', 'pool', { page }, bookingListSchema),
  claim: (bookingId: string) => callAction('provider', 'claim', { bookingId }, bookingViewSchema),
};

export type ProviderApi = typeof providerApi;
export type SetRulesResult = z.output<typeof setRulesResultSchema>;
