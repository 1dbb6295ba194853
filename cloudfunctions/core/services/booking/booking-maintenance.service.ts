import { AppError } from '../../../../shared/errors';
import { DAY_MS } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';
import { bookingSubject, holderOf } from '../../../../shared/domain/hold-keys';
import { applyTransition, liveLockIds, release, RELEASING } from './booking-effects';
import type { BookingCreateService } from './booking-create.service';
import type { BookingTransitionService } from './booking-transition.service';

/** A write this old with nothing following it is taken as interrupted (a crash, a killed instance). */
export const REPAIR_GRACE_MS = 2 * 60_000;
const LOOKBACK_MS = 2 * DAY_MS;

export type RepairReport = { resumed: number; caughtUp: number; released: number; orphanSeats: number; orphanLocks: number; purged: number };

type Deps = {
  bookings: BookingRepository;
  holds: HoldRepository;
  outbox: EventLog;
  providers: ProviderRepository;
  creator: BookingCreateService;
  transitions: BookingTransitionService;
  clock: Clock;
};

/** The timer-triggered jobs: expire unanswered requests, and finish or undo interrupted writes. */
export class BookingMaintenanceService {
  constructor(private readonly deps: Deps) {}

  async expireRequests(): Promise<{ expired: number }> {
    const now = this.deps.clock.now();
    const due = await this.deps.bookings.requestsDueForExpiry(now, 500);
    let expired = 0;
    for (const booking of due) {
      try {
        await this.deps.transitions.transition(booking, { id: null, role: 'system' }, { to: 'expired', action: 'expire' });
        expired += 1;
      } catch (error) {
        // Accepted or cancelled in the meantime: that change won, nothing to expire.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      }
    }
    return { expired };
  }

  /**
   * Brings every booking back in line with its records, in this order:
   * 1. a create stopped after taking its seat (or, from the writer before, stuck in `holding`) is
   *    resumed: it gets its locks and is requested, or fails and gives its holds back;
   * 2. a transition recorded but not yet applied to its booking is applied;
   * 3. a finished booking still holding seats or locks gives them back;
   * 4. a seat or lock that matches no booking's current slot (a crash mid-reschedule, a lost
   *    create that a concurrent retry of it had taken a seat for) is deleted;
   * 5. seats and locks of times more than two days past are purged.
   */
  async repair(): Promise<RepairReport> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - REPAIR_GRACE_MS);
    const since = new Date(now.getTime() - LOOKBACK_MS);
    const report: RepairReport = { resumed: 0, caughtUp: 0, released: 0, orphanSeats: 0, orphanLocks: 0, purged: 0 };
    await this.deps.holds.adoptLegacyHolds();
    // Once per database: bookings stored before `startsDay` get it (the staff lists and counts use it).
    await this.deps.bookings.adoptDayKeys(now);
    await this.deps.bookings.settleDays(now);

    const settled = (error: unknown) => {
      // A create that loses answers with its reason; for the repair step that is an outcome like any other.
      if (!(error instanceof AppError)) throw error;
    };
    for (const stuck of await this.deps.bookings.stuckInHolding(before)) {
      await this.deps.creator.resumeHolding(stuck).catch(settled);
      report.resumed += 1;
    }

    for (const t of await this.deps.bookings.transitionsSince(since)) {
      const booking = await this.deps.bookings.findById(t.bookingId);
      if (booking && booking.version < t.seq && booking.version === t.seq - 1) {
        await applyTransition(this.deps, booking, t);
        report.caughtUp += 1;
      }
    }

    for (const booking of await this.deps.bookings.unreleasedIn(RELEASING)) {
      await release(this.deps, booking);
      report.released += 1;
    }

    await this.deps.holds.purgeAllowances(new Date(now.getTime() - DAY_MS - DAY_MS / 2));
    // Past the look-back, a booking's seat and time are history: its times can no longer be booked.
    // Only booking holds: an activity's seats and locks are its own module's to repair.
    report.purged = await this.deps.holds.purgePast('booking', since);
    const { seats, locks } = await this.deps.holds.staleHolds('booking', before, since);
    const cache = new Map<string, BookingDoc | null>();
    const bookingOf = async (id: string) => {
      if (!cache.has(id)) cache.set(id, await this.deps.bookings.findById(id));
      return cache.get(id) ?? null;
    };
    for (const seat of seats) {
      if (seat.draft && !(await bookingOf(seat.subject.id))) {
        // A create stopped after taking its seat: finished from the draft the seat carries, as the
        // create itself would have (the booking's insert decides, should the create still be running).
        await this.deps.creator.resume(seat.draft as BookingDoc).catch(settled);
        cache.delete(seat.subject.id);
        report.resumed += 1;
        continue;
      }
      const booking = await bookingOf(seat.subject.id);
      const current = booking && booking.status !== 'holding' && !RELEASING.includes(booking.status) && seat.holder === holderOf(bookingSubject(booking._id), booking.pool);
      if (!current && booking?.status !== 'holding') {
        await this.deps.holds.deleteSeat(seat._id);
        report.orphanSeats += 1;
      }
    }
    for (const lock of locks) {
      const booking = await bookingOf(lock.subject.id);
      if (booking?.status === 'holding') continue;
      const live = booking && !RELEASING.includes(booking.status) && liveLockIds(booking).includes(lock._id);
      if (!live) {
        await this.deps.holds.deleteLock(lock._id);
        report.orphanLocks += 1;
      }
    }
    return report;
  }
}
