import { defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { staffBookingsPart } from '../core/services/booking/booking.parts';
import { dashboardPart, districtSettingsPart, stationDeskPart } from '../core/services/staff/staff.parts';
import { bookingDeskActions } from './booking-desk-actions';
import { auditActions } from './audit-actions';
import { districtSettingsActions } from './district-settings-actions';
import { dashboardActions } from './dashboard-actions';
// stations and providers
import { stationActions } from './station-actions';

/** The staff workbench's server: 街道 staff and the bureau's admin run the district from here. */
export const staffFunction = defineFunction('staff', { ...bookingDeskActions, ...auditActions, ...districtSettingsActions, ...dashboardActions, ...stationActions }, {
  services: {
    ...notifyParts,
    staffBookings: staffBookingsPart,
    districtSettings: districtSettingsPart,
    dashboard: dashboardPart,
    // stations and providers
    stationDesk: stationDeskPart,
  },
});

export const main = staffFunction.main;
