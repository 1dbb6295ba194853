import { volunteerActivityActions as input } from '../../shared/schemas/volunteer-activity.schema';
import { action } from '../core/runtime/define-function';
import { accessIn } from '../../shared/domain/permissions';
import type { TimerSpec } from '../core/runtime/define-function';

const access = accessIn('volunteer');

/** The activity actions of the volunteer function (activities, series, places, waiting list, offers). */
export const activityActions = {
  createActivity: action({ input: input.createActivity, access: access('createActivity'), run: (i, { app, caller }) => app.services.activityAdmin.create(caller, i) }),
  updateActivity: action({
    input: input.updateActivity,
    access: access('updateActivity'),
    run: ({ activityId, changes }, { app, caller }) => app.services.activityAdmin.update(caller, activityId, changes),
  }),
  cancelActivity: action({
    input: input.cancelActivity,
    access: access('cancelActivity'),
    run: ({ activityId, reason }, { app, caller }) => app.services.activityAdmin.cancel(caller, activityId, reason),
  }),
  createSeries: action({ input: input.createSeries, access: access('createSeries'), run: (i, { app, caller }) => app.services.activityAdmin.createSeries(caller, i) }),
  updateSeriesFrom: action({
    input: input.updateSeriesFrom,
    access: access('updateSeriesFrom'),
    run: ({ seriesId, fromDate, changes }, { app, caller }) => app.services.activityAdmin.updateSeriesFrom(caller, seriesId, fromDate, changes),
  }),
  cancelSeriesFrom: action({
    input: input.cancelSeriesFrom,
    access: access('cancelSeriesFrom'),
    run: ({ seriesId, fromDate, reason }, { app, caller }) => app.services.activityAdmin.cancelSeriesFrom(caller, seriesId, fromDate, reason),
  }),
  activities: action({ input: input.activities, access: access('activities'), run: ({ page, pageSize }, { app, caller }) => app.services.activityQuery.list(caller, page, pageSize) }),
  activity: action({ input: input.activity, access: access('activity'), run: ({ activityId }, { app, caller }) => app.services.activityQuery.detail(caller, activityId) }),
  signUp: action({ input: input.signUp, access: access('signUp'), run: ({ activityId, role }, { app, caller }) => app.services.activitySignup.signUp(caller, activityId, role) }),
  withdraw: action({ input: input.withdraw, access: access('withdraw'), run: ({ activityId }, { app, caller }) => app.services.activitySignup.withdraw(caller, activityId) }),
  myPlaces: action({ input: input.myPlaces, access: access('myPlaces'), run: (_i, { app, caller }) => app.services.activityQuery.myPlaces(caller) }),
  confirmOffer: action({
    input: input.confirmOffer,
    access: access('confirmOffer'),
    run: ({ activityId }, { app, caller }) => app.services.activitySignup.answerOffer(caller, activityId, 'confirmed'),
  }),
  declineOffer: action({
    input: input.declineOffer,
    access: access('declineOffer'),
    run: ({ activityId }, { app, caller }) => app.services.activitySignup.answerOffer(caller, activityId, 'declined'),
  }),
};

/** Offers not confirmed in time pass on; interrupted sign-ups and offers are finished or undone. */
export const activityTimers: TimerSpec[] = [
  { name: 'expireOffers', everyMinutes: 1, run: (app) => app.services.activityMaintenance.expireOffers() },
  { name: 'repairActivities', everyMinutes: 1, run: (app) => app.services.activityMaintenance.repair() },
];
