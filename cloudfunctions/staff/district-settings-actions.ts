import { staffDeskActions as input } from '../../shared/schemas/staff-desk.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('staff');

/** Admin's district settings: people to grant roles to (roles themselves: admin.grantRoles), escort places per 街道, yearly service targets. */
export const districtSettingsActions = {
  findPeople: action({ input: input.findPeople, access: access('findPeople'), run: ({ query }, { app }) => app.services.districtSettings.findPeople(query) }),
  districtSettings: action({ input: input.districtSettings, access: access('districtSettings'), run: ({ year }, { app }) => app.services.districtSettings.current(year) }),
  setEscortCapacity: action({
    input: input.setEscortCapacity,
    access: access('setEscortCapacity'),
    run: ({ streetId, capacity }, { app }) => app.services.districtSettings.setEscortCapacity(streetId, capacity),
  }),
  setServiceTargets: action({ input: input.setServiceTargets, access: access('setServiceTargets'), run: (i, { app, caller }) => app.services.districtSettings.setServiceTargets(caller, i) }),
};
