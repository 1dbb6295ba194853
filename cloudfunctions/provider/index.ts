import { providerActions } from '../../shared/schemas/provider.schema';
import { action, defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { availabilityPart, providerWorkPart } from '../core/services/booking/booking.parts';
import { accessIn } from '../../shared/domain/permissions';

const access = accessIn('provider');

export const providerFunction = defineFunction('provider', {
  inbox: action({ input: providerActions.inbox, access: access('inbox'), run: ({ page, pageSize }, { app, caller }) => app.services.providerWork.inbox(caller, page, pageSize) }),
  accept: action({ input: providerActions.accept, access: access('accept'), run: ({ bookingId }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'confirmed', 'accept') }),
  decline: action({
    input: providerActions.decline,
    access: access('decline'),
    run: ({ bookingId, reason }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'declined', 'decline', { reason }),
  }),
  complete: action({
    input: providerActions.complete,
    access: access('complete'),
    run: ({ bookingId, notes }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'completed', 'complete', { notes }),
  }),
  noShow: action({ input: providerActions.noShow, access: access('noShow'), run: ({ bookingId }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'no_show', 'no_show') }),
  cancel: action({
    input: providerActions.cancel,
    access: access('cancel'),
    run: ({ bookingId, reason }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'cancelled', 'cancel', { reason }),
  }),
  schedule: action({ input: providerActions.schedule, access: access('schedule'), run: ({ date }, { app, caller }) => app.services.providerWork.schedule(caller, date) }),
  availability: action({ input: providerActions.availability, access: access('availability'), run: ({ providerId }, { app, caller }) => app.services.availability.get(caller, providerId) }),
  setWeeklyRules: action({
    input: providerActions.setWeeklyRules,
    access: access('setWeeklyRules'),
    run: ({ providerId, rules }, { app, caller }) => app.services.availability.setWeeklyRules(caller, providerId, rules),
  }),
  addException: action({
    input: providerActions.addException,
    access: access('addException'),
    run: ({ providerId, exception }, { app, caller }) => app.services.availability.addException(caller, providerId, exception),
  }),
  removeException: action({
    input: providerActions.removeException,
    access: access('removeException'),
    run: ({ providerId, date }, { app, caller }) => app.services.availability.removeException(caller, providerId, date),
  }),
  pool: action({ input: providerActions.pool, access: access('pool'), run: ({ page, pageSize }, { app, caller }) => app.services.providerWork.pool(caller, page, pageSize) }),
  claim: action({ input: providerActions.claim, access: access('claim'), run: ({ bookingId }, { app, caller }) => app.services.providerWork.claim(caller, bookingId) }),
}, { services: { ...notifyParts, availability: availabilityPart, providerWork: providerWorkPart } });

export const main = providerFunction.main;
