import { notifyActions } from '../../shared/schemas/notify.schema';
import { action, defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import { accessIn } from '../../shared/domain/permissions';
import { streetScopeOf } from '../../shared/domain/permissions/district-scope';

const access = accessIn('notify');

export const notifyFunction = defineFunction(
  'notify',
  {
    list: action({ input: notifyActions.list, access: access('list'), run: ({ page, pageSize }, { app, caller }) => app.services.notify.inbox.list(caller.userId, page, pageSize) }),
    unreadCount: action({ input: notifyActions.unreadCount, access: access('unreadCount'), run: (_input, { app, caller }) => app.services.notify.inbox.unreadCount(caller.userId) }),
    markRead: action({ input: notifyActions.markRead, access: access('markRead'), run: (which, { app, caller }) => app.services.notify.inbox.markRead(caller.userId, which) }),
    recordConsent: action({
      input: notifyActions.recordConsent,
      access: access('recordConsent'),
      run: ({ templateIds, results }, { app, caller }) => app.services.notify.consent.recordConsent(caller.userId, templateIds, results),
    }),
    dead: action({ input: notifyActions.dead, access: access('dead'), run: ({ page, pageSize }, { app, caller }) => app.services.notify.inbox.dead(streetScopeOf(caller, undefined), page, pageSize) }),
    resend: action({ input: notifyActions.resend, access: access('resend'), run: ({ id }, { app, caller }) => app.services.notify.inbox.resend(streetScopeOf(caller, undefined), id) }),
  },
  {
    services: notifyParts,
    timers: [{ name: 'deliver', everyMinutes: 1, run: (app) => app.services.notify.deliver() }],
  },
);

export const main = notifyFunction.main;
