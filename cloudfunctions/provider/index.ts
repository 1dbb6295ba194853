import { providerActions } from '../../shared/schemas/provider.schema';
import { action, defineFunction } from '../core/runtime/define-function';

const providers = ['advisor', 'counselor', 'escort', 'staff', 'admin'] as const;
const slotKeepers = ['advisor', 'counselor', 'staff', 'admin'] as const;

export const providerFunction = defineFunction('provider', {
  inbox: action({ input: providerActions.inbox, access: providers, run: ({ page, pageSize }, { app, caller }) => app.services.providerWork.inbox(caller, page, pageSize) }),
  accept: action({ input: providerActions.accept, access: providers, run: ({ bookingId }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'confirmed', 'accept') }),
  decline: action({
    input: providerActions.decline,
    access: providers,
    run: ({ bookingId, reason }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'declined', 'decline', { reason }),
  }),
  complete: action({
    input: providerActions.complete,
    access: providers,
    run: ({ bookingId, notes }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'completed', 'complete', { notes }),
  }),
  noShow: action({ input: providerActions.noShow, access: providers, run: ({ bookingId }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'no_show', 'no_show') }),
  cancel: action({
    input: providerActions.cancel,
    access: providers,
    run: ({ bookingId, reason }, { app, caller }) => app.services.providerWork.act(caller, bookingId, 'cancelled', 'cancel', { reason }),
  }),
  schedule: action({ input: providerActions.schedule, access: providers, run: ({ date }, { app, caller }) => app.services.providerWork.schedule(caller, date) }),
  availability: action({ input: providerActions.availability, access: slotKeepers, run: ({ providerId }, { app, caller }) => app.services.availability.get(caller, providerId) }),
  setWeeklyRules: action({
    input: providerActions.setWeeklyRules,
    access: slotKeepers,
    run: ({ providerId, rules }, { app, caller }) => app.services.availability.setWeeklyRules(caller, providerId, rules),
  }),
  addException: action({
    input: providerActions.addException,
    access: slotKeepers,
    run: ({ providerId, exception }, { app, caller }) => app.services.availability.addException(caller, providerId, exception),
  }),
  removeException: action({
    input: providerActions.removeException,
    access: slotKeepers,
    run: ({ providerId, date }, { app, caller }) => app.services.availability.removeException(caller, providerId, date),
  }),
  pool: action({ input: providerActions.pool, access: ['escort'], run: ({ page, pageSize }, { app, caller }) => app.services.providerWork.pool(caller, page, pageSize) }),
  claim: action({ input: providerActions.claim, access: ['escort'], run: ({ bookingId }, { app, caller }) => app.services.providerWork.claim(caller, bookingId) }),
});

export const main = providerFunction.main;
