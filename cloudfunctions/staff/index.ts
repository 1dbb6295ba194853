import { defineFunction } from '../core/runtime/define-function';
import { bookingDeskActions } from './booking-desk-actions';
import { auditActions } from './audit-actions';
import { districtSettingsActions } from './district-settings-actions';
import { dashboardActions } from './dashboard-actions';
// stations and providers
import { stationActions } from './station-actions';

/** The staff workbench's server: 街道 staff and the bureau's admin run the district from here. */
export const staffFunction = defineFunction('staff', { ...bookingDeskActions, ...auditActions, ...districtSettingsActions, ...dashboardActions, ...stationActions });

export const main = staffFunction.main;
