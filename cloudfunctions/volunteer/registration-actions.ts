import { volunteerRegistrationActions as inputs } from '../../shared/schemas/volunteer-registration.schema';
import type { App } from '../core/runtime/app';
import { action, type TimerSpec } from '../core/runtime/define-function';
import { accessIn } from '../../shared/domain/permissions';

const access = accessIn('volunteer');

/** volunteer — registration: applying, one's own status, the 街道's decisions, leaving. */
export const registrationActions = {
  apply: action({ input: inputs.apply, access: access('apply'), run: (input, { app, caller }) => app.services.volunteerRegistration.apply(caller, input) }),
  myApplication: action({ input: inputs.myApplication, access: access('myApplication'), run: (_input, { app, caller }) => app.services.volunteerRegistration.myApplication(caller) }),
  me: action({ input: inputs.me, access: access('me'), run: (_input, { app, caller }) => app.services.volunteerRegistration.me(caller) }),
  deleteIdNumber: action({
    input: inputs.deleteIdNumber,
    access: access('deleteIdNumber'),
    run: (_input, { app, caller }) => app.services.volunteerRegistration.deleteIdNumber(caller),
  }),
  leave: action({ input: inputs.leave, access: access('leave'), run: ({ reason }, { app, caller }) => app.services.volunteerRegistration.leave(caller, reason) }),
  applications: action({ input: inputs.applications, access: access('applications'), run: (query, { app, caller }) => app.services.volunteerRegistration.list(caller, query) }),
  application: action({
    input: inputs.application,
    access: access('application'),
    run: ({ applicationId }, { app, caller }) => app.services.volunteerRegistration.detail(caller, applicationId),
  }),
  approve: action({
    input: inputs.approve,
    access: access('approve'),
    run: ({ applicationId, skills, note }, { app, caller }) => app.services.volunteerRegistration.approve(caller, applicationId, skills, note),
  }),
  reject: action({
    input: inputs.reject,
    access: access('reject'),
    run: ({ applicationId, reason }, { app, caller }) => app.services.volunteerRegistration.reject(caller, applicationId, reason),
  }),
};

/** Decisions cut off by a crash are finished within minutes. */
export const registrationTimers: TimerSpec[] = [{ name: 'repairRegistrations', everyMinutes: 5, run: (app: App) => app.services.volunteerRegistrationRepair.repair() }];
