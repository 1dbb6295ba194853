import { defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { staffBookingsPart } from '../core/services/booking/booking.parts';
import { dashboardPart, districtSettingsPart } from '../core/services/staff/staff.parts';
import { trainingProgressPart } from '../core/services/volunteer/volunteer.parts';
import { bookingDeskActions } from './booking-desk-actions';
import { auditActions } from './audit-actions';
import { districtSettingsActions } from './district-settings-actions';
import { dashboardActions } from './dashboard-actions';

/** The staff workbench's server: 街道 staff and the bureau's admin run the district from here. */
export const staffFunction = defineFunction('staff', { ...bookingDeskActions, ...auditActions, ...districtSettingsActions, ...dashboardActions }, {
  services: {
    ...notifyParts,
    staffBookings: staffBookingsPart,
    districtSettings: districtSettingsPart,
    dashboard: dashboardPart,
    // the dashboard's training figures
    trainingProgress: trainingProgressPart,
  },
});

export const main = staffFunction.main;
