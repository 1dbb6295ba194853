import { volunteerManageActions as input } from '../../shared/schemas/volunteer-manage.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('volunteer');

/** volunteer — staff: the reads behind the staff pages (hub counts, the 街道's activities, corrections). */
export const manageActions = {
  manageOverview: action({ input: input.manageOverview, access: access('manageOverview'), run: (i, { app, caller }) => app.services.activityManage.overview(caller, i) }),
  managedActivities: action({ input: input.managedActivities, access: access('managedActivities'), run: (i, { app, caller }) => app.services.activityManage.list(caller, i) }),
  managedActivity: action({
    input: input.managedActivity,
    access: access('managedActivity'),
    run: ({ activityId }, { app, caller }) => app.services.activityManage.detail(caller, activityId),
  }),
  pendingCorrections: action({ input: input.pendingCorrections, access: access('pendingCorrections'), run: (i, { app, caller }) => app.services.activityManage.pendingCorrections(caller, i) }),
};
