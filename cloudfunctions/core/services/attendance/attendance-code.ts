import { createHmac, timingSafeEqual } from 'node:crypto';
import { acceptedWindows, EXPIRED_LOOKBACK_WINDOWS, windowOf } from '../../../../shared/domain/volunteer/attendance-window';

/**
 * The rotating check-in code: HMAC-SHA256 of the activity and the 30-second window under a server
 * secret, cut to six digits the way HOTP does (RFC 4226 dynamic truncation), so a code can neither
 * be guessed ahead nor reused for another activity.
 */
export class AttendanceCodes {
  constructor(private readonly secret: string) {}

  codeFor(activityId: string, window: number): string {
    const mac = createHmac('sha256', this.secret).update(`${activityId}\n${window}`).digest();
    const offset = mac[mac.length - 1]! & 0x0f;
    const value = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
    return String(value % 1_000_000).padStart(6, '0');
  }

  /**
   * Which window a presented code comes from: `accepted` for the current or previous one, `expired`
   * for an older one of this activity (the volunteer should rescan), `foreign` for anything else.
   */
  check(activityId: string, code: string, now: Date): { kind: 'accepted'; window: number } | { kind: 'expired' } | { kind: 'foreign' } {
    for (const window of acceptedWindows(now)) if (this.same(this.codeFor(activityId, window), code)) return { kind: 'accepted', window };
    const oldest = windowOf(now) - EXPIRED_LOOKBACK_WINDOWS;
    for (let window = windowOf(now) - acceptedWindows(now).length; window >= oldest; window -= 1) {
      if (this.same(this.codeFor(activityId, window), code)) return { kind: 'expired' };
    }
    return { kind: 'foreign' };
  }

  private same(expected: string, given: string): boolean {
    return expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  }
}
