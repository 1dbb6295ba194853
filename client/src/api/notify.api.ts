import { z } from 'zod';
import { callFunction } from './call-function';

export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';
import { noticePageSchema, unreadCountSchema } from './views.schema';

/** The `notify` cloud function: the in-app inbox of notices. */
export const notifyApi = {
  list: (page = 1) => callFunction('notify', 'list', { page }, noticePageSchema),
  unreadCount: () => callFunction('notify', 'unreadCount', {}, unreadCountSchema),
  markRead: (ids: string[]) => callFunction('notify', 'markRead', { ids }, z.unknown()),
  /** What the person answered to WeChat's subscribe-message dialog, per template. */
  recordConsent: (templateIds: string[], results: Record<string, ConsentAnswer>) =>
    callFunction('notify', 'recordConsent', { templateIds, results }, z.unknown()),
};
