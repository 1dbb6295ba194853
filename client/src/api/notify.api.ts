import { callAction } from './call-function';

export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';
import { consentResultSchema, markReadResultSchema, noticePageSchema, unreadCountSchema } from './views.schema';

/** The `notify` cloud function: the in-app inbox of notices. */
export const notifyApi = {
  list: (page = 1) => callAction('notify', 'list', { page }, noticePageSchema),
  unreadCount: () => callAction('notify', 'unreadCount', {}, unreadCountSchema),
  markRead: (ids: string[]) => callAction('notify', 'markRead', { ids }, markReadResultSchema),
  /** What the person answered to WeChat's subscribe-message dialog, per template. */
  recordConsent: (templateIds: string[], results: Record<string, ConsentAnswer>) =>
    callAction('notify', 'recordConsent', { templateIds, results }, consentResultSchema),
};
