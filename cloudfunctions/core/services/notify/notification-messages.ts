import type { NotifyTemplateField, NotifyTemplateGroup } from '../../../../config/server-config.schema';
import { serviceKindLabels, type ServiceKind } from '../../../../shared/domain/service-kinds';
import { formatDateTime } from '../../../../shared/domain/time-words';

/**
 * Whom a notice speaks to: the resident who booked, the provider on the booking, one it was taken
 * from, or an escort who may claim an open request (`escort_pool`).
 */
export type Audience = 'resident' | 'provider' | 'former_provider' | 'escort_pool';

export type MessageInput = {
  type: string;
  audience: Audience;
  service: ServiceKind;
  startsAt: Date;
  /** Given by the one who declined or cancelled; never passed for counseling. */
  reason?: string | null;
  /** Where to go (an escort's hospital); never passed for counseling. */
  place?: string | null;
};

export type Message = {
  title: string;
  body: string;
  group: NotifyTemplateGroup;
  fields: Partial<Record<NotifyTemplateField, string | Date>>;
};

export type ReminderOffset = '24h' | '2h';

/**
 * Reasons the resident is owed (why not, why called off). A reassignment's reason is staff's note
 * about a colleague (often their health) and goes to nobody.
 */
const REASONED = new Set(['booking_decline', 'booking_cancel']);
/** Why a hardship claim was not verified is the resident's own business, not their escort's. */
const REASONED_TO_RESIDENT = new Set(['booking_eligibility_reject']);

/** '12月1日 周二 上午 9:00' in the district's zone: the words every page of the app uses. */
export function shortTime(instant: Date): string {
  return formatDateTime(instant.toISOString());
}

type Line = { title: string; body: (s: string, t: string) => string; status: string };

const toResident: Record<string, Line> = {
  booking_requested: { title: '预约已提交', body: (s, t) => `您的${s}预约已提交：${t}，请等待确认。`, status: '待确认' },
  booking_accept: { title: '预约已确认', body: (s, t) => `您预约的${s}已确认：${t}`, status: '已确认' },
  booking_decline: { title: '预约未被接受', body: (s, t) => `您预约的${s}（${t}）未被接受。`, status: '未接受' },
  booking_expire: { title: '预约已失效', body: (s, t) => `您预约的${s}（${t}）没有及时得到确认，已自动取消，请重新预约。`, status: '已失效' },
  booking_cancel: { title: '预约已取消', body: (s, t) => `您预约的${s}（${t}）已被取消。`, status: '已取消' },
  booking_reschedule: { title: '预约时间已变更', body: (s, t) => `您预约的${s}已改到 ${t}。`, status: '已改期' },
  booking_claim: { title: '陪诊员已接单', body: (_s, t) => `您申请的陪诊（${t}）已有陪诊员接单。`, status: '已接单' },
  booking_assign: { title: '陪诊已安排', body: (_s, t) => `您申请的陪诊（${t}）已安排陪诊员。`, status: '已安排' },
  booking_reassign: { title: '陪诊员已更换', body: (_s, t) => `您申请的陪诊（${t}）已更换陪诊员。`, status: '已更换' },
  booking_complete: { title: '服务已完成', body: (s, t) => `您预约的${s}（${t}）已完成，感谢您的使用。`, status: '已完成' },
  booking_no_show: { title: '预约记为未到', body: (s, t) => `您预约的${s}（${t}）被记为未到场，如有疑问请联系服务人员。`, status: '未到场' },
  booking_eligibility_verify: { title: '免费资格已核实', body: (_s, t) => `您申请的陪诊（${t}）免费资格已核实，本次服务免费。`, status: '已核实' },
  booking_eligibility_reject: { title: '免费资格未通过', body: (_s, t) => `您申请的陪诊（${t}）免费资格未通过核实，服务照常进行。`, status: '未通过' },
  availability_changed: {
    title: '预约时间需调整',
    body: (s, t) => `您预约的${s}（${t}）所在时段有变动，请改约其他时间或联系服务人员。`,
    status: '待调整',
  },
};

