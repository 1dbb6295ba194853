import type { SubjectHandler } from '../notify/subject-handlers';
import type { Message } from '../notify/notification-messages';
import { VOLUNTEER_APPLICATION_APPROVED, VOLUNTEER_APPLICATION_REJECTED } from './registration-transitions';

/** Where the applicant reads their status (notify adds `nid`). */
export const VOLUNTEER_STATUS_PAGE = 'subpackages/volunteer/pages/status/index';

const SERVICE = '银龄行动志愿者';

/** The notice of a decision. Names the number or the reason, never an ID number, phone or health data. */
export function applicationResultMessage(type: string, payload: { volunteerNumber?: unknown; reason?: unknown }, decidedAt: Date): Message | null {
  const reason = typeof payload.reason === 'string' && payload.reason.trim() ? payload.reason.trim() : null;
  const number = typeof payload.volunteerNumber === 'string' ? payload.volunteerNumber : null;
  if (type === VOLUNTEER_APPLICATION_APPROVED) {
    return {
      title: '志愿者申请已通过',
      body: number ? `您的银龄行动志愿者申请已通过，志愿者编号 ${number}。现在可以报名参加活动了。` : '您的银龄行动志愿者申请已通过，现在可以报名参加活动了。',
      group: 'volunteer_status',
      fields: { service: SERVICE, time: decidedAt, status: '已通过', note: number ?? '点击查看详情', place: '无' },
    };
  }
  if (type === VOLUNTEER_APPLICATION_REJECTED) {
    return {
      title: '志愿者申请未通过',
      body: `您的银龄行动志愿者申请未通过。${reason ? `原因：${reason}。` : ''}您可以修改后重新申请。`,
      group: 'volunteer_status',
      fields: { service: SERVICE, time: decidedAt, status: '未通过', note: reason ?? '点击查看详情', place: '无' },
    };
  }
  return null;
}

/**
 * What a volunteer application means to notifications: its decision is told to the applicant,
 * opening their status page. An application has no reminders, and a decision never goes stale.
 */
export function registrationNoticeHandler(): SubjectHandler {
  return {
    async read(event) {
      const payload = event.payload as { volunteerNumber?: unknown; reason?: unknown; decidedAt?: unknown; streetId?: unknown };
      const decidedAt = typeof payload.decidedAt === 'string' ? new Date(payload.decidedAt) : event.at;
      const message = applicationResultMessage(event.type, payload, Number.isNaN(decidedAt.getTime()) ? event.at : decidedAt);
      const page = `${VOLUNTEER_STATUS_PAGE}?applicationId=${encodeURIComponent(event.subject.id)}`;
      return {
        notices: message ? [...new Set(event.recipients)].map((userId) => ({ userId, message, page, startsAt: null })) : [],
        reminders: null,
        streetId: typeof payload.streetId === 'string' ? payload.streetId : null,
        outdatedTypes: async () => [],
      };
    },
    async stillHolds() {
      return null;
    },
  };
}
