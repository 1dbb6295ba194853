import {
  advisorTopicLabels,
  advisorVisitModeLabels,
  counselingFormatLabels,
  counselingTopicLabels,
  escortEligibilityLabels,
  escortFeeText,
  familyRelationLabels,
  mobilityAidLabels,
  PROXY_RELATIONSHIP,
  proxyRelationshipLabel,
  offeredFamilyRelations,
  type MobilityAid,
  type ServiceKind,
} from '../../../../shared/domain/service-kinds';
import type { BookingView } from '../../api/views.schema';
import { formatDateTime } from '../../format/date-time';
import { serviceTitle, statusLabel } from './booking-titles';

// The few words home and the status tags need live in booking-titles.ts (home's first load stays small).
export { placeOf, serviceTitle, statusLabel, statusTones } from './booking-titles';
const actionLabels: Record<string, string> = {
  create: '提交预约',
  accept: '接受预约',
  decline: '拒绝预约',
  expire: '超时未确认',
  cancel: '取消预约',
  complete: '服务完成',
  no_show: '标记爽约',
  reschedule: '改期',
  claim: '陪诊员接单',
  assign: '派单',
  eligibility_verify: '困难群体身份已核实',
  eligibility_reject: '困难群体身份未通过核实',
};

const actorLabels: Record<string, string> = {
  resident: '居民',
  provider: '服务人员',
  advisor: '养老顾问',
  counselor: '婚姻辅导师',
  escort: '陪诊员',
  staff: '工作人员',
  admin: '管理员',
  system: '系统',
};

export function historyActionLabel(action: string, to: string): string {
  return actionLabels[action] ?? statusLabel(to);
}

export function actorLabel(role: string): string {
  return actorLabels[role] ?? role;
}

const label = <T extends string>(table: Record<T, string>, value: unknown): string | null =>
  typeof value === 'string' && value in table ? table[value as T] : null;

/** The booking's details as label–value rows, in the order a person reads them. */
export function detailRows(
  booking: Pick<BookingView, 'details' | 'forFamily' | 'freeOfCharge'> & { eligibilityCheck?: BookingView['eligibilityCheck'] },
): { label: string; value: string }[] {
  const d = booking.details as Record<string, unknown>;
  const rows: { label: string; value: string | null }[] = [];
  if (d.kind === 'advisor') {
    rows.push({ label: '咨询内容', value: label(advisorTopicLabels, d.topic) });
    rows.push({ label: '方式', value: label(advisorVisitModeLabels, d.mode) });
    rows.push({ label: '上门地址', value: typeof d.address === 'string' ? d.address : null });
  } else if (d.kind === 'escort') {
    rows.push({ label: '医院', value: typeof d.hospital === 'string' ? d.hospital : null });
    rows.push({ label: '科室', value: typeof d.department === 'string' ? d.department : null });
    rows.push({ label: '接送地址', value: typeof d.pickupAddress === 'string' ? d.pickupAddress : null });
    const aids = Array.isArray(d.mobilityAids) ? (d.mobilityAids as MobilityAid[]).map((a) => mobilityAidLabels[a] ?? a).join('、') : '';
    rows.push({ label: '辅助器具', value: aids || null });
    rows.push({ label: '语言需要', value: typeof d.languageNeeds === 'string' ? d.languageNeeds : null });
    rows.push({ label: '困难群体', value: label(escortEligibilityLabels, d.eligibility) });
    rows.push({ label: '费用', value: escortFeeRow(booking) });
  } else if (d.kind === 'counseling') {
    rows.push({ label: '形式', value: label(counselingFormatLabels, d.format) });
    rows.push({ label: '辅导内容', value: label(counselingTopicLabels, d.topic) });
  }
  rows.push({ label: '备注', value: typeof d.note === 'string' && d.note !== '' ? d.note : null });
  if (booking.forFamily) {
    const relation =
      booking.forFamily.relationship === PROXY_RELATIONSHIP
        ? proxyRelationshipLabel
        : (label(familyRelationLabels, booking.forFamily.relationship) ?? booking.forFamily.relationship);
    rows.push({ label: '服务对象', value: `${booking.forFamily.name}（${relation}）` });
    // A row of its own: glued to the name, the number broke across lines on narrow screens.
    rows.push({ label: '家人电话', value: booking.forFamily.phone });
  }
  return rows.filter((row): row is { label: string; value: string } => row.value !== null && row.value !== '');
}

/** What an escort costs the resident: free once the 街道 verified the claimed group, and why not when it did not. */
function escortFeeRow(booking: { freeOfCharge: boolean; eligibilityCheck?: BookingView['eligibilityCheck'] }): string {
  const check = booking.eligibilityCheck;
  if (booking.freeOfCharge || check?.status === 'verified') return escortFeeText.free;
  if (check?.status === 'pending') return escortFeeText.pending;
  if (check?.status === 'rejected') return check.reason ? `${escortFeeText.rejected}（原因：${check.reason}）` : escortFeeText.rejected;
  return escortFeeText.paid;
}

/** Where it happens, in one line: the provider's venue, or the hospital for an escort. */
/**
 * The line about the cut-off before and after booking. Escorts cannot be moved (cancel and ask
 * again), so theirs says only 取消.
 */
export function deadlineLine(service: ServiceKind, deadline: string, now: number = Date.now()): string {
  const what = service === 'escort' ? '取消' : '取消或改期';
  if (now < Date.parse(deadline)) return `${formatDateTime(deadline)} 前可以${what}`;
  return service === 'escort' ? '已过可以取消的时间，有变动请联系街道或陪诊员' : '已过取消和改期的时间，有变动请直接联系服务人员';
}

/** What happens next, on the result page, for a booking's status. */
export function waitingLine(booking: Pick<BookingView, 'service' | 'status' | 'provider'>): string {
  if (booking.status === 'confirmed') return booking.service === 'escort' ? `陪诊员${booking.provider ? ` ${booking.provider.name} ` : ''}已接单，请按时准备。` : '预约已确认，请按时到达。';
  if (booking.status !== 'requested') return '';
  // Nobody has this request yet: it waits in the pool for an escort to take it.
  if (booking.service === 'escort') return '正在等待陪诊员接单，有人接单后会通知您。';
  return `等待${booking.provider?.name ?? '服务人员'}确认，确认后会通知您。`;
}

/** The relations a form offers (父亲, 母亲 … but not the old 父母), as choices. */
export const familyRelationOptions = offeredFamilyRelations.map((value) => ({ value, label: familyRelationLabels[value] }));

/** '王老伯（父亲）': a saved family member as a choice. */
export function familyMemberLabel(member: { name: string; relationship: string }): string {
  const relation = label(familyRelationLabels, member.relationship);
  return relation ? `${member.name}（${relation}）` : member.name;
}
