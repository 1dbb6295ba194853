import { AppError } from '../../../../shared/errors';
import { acceptDeadline, checkTransition, type BookingActor, type BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository, TransitionDoc } from '../../repositories/booking.repository';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';
import { awaitsEligibilityCheck, checkReschedule } from '../../../../shared/domain/permissions';
import { eligibilityActions, type EligibilityVerdict } from '../../../../shared/domain/eligibility-check';
import { bookingSubject, escortPersonKey, lockIds, slotPool, timeBuckets } from '../../../../shared/domain/hold-keys';
import { applyTransition } from './booking-effects';
import type { SlotService } from './slot.service';

type Deps = {
  bookings: BookingRepository;
  holds: HoldRepository;
  outbox: EventLog;
  providers: ProviderRepository;
  catalog: CatalogRepository;
  slots: SlotService;
  clock: Clock;
};

export type Actor = { id: string | null; role: BookingActor };

export type TransitionRequest = {
  to: BookingStatus;
  action: string;
  reason?: string | null;
  notes?: string | null;
  changes?: TransitionDoc['changes'];
};

/**
 * Every change to an existing booking. A change is won by inserting transition record
 * `<bookingId>#<version + 1>`: of two actors racing (accept against cancel, two escorts claiming)
 * exactly one inserts it, the other gets CONFLICT. The booking document follows the record.
 */
export class BookingTransitionService {
  constructor(private readonly deps: Deps) {}

