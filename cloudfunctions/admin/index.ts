import { adminActions, adminBookingActions as a } from '../../shared/schemas/admin.schema';
import { action, defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { districtAdminPart } from '../core/services/booking/booking.parts';
import { staffAccountsPart } from '../core/services/staff/staff.parts';
import { accessIn } from '../../shared/domain/permissions';
// staff sign-in
import { staffAccountActionGroup } from './staff-account-actions';

const access = accessIn('admin');

export const adminFunction = defineFunction('admin', {
  grantRoles: action({
    input: adminActions.grantRoles,
    access: access('grantRoles'),
    run: ({ userId, roles, streetId }, { app }) => app.services.users.grantRoles(userId, roles, streetId),
  }),
  revokeRoles: action({
    input: adminActions.revokeRoles,
    access: access('revokeRoles'),
    run: ({ userId, roles }, { app }) => app.services.users.revokeRoles(userId, roles),
  }),
  upsertStation: action({ input: a.upsertStation, access: access('upsertStation'), run: (input, { app, caller }) => app.services.districtAdmin.upsertStation(caller, input) }),
  deleteStation: action({ input: a.deleteStation, access: access('deleteStation'), run: ({ stationId }, { app }) => app.services.districtAdmin.deleteStation(stationId) }),
  upsertProvider: action({ input: a.upsertProvider, access: access('upsertProvider'), run: (input, { app }) => app.services.districtAdmin.upsertProvider(input) }),
  deactivateProvider: action({
    input: a.deactivateProvider,
    access: access('deactivateProvider'),
    run: ({ providerId }, { app }) => app.services.districtAdmin.deactivateProvider(providerId),
  }),
  assignEscort: action({
    input: a.assignEscort,
    access: access('assignEscort'),
    run: ({ bookingId, providerId, reason }, { app, caller }) => app.services.districtAdmin.assignEscort(caller, bookingId, providerId, reason),
  }),
  setHolidayCalendar: action({ input: a.setHolidayCalendar, access: access('setHolidayCalendar'), run: (calendar, { app }) => app.services.districtAdmin.setHolidayCalendar(calendar) }),
  stats: action({ input: a.stats, access: access('stats'), run: (input, { app, caller }) => app.services.districtAdmin.stats(caller, input) }),
  // staff sign-in
  ...staffAccountActionGroup,
  // stations and providers
  setStationActive: action({
    input: a.setStationActive,
    access: access('setStationActive'),
    run: ({ stationId, active }, { app, caller }) => app.services.districtAdmin.setStationActive(caller, stationId, active),
  }),
}, { services: { ...notifyParts, districtAdmin: districtAdminPart, staffAccounts: staffAccountsPart } });

export const main = adminFunction.main;
