import qrcode from 'qrcode-generator';
import { hoursStatusWords } from '../../../../shared/domain/volunteer/hours-status-words';

/** volunteer — staff: the words and pictures the staff pages share. */

/** The live roster is asked for again this often while its page is on screen. */
export const ROSTER_REFRESH_MS = 10_000;

export const rosterStateLabels: Record<string, string> = { arrived: '已到', left: '已签退', not_yet: '未到', withdrawn: '已退出' };

export const hoursStatusLabels: Record<string, string> = hoursStatusWords;

/** 1.5 小时 */
export function hoursText(hours: number): string {
  return `${hours} 小时`;
}

/**
 * The check-in QR: its text is exactly the six digits, which the volunteer's scanner reads and
 * sends as the code (a GIF data URL, which WeChat's <Image> and the browser both show).
 */
export function checkInQrDataUrl(code: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(code);
  qr.make();
  return qr.createDataURL(8, 2);
}

/** Seconds until an ISO instant, never below 0. */
export function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

/** Whether check-in is open by the phone's clock: 30 min before the start to 60 min after the end (the server decides). */
export function checkInWindowOpen(activity: { startsAt: string; endsAt: string }, now: number): boolean {
  return now >= Date.parse(activity.startsAt) - 30 * 60_000 && now <= Date.parse(activity.endsAt) + 60 * 60_000;
}
