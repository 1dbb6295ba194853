import { adminActions, adminBookingActions as a } from '../../shared/schemas/admin.schema';
import { action, defineFunction } from '../core/runtime/define-function';

export const adminFunction = defineFunction('admin', {
  grantRoles: action({
    input: adminActions.grantRoles,
    access: ['admin'],
    run: ({ userId, roles, streetId }, { app }) => app.services.users.grantRoles(userId, roles, streetId),
  }),
  revokeRoles: action({
    input: adminActions.revokeRoles,
    access: ['admin'],
    run: ({ userId, roles }, { app }) => app.services.users.revokeRoles(userId, roles),
  }),
  upsertStation: action({ input: a.upsertStation, access: ['admin'], run: (input, { app }) => app.services.districtAdmin.upsertStation(input) }),
  deleteStation: action({ input: a.deleteStation, access: ['admin'], run: ({ stationId }, { app }) => app.services.districtAdmin.deleteStation(stationId) }),
  upsertProvider: action({ input: a.upsertProvider, access: ['admin'], run: (input, { app }) => app.services.districtAdmin.upsertProvider(input) }),
  deactivateProvider: action({
    input: a.deactivateProvider,
    access: ['admin'],
    run: ({ providerId }, { app }) => app.services.districtAdmin.deactivateProvider(providerId),
  }),
  assignEscort: action({
    input: a.assignEscort,
    access: ['staff', 'admin'],
    run: ({ bookingId, providerId, reason }, { app, caller }) => app.services.districtAdmin.assignEscort(caller, bookingId, providerId, reason),
  }),
  setHolidayCalendar: action({ input: a.setHolidayCalendar, access: ['admin'], run: (calendar, { app }) => app.services.districtAdmin.setHolidayCalendar(calendar) }),
  stats: action({ input: a.stats, access: ['staff', 'admin'], run: (input, { app, caller }) => app.services.districtAdmin.stats(caller, input) }),
});

export const main = adminFunction.main;
