/**
 * The rotating check-in code's arithmetic, without the secret (the HMAC lives on the server): which
 * 30-second window an instant falls in, which windows a code may come from, when an activity takes
 * check-ins, and the QR payload the organizer's phone shows.
 */
export const CODE_WINDOW_MS = 30_000;

/** A code from the current window or the one before it is accepted: a scan near a window's end still counts. */
export const ACCEPTED_WINDOWS = 2;

/** Codes this many windows back are told apart as expired (not foreign), so the volunteer knows to rescan. */
export const EXPIRED_LOOKBACK_WINDOWS = 240;

export const CHECK_IN_OPENS_BEFORE_START_MS = 30 * 60_000;
export const CHECK_OUT_CLOSES_AFTER_END_MS = 60 * 60_000;

export function windowOf(instant: Date): number {
  return Math.floor(instant.getTime() / CODE_WINDOW_MS);
}

export function windowStart(window: number): Date {
  return new Date(window * CODE_WINDOW_MS);
}

/** The windows a code presented at `now` may come from, newest first. */
export function acceptedWindows(now: Date): number[] {
  const current = windowOf(now);
  return Array.from({ length: ACCEPTED_WINDOWS }, (_, i) => current - i);
}

/** True from 30 minutes before the start to 60 minutes after the end, both ends included. */
export function attendanceOpen(activity: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  const t = now.getTime();
  return t >= activity.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_START_MS && t <= activity.endsAt.getTime() + CHECK_OUT_CLOSES_AFTER_END_MS;
}

/** When nobody can check out any more: a check-in still open then was a forgotten check-out. */
export function checkOutClosesAt(activity: { endsAt: Date }): Date {
  return new Date(activity.endsAt.getTime() + CHECK_OUT_CLOSES_AFTER_END_MS);
}

const QR_PREFIX = 'yinling-checkin:1:';

/** What the QR code holds: the activity and the six digits, so a scan needs no typing. */
export function attendanceQrPayload(activityId: string, code: string): string {
  return `${QR_PREFIX}${activityId}:${code}`;
}

/** The activity and code in a scanned QR payload, or null when it is not one of ours. */
export function parseAttendanceQr(text: string): { activityId: string; code: string } | null {
  if (!text.startsWith(QR_PREFIX)) return null;
  const match = /^([A-Za-z0-9_-]{1,64}):(\d{6})$/.exec(text.slice(QR_PREFIX.length));
  return match ? { activityId: match[1]!, code: match[2]! } : null;
}
