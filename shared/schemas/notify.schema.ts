import { z } from 'zod';
import { pageInput } from './common.schema';

/** A notice id: `<event id>:<user id>` or `reminder:<subject>:<24h|2h>:<user id>:<ISO time>`. */
export const notificationId = z.string().regex(/^[A-Za-z0-9_:#.-]{1,200}$/, '消息编号格式不对');

/** A WeChat subscribe-message template id. */
export const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '模板编号格式不对');

/** What wx.requestSubscribeMessage reports per template ('filter': WeChat hid the template). */
export const consentResult = z.enum(['accept', 'reject', 'ban', 'filter']);
export type ConsentResult = z.output<typeof consentResult>;

export const notifyActions = {
  list: z.strictObject(pageInput),
  unreadCount: z.strictObject({}),
  markRead: z.union([
    z.strictObject({ ids: z.array(notificationId).min(1).max(50) }),
    z.strictObject({ all: z.literal(true) }),
  ]),
  recordConsent: z.strictObject({
    templateIds: z.array(templateId).min(1).max(3),
    results: z.record(templateId, consentResult),
  }),
  dead: z.strictObject(pageInput),
  resend: z.strictObject({ id: notificationId }),
};

export type NotifyAction = keyof typeof notifyActions;
