import { notifyActions } from '../../shared/schemas/notify.schema';
import { action, defineFunction } from '../core/runtime/define-function';

const staff = ['staff', 'admin'] as const;

export const notifyFunction = defineFunction(
  'notify',
  {
    list: action({ input: notifyActions.list, access: 'user', run: ({ page, pageSize }, { app, caller }) => app.services.notify.inbox.list(caller.userId, page, pageSize) }),
    unreadCount: action({ input: notifyActions.unreadCount, access: 'user', run: (_input, { app, caller }) => app.services.notify.inbox.unreadCount(caller.userId) }),
    markRead: action({ input: notifyActions.markRead, access: 'user', run: (which, { app, caller }) => app.services.notify.inbox.markRead(caller.userId, which) }),
    recordConsent: action({
      input: notifyActions.recordConsent,
      access: 'user',
      run: ({ templateIds, results }, { app, caller }) => app.services.notify.consent.recordConsent(caller.userId, templateIds, results),
    }),
    dead: action({ input: notifyActions.dead, access: staff, run: ({ page, pageSize }, { app }) => app.services.notify.inbox.dead(page, pageSize) }),
    resend: action({ input: notifyActions.resend, access: staff, run: ({ id }, { app }) => app.services.notify.inbox.resend(id) }),
  },
  {
    timers: [{ name: 'deliver', everyMinutes: 1, run: (app) => app.services.notify.deliver() }],
  },
);

export const main = notifyFunction.main;
