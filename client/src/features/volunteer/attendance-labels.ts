import { CHECK_IN_OPENS_BEFORE_START_MS, CHECK_OUT_CLOSES_AFTER_END_MS, parseAttendanceQr } from '../../../../shared/domain/volunteer/attendance-window';
import type { ApiErrorCode } from '../../api/api-error';
import type { HoursRecord, MyAttendance } from '../../api/volunteer-views.schema';

/** Where a volunteer stands on an activity: still to check in, to check out, or done. */
export type AttendanceStep = 'in' | 'out' | 'done';

export function attendanceStep(attendance: MyAttendance | null): AttendanceStep {
  if (!attendance?.checkedInAt) return 'in';
  return attendance.checkedOutAt ? 'done' : 'out';
}

/** When check-in opens and check-out closes (the server's window: 30 min before to 60 min after). */
export function attendanceWindow(activity: { startsAt: string; endsAt: string }): { opensAt: string; closesAt: string } {
  return {
    opensAt: new Date(Date.parse(activity.startsAt) - CHECK_IN_OPENS_BEFORE_START_MS).toISOString(),
    closesAt: new Date(Date.parse(activity.endsAt) + CHECK_OUT_CLOSES_AFTER_END_MS).toISOString(),
  };
}

export function attendanceOpenAt(activity: { startsAt: string; endsAt: string }, now: number): boolean {
  const { opensAt, closesAt } = attendanceWindow(activity);
  return now >= Date.parse(opensAt) && now <= Date.parse(closesAt);
}

/**
 * The code in what was scanned. The organizer's QR holds `yinling-checkin:1:<activityId>:<code>`
 * (docs/api.md, attendanceCode); six bare digits are taken too. A QR of another activity is told
 * apart, so the volunteer knows they scanned the wrong phone.
 */
export function codeFromScan(text: string, activityId: string): { code: string } | { problem: 'other_activity' | 'not_a_code' } {
  const trimmed = text.trim();
  if (/^\d{6}$/.test(trimmed)) return { code: trimmed };
  const parsed = parseAttendanceQr(trimmed);
  if (!parsed) return { problem: 'not_a_code' };
  return parsed.activityId === activityId ? { code: parsed.code } : { problem: 'other_activity' };
}

export const scanProblemText = {
  other_activity: '这是别的活动的签到码，请扫本活动组织者手机上的码。',
  not_a_code: '扫到的不是签到码，请对准组织者手机上的二维码，或在下面输入 6 位数字。',
} as const;

/** What to do next after a refused check-in or check-out (the error's own sentence says what happened). */
export function attendanceErrorHint(code: ApiErrorCode): string | null {
  switch (code) {
    case 'CODE_EXPIRED':
      return '签到码每 30 秒换一次，请看组织者手机上现在的码，再扫一次或重新输入。';
    case 'CODE_INVALID':
      return '请核对组织者手机上的 6 位数字，重新输入。';
    case 'CODE_REPLAYED':
      return '等组织者手机上的码换了（30 秒内），再扫新的码。';
    case 'ATTENDANCE_CLOSED':
      return '请在上面写的签到时间内再来。';
    case 'NOT_PLACED':
      return '只有报上名的志愿者才能签到，请看“我报名的活动”。';
    default:
      return null;
  }
}

export const hoursStatusLabels: Record<HoursRecord['status'], string> = {
  pending: '待确认',
  confirmed: '已确认',
  corrected: '已更正',
  correction_requested: '更正申请中',
};

/** '2 小时', '1.5 小时' */
export function hoursText(hours: number): string {
  return `${hours} 小时`;
}

/** Why the record was corrected last (the organizer's correction or an approved request), if it was. */
export function correctionReasonOf(record: HoursRecord): string | null {
  const last = [...record.history].reverse().find((entry) => entry.type === 'corrected' || entry.type === 'correction_approved');
  return last?.reason ?? null;
}

/** The reason given when a correction request was turned down, if the last decision was that. */
export function rejectionReasonOf(record: HoursRecord): string | null {
  const last = record.history[record.history.length - 1];
  return last?.type === 'correction_rejected' ? last.reason : null;
}

/** A confirmed or corrected record may be asked to change; a pending one is checked by the organizer first. */
export function mayRequestCorrection(record: HoursRecord): boolean {
  return record.status === 'confirmed' || record.status === 'corrected';
}