  async transition(booking: BookingDoc, actor: Actor, request: TransitionRequest): Promise<BookingDoc> {
    const service = await this.deps.catalog.findService(booking.service);
    const check = checkTransition({
      from: booking.status as BookingStatus,
      to: request.to,
      actor: actor.role,
      reason: request.reason,
      notes: request.notes,
      startsAt: booking.startsAt,
      now: this.deps.clock.now(),
      cancelCutoffMinutes: service?.cancelCutoffMinutes ?? 0,
    });
    if (!check.ok) {
      if (check.code === 'VALIDATION_FAILED') {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: check.field ?? '(root)', message: check.field === 'reason' ? '请填写原因' : '这一步不能填写备注' }] });
      }
      throw new AppError(check.code);
    }
    const changes: TransitionDoc['changes'] = { ...request.changes };
    if (request.reason) changes.reason = request.reason;
    if (request.notes) changes.serviceNotes = request.notes;
    return this.commit(booking, actor, request.to, request.action, request.reason ?? null, changes);
  }

  /**
   * Moves a booking to another slot of the same provider. The new seat and time locks are taken
   * first, then the move is recorded, then the old seat is freed: the resident never ends with neither.
   * A request not yet accepted gets a fresh accept deadline, as a new booking would: the provider has
   * the service's window from now to answer, never past the new start.
   */
  async reschedule(booking: BookingDoc, actor: Actor, startsAt: Date): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const service = await this.deps.catalog.findService(booking.service);
    const movable = checkReschedule(booking, now, service?.cancelCutoffMinutes ?? 0);
    if (!movable.ok) {
      if (movable.code === 'NOT_MOVABLE') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'bookingId', message: '陪诊请取消后重新申请' }] });
      throw new AppError(movable.code);
    }
    const provider = booking.providerId ? await this.deps.providers.findById(booking.providerId) : null;
    if (!service || !provider) throw new AppError('NOT_FOUND');
    if (startsAt.getTime() === booking.startsAt.getTime()) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'startsAt', message: '新时间与原时间相同' }] });
    }
    const slot = await this.deps.slots.offeredAt(provider, service, startsAt, now);
    if (!slot) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'startsAt', message: '这个时间不能预约，请选择日历上的时间' }] });

    const pool = slotPool(provider._id, slot.startsAt);
    const subject = bookingSubject(booking._id);
    const seat = await this.deps.holds.takeSeat(pool, slot.capacity, subject, slot.startsAt, now);
    if (!seat) throw new AppError('SLOT_FULL');
    const foreign = await this.deps.holds.lockBuckets(booking.personKey, subject, timeBuckets(slot.startsAt, slot.endsAt), now);
    const undo = async () => {
      await this.deps.holds.deleteSeat(seat._id);
      const keep = lockIds(booking.personKey, booking.startsAt, booking.endsAt);
      await this.deps.holds.releaseLocks(subject, keep);
    };
    if (foreign.length > 0) {
      await undo();
      throw new AppError('OVERLAPPING_BOOKING');
    }
    try {
      return await this.commit(booking, actor, booking.status as BookingStatus, 'reschedule', null, {
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        pool,
        poolCapacity: slot.capacity,
        ...(booking.status === 'requested' ? { acceptBy: acceptDeadline(service, now, slot.startsAt) } : {}),
      });
    } catch (error) {
      await undo();
      throw error;
    }
  }

  /** An escort takes an open request from the pool; of many at once, one wins. */
  async claim(booking: BookingDoc, escortProviderId: string, actor: Actor): Promise<BookingDoc> {
    if (booking.service !== 'escort') throw new AppError('NOT_FOUND');
    if (booking.providerId !== null || booking.status !== 'requested') throw new AppError('CONFLICT');
    return this.withEscortTime(booking, escortProviderId, () =>
      this.transition(booking, actor, { to: 'confirmed', action: 'claim', changes: { providerId: escortProviderId } }),
    );
  }

  /** Staff assign an escort to an open request, or hand a confirmed one to another escort. */
  async assign(booking: BookingDoc, escortProviderId: string, actor: Actor, reason: string | null): Promise<BookingDoc> {
    if (booking.service !== 'escort') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'bookingId', message: '只有陪诊可以指派' }] });
    if (booking.status === 'requested') {
      return this.withEscortTime(booking, escortProviderId, () =>
        this.transition(booking, actor, { to: 'confirmed', action: 'assign', reason, changes: { providerId: escortProviderId } }),
      );
    }
    if (booking.status !== 'confirmed') throw new AppError('CONFLICT');
    if (booking.providerId === escortProviderId) return booking;
    const previous = booking.providerId;
    const moved = await this.withEscortTime(booking, escortProviderId, () =>
      this.commit(booking, actor, 'confirmed', 'reassign', reason, { providerId: escortProviderId }),
    );
    // The escort who lost the job has that time free again (the repair step would free it too).
    if (previous) await this.deps.holds.deleteLocksOf(bookingSubject(booking._id), lockIds(escortPersonKey(previous), booking.startsAt, booking.endsAt));
    return moved;
  }

  /**
   * Staff verify or reject the hardship group an escort request claims; free of charge follows the
   * verdict. Recorded as a transition that keeps the status, so of two staff deciding at once one
   * wins (the other gets CONFLICT, or ALREADY_DECIDED once it has landed) and the repair step
   * finishes a decision a crash cut short.
   */
  async reviewEligibility(booking: BookingDoc, actor: Actor, verdict: EligibilityVerdict, reason: string | null): Promise<BookingDoc> {
    if (booking.service !== 'escort' || !booking.eligibilityCheck) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'bookingId', message: '这条预约没有申请免费' }] });
    }
    if (booking.eligibilityCheck.status !== 'pending') throw new AppError('ALREADY_DECIDED');
    if (!awaitsEligibilityCheck(booking)) throw new AppError('CONFLICT');
    if (verdict === 'rejected' && !reason) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'reason', message: '请填写原因，居民会看到' }] });
    const now = this.deps.clock.now();
    return this.commit(booking, actor, booking.status as BookingStatus, eligibilityActions[verdict], reason, {
      freeOfCharge: verdict === 'verified',
      eligibilityCheck: { status: verdict, reason, decidedAt: now },
    });
  }

  /**
   * Runs `step` holding the escort's time for the booking (unique time locks, like a resident's), so
   * one escort never has two jobs at once; undone when the step fails (another escort won).
   */
  private async withEscortTime(booking: BookingDoc, escortProviderId: string, step: () => Promise<BookingDoc>): Promise<BookingDoc> {
    const person = escortPersonKey(escortProviderId);
    const foreign = await this.deps.holds.lockBuckets(person, bookingSubject(booking._id), timeBuckets(booking.startsAt, booking.endsAt), this.deps.clock.now());
    if (foreign.length > 0) throw new AppError('ESCORT_BUSY');
    try {
      return await step();
    } catch (error) {
      // An AppError means this attempt was refused or lost. The locks are shared with any concurrent
      // attempt for the same escort and booking (a double tap), so they stay when the change that won
      // gave the job to this escort. After any other fault the change may have gone through, and the
      // repair step sorts the locks out.
      if (error instanceof AppError) {
        const won = await this.deps.bookings.findTransition(`${booking._id}#${booking.version + 1}`);
        if (won?.changes.providerId !== escortProviderId) await this.deps.holds.deleteLocksOf(bookingSubject(booking._id), lockIds(person, booking.startsAt, booking.endsAt));
      }
      throw error;
    }
  }

  private async commit(
    booking: BookingDoc,
    actor: Actor,
    to: BookingStatus,
    action: string,
    reason: string | null,
    changes: TransitionDoc['changes'],
  ): Promise<BookingDoc> {
    const seq = booking.version + 1;
    const record: TransitionDoc = {
      _id: `${booking._id}#${seq}`,
      bookingId: booking._id,
      seq,
      from: booking.status,
      to,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      reason,
      at: this.deps.clock.now(),
      changes,
    };
    if (!(await this.deps.bookings.recordTransition(record))) throw new AppError('CONFLICT');
    return applyTransition(this.deps, booking, record);
  }
}