const toProvider: Record<string, Line> = {
  booking_requested: { title: '新的预约申请', body: (s, t) => `您有一条新的${s}预约：${t}，请及时处理。`, status: '待处理' },
  booking_accept: { title: '预约已确认', body: (s, t) => `${t} 的${s}预约已确认。`, status: '已确认' },
  booking_decline: { title: '预约已拒绝', body: (s, t) => `${t} 的${s}预约已被拒绝。`, status: '已拒绝' },
  booking_expire: { title: '预约申请已过期', body: (s, t) => `${t} 的${s}预约申请未及时处理，已自动过期。`, status: '已过期' },
  booking_cancel: { title: '预约已取消', body: (s, t) => `${t} 的${s}预约已被取消。`, status: '已取消' },
  booking_reschedule: { title: '预约时间已变更', body: (s, t) => `一条${s}预约已改到 ${t}。`, status: '已改期' },
  booking_assign: { title: '新的陪诊任务', body: (_s, t) => `您被安排了一个陪诊任务：${t}。`, status: '已指派' },
  booking_reassign: { title: '新的陪诊任务', body: (_s, t) => `您被安排了一个陪诊任务：${t}。`, status: '已指派' },
};

/** To the escorts of the 街道 about a request in the pool: when and which hospital, nothing of the resident. */
const toEscortPool: Line = { title: '新的陪诊请求', body: (_s, t) => `有一个陪诊请求等待接单：${t}。`, status: '待接单' };

const toFormerProvider: Line = { title: '陪诊任务已改派', body: (_s, t) => `${t} 的陪诊任务已改派给其他陪诊员，您无需前往。`, status: '已改派' };

const fallback: Record<Audience, Line> = {
  resident: { title: '预约有更新', body: (s, t) => `您预约的${s}（${t}）有新的变化，请查看详情。`, status: '有更新' },
  provider: { title: '预约有更新', body: (s, t) => `${t} 的${s}预约有新的变化，请查看详情。`, status: '有更新' },
  former_provider: toFormerProvider,
  escort_pool: toEscortPool,
};

/**
 * What a notice on WeChat says about the service. The inbox names it (婚姻辅导 included: the
 * resident's own account); a WeChat message shows on the lock screen and in the chat list, so
 * counseling is only "预约服务" there. The topic is never known here at all.
 */
function pushServiceName(service: ServiceKind): string {
  return service === 'counseling' ? '预约服务' : serviceKindLabels[service];
}

/** The notice an outbox event owes one of its recipients. */
export function eventMessage(input: MessageInput): Message {
  const line =
    input.audience === 'former_provider' || input.audience === 'escort_pool'
      ? fallback[input.audience]
      : ((input.audience === 'resident' ? toResident : toProvider)[input.type] ?? fallback[input.audience]);
  const counseling = input.service === 'counseling';
  const reasoned = REASONED.has(input.type) || (input.audience === 'resident' && REASONED_TO_RESIDENT.has(input.type));
  const reason = counseling || !reasoned ? null : input.reason?.trim() || null;
  const place = counseling ? null : input.place?.trim() || null;
  let body = line.body(serviceKindLabels[input.service], shortTime(input.startsAt));
  const namesPlace = input.audience === 'escort_pool' || (input.audience === 'provider' && (input.type === 'booking_assign' || input.type === 'booking_reassign'));
  if (place && namesPlace) body = body.replace(/。$/, `，${place}。`);
  if (reason) body += `原因：${reason}`;
  // A request to take on: the template providers (and escorts) consented to for new work.
  const newWork = input.audience === 'escort_pool' || (input.audience === 'provider' && input.type === 'booking_requested');
  const group: NotifyTemplateGroup = newWork ? 'new_request' : 'booking_status';
  const note = reason ?? (input.audience === 'escort_pool' ? '点击查看并接单' : '点击查看详情');
  return {
    title: line.title,
    body,
    group,
    fields: { service: pushServiceName(input.service), time: input.startsAt, status: line.status, note, place: place ?? '无' },
  };
}

/** The hint a reminder's WeChat message gives, whatever it reminds of. */
export function reminderNote(offset: ReminderOffset): string {
  return offset === '24h' ? '还有一天，请按时到场' : '还有两小时，请按时到场';
}

/** A reminder before a confirmed booking, for the resident or the provider. */
export function reminderMessage(input: Omit<MessageInput, 'type' | 'reason'> & { offset: ReminderOffset }): Message {
  const service = serviceKindLabels[input.service];
  const time = shortTime(input.startsAt);
  const place = input.service === 'counseling' ? null : input.place?.trim() || null;
  const where = place ? `（${place}）` : '';
  const body =
    input.audience === 'resident'
      ? `您预约的${service}将在 ${time} 开始${where}，请按时到场。`
      : `您有一个${service}预约将在 ${time} 开始${where}，请提前做好准备。`;
  return {
    title: input.audience === 'resident' ? '预约提醒' : '服务提醒',
    body,
    group: 'booking_reminder',
    fields: {
      service: pushServiceName(input.service),
      time: input.startsAt,
      status: '即将开始',
      note: reminderNote(input.offset),
      place: place ?? '无',
    },
  };
}
