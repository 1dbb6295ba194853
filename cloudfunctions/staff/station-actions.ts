import { staffStationActions as input } from '../../shared/schemas/staff-stations.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('staff');

/** The stations and providers pages' lists (changes go through the `admin` function's upserts). */
export const stationActions = {
  managedStations: action({ input: input.managedStations, access: access('managedStations'), run: (i, { app, caller }) => app.services.stationDesk.stations(caller, i) }),
  managedProviders: action({ input: input.managedProviders, access: access('managedProviders'), run: (i, { app, caller }) => app.services.stationDesk.providers(caller, i) }),
};
