import { shortTime } from '../notify/notification-messages';
import type { Message } from '../notify/notification-messages';
import type { ActivityRepository } from '../../repositories/activity.repository';
import type { SubjectHandler } from '../notify/subject-handlers';

type Line = { title: string; body: (title: string, time: string, p: Record<string, unknown>) => string; status: string };

const lines: Record<string, Line> = {
  activity_signup_placed: { title: '报名成功', body: (a, t) => `您已报名「${a}」：${t}，请按时参加。`, status: '已报名' },
  activity_signup_waiting: { title: '已进入候补', body: (a, t) => `「${a}」（${t}）的岗位已满，您已进入候补，有名额会通知您。`, status: '候补中' },
  activity_offer: {
    title: '候补名额等您确认',
    body: (a, t, p) => `「${a}」（${t}）空出一个名额，请在 ${typeof p.expiresAt === 'string' ? shortTime(new Date(p.expiresAt)) : '截止前'} 前确认，过时将让给下一位。`,
    status: '待确认',
  },
  activity_offer_lapsed: { title: '候补名额已过期', body: (a, t) => `「${a}」（${t}）的名额您没有及时确认，已让给下一位。`, status: '已过期' },
  activity_changed: { title: '活动有变动', body: (a, t) => `您报名的「${a}」（${t}）有变动，请查看详情。`, status: '有变动' },
  activity_cancelled: { title: '活动已取消', body: (a, t, p) => `您报名的「${a}」（${t}）已取消。${typeof p.reason === 'string' ? `原因：${p.reason}` : ''}`, status: '已取消' },
};

/**
 * What activities mean to notifications: each event speaks to the volunteers it names, the notice
 * opens the activity's page, and an offer notice no longer holds once the offer is decided.
 */
export function activityNoticeHandler(deps: { activities: ActivityRepository }): SubjectHandler {
  return {
    async read(event) {
      const line = lines[event.type];
      const p = event.payload;
      const startsAt = typeof p.startsAt === 'string' ? new Date(p.startsAt) : null;
      const title = typeof p.title === 'string' ? p.title : '志愿活动';
      if (!line || !startsAt || Number.isNaN(startsAt.getTime())) return { notices: [], reminders: null, outdatedTypes: async () => [] };
      const time = shortTime(startsAt);
      const message: Message = {
        title: line.title,
        body: line.body(title, time, p),
        group: 'booking_status',
        fields: { service: '志愿活动', time: startsAt, status: line.status, note: '点击查看详情', place: typeof p.place === 'string' ? p.place : '无' },
      };
      const page = `subpackages/volunteer/pages/activity/index?activityId=${encodeURIComponent(event.subject.id)}`;
      return {
        notices: [...new Set(event.recipients)].map((userId) => ({ userId, message, page, startsAt })),
        reminders: null,
        outdatedTypes: async () => [],
      };
    },
    async stillHolds(notice) {
      if (notice.type !== 'activity_offer') return null;
      const signup = await deps.activities.findSignup(`${notice.subject.id}:${notice.userId}`);
      return signup?.state === 'offered' ? null : 'withdrawn';
    },
  };
}
