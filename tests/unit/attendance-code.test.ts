/**
 * The rotating code without an engine: the window arithmetic, which windows are accepted, and that
 * a code is bound to its activity and secret.
 */
import { AttendanceCodes } from '../../cloudfunctions/core/services/attendance/attendance-code';
import { acceptedWindows, attendanceOpen, attendanceQrPayload, parseAttendanceQr, windowOf, windowStart } from '../../shared/domain/volunteer/attendance-window';

const sut = new AttendanceCodes('unit-test-secret-0123456789abcdef0123');
const t0 = new Date('2026-12-02T01:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe('windows', () => {
  it('a window is 30 s, starting on the half minute', () => {
    expect(windowOf(t0)).toBe(windowOf(plus(29_999)));
    expect(windowOf(plus(30_000))).toBe(windowOf(t0) + 1);
    expect(windowStart(windowOf(plus(12_345)))).toEqual(t0);
  });
  it('accepts the current and the previous window, nothing older', () => {
    expect(acceptedWindows(plus(45_000))).toEqual([windowOf(t0) + 1, windowOf(t0)]);
  });
});

describe('AttendanceCodes', () => {
  const activityId = 'act-1';
  const code = sut.codeFor(activityId, windowOf(t0));

  it('is six digits, and changes with the window and the activity', () => {
    expect(code).toMatch(/^\d{6}$/);
    const nextWindows = Array.from({ length: 20 }, (_, i) => sut.codeFor(activityId, windowOf(t0) + 1 + i));
    expect(nextWindows.filter((c) => c === code).length).toBeLessThanOrEqual(1);
    expect(sut.codeFor('act-2', windowOf(t0))).not.toBe(code);
    expect(new AttendanceCodes('another-secret-0123456789abcdef0123456').codeFor(activityId, windowOf(t0))).not.toBe(code);
  });

  it('accepts a code in its window and the next, calls it expired after, foreign for another activity', () => {
    expect(sut.check(activityId, code, plus(10_000))).toEqual({ kind: 'accepted', window: windowOf(t0) });
    expect(sut.check(activityId, code, plus(59_999))).toEqual({ kind: 'accepted', window: windowOf(t0) });
    expect(sut.check(activityId, code, plus(60_000))).toEqual({ kind: 'expired' });
    expect(sut.check(activityId, code, plus(3600_000))).toEqual({ kind: 'expired' });
    expect(sut.check('act-2', code, plus(10_000)).kind).not.toBe('accepted');
    // Not yet valid: a code of a future window is refused (it cannot be known ahead anyway).
    expect(sut.check(activityId, sut.codeFor(activityId, windowOf(t0) + 2), t0).kind).not.toBe('accepted');
  });

  it('the QR payload carries the activity and the code', () => {
    expect(parseAttendanceQr(attendanceQrPayload(activityId, code))).toEqual({ activityId, code });
    expect(parseAttendanceQr('https://example.com/123456')).toBeNull();
    expect(parseAttendanceQr(`yinling-checkin:1:${activityId}:12345`)).toBeNull();
  });
});

describe('attendanceOpen', () => {
  const activity = { startsAt: t0, endsAt: plus(2 * 3600_000) };
  it('from 30 min before the start to 60 min after the end', () => {
    expect(attendanceOpen(activity, plus(-30 * 60_000 - 1))).toBe(false);
    expect(attendanceOpen(activity, plus(-30 * 60_000))).toBe(true);
    expect(attendanceOpen(activity, plus(3 * 3600_000))).toBe(true);
    expect(attendanceOpen(activity, plus(3 * 3600_000 + 1))).toBe(false);
  });
});
