import { bookingActions } from '../../shared/schemas/booking.schema';
import { action, defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { bookingsPart, maintenancePart } from '../core/services/booking/booking.parts';
import { accessIn } from '../../shared/domain/permissions';

const access = accessIn('booking');

export const bookingFunction = defineFunction(
  'booking',
  {
    create: action({ input: bookingActions.create, access: access('create'), run: (input, { app, caller }) => app.services.bookings.create(caller, input) }),
    cancel: action({
      input: bookingActions.cancel,
      access: access('cancel'),
      run: ({ bookingId, reason }, { app, caller }) => app.services.bookings.cancel(caller, bookingId, reason),
    }),
    reschedule: action({
      input: bookingActions.reschedule,
      access: access('reschedule'),
      run: ({ bookingId, startsAt }, { app, caller }) => app.services.bookings.reschedule(caller, bookingId, startsAt),
    }),
    mine: action({ input: bookingActions.mine, access: access('mine'), run: (query, { app, caller }) => app.services.bookings.mine(caller, query) }),
    detail: action({ input: bookingActions.detail, access: access('detail'), run: ({ bookingId }, { app, caller }) => app.services.bookings.detail(caller, bookingId) }),
  },
  {
    services: { ...notifyParts, bookings: bookingsPart, maintenance: maintenancePart },
    timers: [
      { name: 'expireRequests', everyMinutes: 5, run: (app) => app.services.maintenance.expireRequests() },
      { name: 'repairHolds', everyMinutes: 1, run: (app) => app.services.maintenance.repair() },
    ],
  },
);

export const main = bookingFunction.main;
