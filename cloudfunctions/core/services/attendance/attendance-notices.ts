import { shortTime, type Message } from '../notify/notification-messages';
import type { SubjectHandler } from '../notify/subject-handlers';
import { HOURS_EVENT } from './hours-ledger.service';

/** Where a volunteer reads their hours (notify adds `nid`). */
export const VOLUNTEER_HOURS_PAGE = 'subpackages/volunteer/pages/hours/index';

const lines: Record<string, { title: string; status: string; body: (title: string, time: string, hours: string, reason: string | null) => string }> = {
  [HOURS_EVENT.confirmed]: { title: '服务时长已确认', status: '已确认', body: (a, t, h) => `您在「${a}」（${t}）的服务时长已确认：${h} 小时。` },
  [HOURS_EVENT.corrected]: {
    title: '服务时长已核定',
    status: '已核定',
    body: (a, t, h, r) => `您在「${a}」（${t}）的服务时长核定为 ${h} 小时。${r ? `说明：${r}` : ''}`,
  },
  [HOURS_EVENT.correction_approved]: {
    title: '时长更正已通过',
    status: '更正通过',
    body: (a, t, h, r) => `您对「${a}」（${t}）的时长更正申请已通过，现为 ${h} 小时。${r ? `说明：${r}` : ''}`,
  },
  [HOURS_EVENT.correction_rejected]: {
    title: '时长更正未通过',
    status: '更正未通过',
    body: (a, t, h, r) => `您对「${a}」（${t}）的时长更正申请未通过，仍为 ${h} 小时。${r ? `原因：${r}` : ''}`,
  },
};

/**
 * What an hours record means to notifications: each decision is told to its volunteer and opens
 * their hours page. A decision never goes stale, and a record has no reminders.
 */
export function hoursNoticeHandler(): SubjectHandler {
  return {
    async read(event) {
      const line = lines[event.type];
      const p = event.payload;
      const startsAt = typeof p.startsAt === 'string' ? new Date(p.startsAt) : null;
      if (!line || !startsAt || Number.isNaN(startsAt.getTime())) return { notices: [], reminders: null, outdatedTypes: async () => [] };
      const title = typeof p.title === 'string' ? p.title : '志愿活动';
      const hours = typeof p.hours === 'number' ? String(p.hours) : '—';
      const reason = typeof p.reason === 'string' && p.reason.trim() ? p.reason.trim() : null;
      const time = shortTime(startsAt);
      const message: Message = {
        title: line.title,
        body: line.body(title, time, hours, reason),
        group: 'volunteer_status',
        fields: { service: '志愿服务时长', time: startsAt, status: line.status, note: `${hours} 小时`, place: '无' },
      };
      return {
        notices: [...new Set(event.recipients)].map((userId) => ({ userId, message, page: VOLUNTEER_HOURS_PAGE, startsAt: null })),
        reminders: null,
        streetId: typeof p.streetId === 'string' ? p.streetId : null,
        outdatedTypes: async () => [],
      };
    },
    async stillHolds() {
      return null;
    },
  };
}
