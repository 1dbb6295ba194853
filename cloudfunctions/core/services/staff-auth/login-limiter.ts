import {
  accountTicketPrefix,
  addressTicketPrefix,
  addressWindowEnd,
  loginLimits,
} from '../../../../shared/domain/staff-auth/login-limits';
import type { Clock } from '../../ports/clock';
import type { LoginAttemptRepository } from '../../repositories/login-attempt.repository';
import type { StaffCredentialDoc, StaffCredentialRepository } from '../../repositories/staff-credential.repository';

export type AccountOutcome = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'locked'; until: Date };

export type LoginLimiterDeps = { credentials: StaffCredentialRepository; attempts: LoginAttemptRepository; clock: Clock };

/**
 * The password login's two limits, both on numbered tickets (login-attempt.repository.ts), taken
 * BEFORE the password is checked: a check happens only for an attempt that holds a ticket, so N
 * parallel attempts get at most the limit's number of checks. A count kept by incrementing a field
 * would not do: FerretDB applies an update as read-then-write, and 50 racing increments can all read 0.
 */
export class LoginLimiter {
  constructor(private readonly deps: LoginLimiterDeps) {}

  /**
   * A ticket of the address's current window, or the time its window ends when all are taken. The
   * caller gives the ticket back when the login succeeded (or no password was checked): the limit
   * is on failures, so a street office behind one address can still sign its whole staff in.
   */
  async takeAddressTicket(address: string): Promise<{ ticket: string } | { until: Date }> {
    const now = this.deps.clock.now();
    const ticket = await this.deps.attempts.take(addressTicketPrefix(address, now), loginLimits.addressFailures, now);
    return ticket ? { ticket: ticket._id } : { until: addressWindowEnd(now) };
  }

  async releaseAddressTicket(ticket: string): Promise<void> {
    await this.deps.attempts.release(ticket);
  }

  /**
   * Runs `check` (the password comparison) under the account's limit: at most `accountFailures`
   * checks per series; the last one failing locks the account for `lockMs`; a success starts a new
   * series. The lock ends by itself: the first attempt after it starts the next series.
   */
  async underAccountLimit(credential: StaffCredentialDoc, check: () => Promise<boolean>): Promise<AccountOutcome> {
    const { credentials, attempts } = this.deps;
    let current: StaffCredentialDoc | null = credential;
    // A racer may find its series just ended (by a success or a lock's end): read again, a few times.
    for (let round = 0; current && round < 3; round += 1) {
      const now = this.deps.clock.now();
      if (current.lockedUntil && current.lockedUntil > now) return { kind: 'locked', until: current.lockedUntil };
      const pool = accountTicketPrefix(current._id, current.attemptSeries);
      const ticket = await attempts.take(pool, loginLimits.accountFailures, now);
      if (!ticket) {
        // Every check of the series is spent: locked until lockMs after the last one, or over.
        const last = await attempts.latestAt(pool);
        const until = new Date((last ?? now).getTime() + loginLimits.lockMs);
        if (until > now) {
          if (!current.lockedUntil || current.lockedUntil < until) await credentials.recordFailure(current._id, loginLimits.accountFailures, until, now);
          return { kind: 'locked', until };
        }
        await credentials.startSeries(current._id, current.attemptSeries, now);
        await attempts.dropPool(pool);
        current = await credentials.byLoginKey(current._id);
        continue;
      }
      if (await check()) {
        await credentials.startSeries(current._id, current.attemptSeries, now);
        await attempts.dropPool(pool);
        return { kind: 'ok' };
      }
      const failures = ticket.n + 1;
      if (failures >= loginLimits.accountFailures) {
        const until = new Date(ticket.at.getTime() + loginLimits.lockMs);
        await credentials.recordFailure(current._id, failures, until, now);
        return { kind: 'locked', until };
      }
      await credentials.recordFailure(current._id, failures, null, now);
      return { kind: 'wrong' };
    }
    return { kind: 'wrong' };
  }

  /** Forgets tickets whose window and lock are long over. */
  async purge(): Promise<{ deleted: number }> {
    return { deleted: await this.deps.attempts.purgeBefore(new Date(this.deps.clock.now().getTime() - loginLimits.keepAttemptsMs)) };
  }
}
