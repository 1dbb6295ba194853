import { z } from 'zod';
import type { ApiInput } from './api-actions';
import { callAction } from './call-function';
import { managedProviderSchema, managedStationSchema, staffAccountViewSchema } from './stations-views.schema';
import { bookingViewSchema } from './views.schema';

export type StationInput = ApiInput<'admin', 'upsertStation'>;
export type ProviderInput = ApiInput<'admin', 'upsertProvider'>;
export type ManagedProvidersQuery = ApiInput<'staff', 'managedProviders'>;
export type NewStaffAccountInput = ApiInput<'admin', 'createStaffAccount'>;

/**
 * Stations, providers and staff accounts from the workbench: the `staff` function's lists and the
 * `admin` function's changes (the server checks the role and, for staff, the 街道).
 */
export const stationsApi = {
  stations: (streetId?: string) => callAction('staff', 'managedStations', streetId ? { streetId } : {}, z.array(managedStationSchema)),
  saveStation: (input: StationInput) => callAction('admin', 'upsertStation', input, managedStationSchema),
  setStationActive: (stationId: string, active: boolean) => callAction('admin', 'setStationActive', { stationId, active }, managedStationSchema),
  providers: (query: ManagedProvidersQuery) => callAction('staff', 'managedProviders', query, z.array(managedProviderSchema)),
  saveProvider: (input: ProviderInput) => callAction('admin', 'upsertProvider', input, z.object({ id: z.string() }).loose()),
  deactivateProvider: (providerId: string) =>
    callAction('admin', 'deactivateProvider', { providerId }, z.object({ deactivated: z.string(), affected: z.array(bookingViewSchema).optional().default([]) })),
  createStaffAccount: (input: NewStaffAccountInput) => callAction('admin', 'createStaffAccount', input, staffAccountViewSchema),
  resetStaffPassword: (userId: string, newPassword: string) => callAction('admin', 'resetStaffPassword', { userId, newPassword }, staffAccountViewSchema),
};
