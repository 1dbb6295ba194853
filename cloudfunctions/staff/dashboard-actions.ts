import { staffDeskActions as input } from '../../shared/schemas/staff-desk.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('staff');

/** The district dashboard (counts only, computed by the engine). */
export const dashboardActions = {
  dashboard: action({ input: input.dashboard, access: access('dashboard'), run: (i, { app, caller }) => app.services.dashboard.overview(caller, i) }),
};
