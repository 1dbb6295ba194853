import { signupIdOf } from '../../../../shared/domain/volunteer/activity-keys';
import { reminderNote, shortTime } from '../notify/notification-messages';
import type { Message } from '../notify/notification-messages';
import type { ActivityDoc, ActivityRepository } from '../../repositories/activity.repository';
import { reminderVerdict, remindersBefore } from '../notify/reminder-schedule';
import type { ReminderDraft, SubjectHandler } from '../notify/subject-handlers';

/** The event of a volunteer giving up their place: nobody is told (they did it), their reminders go. */
export const ACTIVITY_SIGNUP_WITHDRAWN = 'activity_signup_withdrawn';

/** The reminders' types are this and the offset (`activity_reminder_24h`, `activity_reminder_2h`). */
const REMINDER_TYPE_PREFIX = 'activity_reminder_';

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

const pageOf = (activityId: string) => `subpackages/volunteer/pages/activity/index?activityId=${encodeURIComponent(activityId)}`;

/**
 * The 24 h and 2 h reminders of the volunteers among `userIds` who hold a place (placed, or an
 * offer they confirmed) in an open activity; each follows the activity's current time and place.
 */
async function remindersOf(activities: ActivityRepository, activity: ActivityDoc, userIds: readonly string[], now: Date): Promise<ReminderDraft[]> {
  if (activity.status !== 'open') return [];
  const placed = (await activities.signupsByIds(userIds.map((userId) => signupIdOf(activity._id, userId)))).filter((s) => s.state === 'placed');
  return remindersBefore(activity.startsAt, now, placed, REMINDER_TYPE_PREFIX, (signup, offset) => {
    const role = activity.roles.find((r) => r.code === signup.role)?.label;
    const message: Message = {
      title: '活动提醒',
      body: `您报名的「${activity.title}」${role ? `（${role}）` : ''}将在 ${shortTime(activity.startsAt)} 开始，地点：${activity.place}，请按时到场。`,
      group: 'booking_reminder',
      fields: { service: '志愿活动', time: activity.startsAt, status: '即将开始', note: reminderNote(offset), place: activity.place || '无' },
    };
    return { userId: signup.userId, message, page: pageOf(activity._id) };
  });
}

/**
 * What activities mean to notifications: each event speaks to the volunteers it names, the notice
 * opens the activity's page, the named volunteers' reminders are kept in line with their places
 * (only theirs: many share one activity), and an offer notice no longer holds once the offer is decided.
 */
export function activityNoticeHandler(deps: { activities: ActivityRepository }): SubjectHandler {
  return {
    async read(event, now) {
      const line = lines[event.type];
      const p = event.payload;
      const startsAt = typeof p.startsAt === 'string' ? new Date(p.startsAt) : null;
      const title = typeof p.title === 'string' ? p.title : '志愿活动';
      const recipients = [...new Set(event.recipients)];
      const activity = await deps.activities.findById(event.subject.id);
      // Withdrawn, cancelled, moved: whoever the event names has exactly the reminders their place wants now.
      const reminders = activity ? await remindersOf(deps.activities, activity, recipients, now) : null;
      const streetId = activity?.streetId ?? null;
      if (!line || !startsAt || Number.isNaN(startsAt.getTime())) return { notices: [], reminders, reminderScope: recipients, streetId, outdatedTypes: async () => [] };
      const time = shortTime(startsAt);
      const message: Message = {
        title: line.title,
        body: line.body(title, time, p),
        group: 'booking_status',
        fields: { service: '志愿活动', time: startsAt, status: line.status, note: '点击查看详情', place: typeof p.place === 'string' ? p.place : '无' },
      };
      const page = pageOf(event.subject.id);
      return {
        notices: recipients.map((userId) => ({ userId, message, page, startsAt })),
        reminders,
        reminderScope: recipients,
        streetId,
        outdatedTypes: async () => [],
      };
    },
    async stillHolds(notice, now) {
      if (notice.kind === 'reminder') {
        const activity = await deps.activities.findById(notice.subject.id);
        const signup = activity ? await deps.activities.findSignup(signupIdOf(activity._id, notice.userId)) : null;
        return reminderVerdict(notice, now, { wanted: activity?.status === 'open' && signup?.state === 'placed', startsAt: activity?.startsAt ?? null });
      }
      if (notice.type !== 'activity_offer') return null;
      const signup = await deps.activities.findSignup(signupIdOf(notice.subject.id, notice.userId));
      return signup?.state === 'offered' ? null : 'withdrawn';
    },
  };
}
