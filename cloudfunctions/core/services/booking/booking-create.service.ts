import { createHash } from 'node:crypto';
import { AppError, type ErrorCode } from '../../../../shared/errors';
import { isFreeOfCharge } from '../../../../shared/domain/service-kinds';
import { DAY_MS, MINUTE_MS, districtDateOf } from '../../../../shared/domain/time';
import type { bookingActions } from '../../../../shared/schemas/booking.schema';
import type { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { CatalogRepository, ServiceDoc } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { Caller } from '../../runtime/caller';
import { applyTransition, release, seatHolder, timeBuckets } from './booking-effects';
import { slotPool, type SlotService } from './slot.service';

export type CreateInput = z.output<typeof bookingActions.create>;

type Deps = {
  bookings: BookingRepository;
  holds: HoldRepository;
  outbox: EventLog;
  providers: ProviderRepository;
  catalog: CatalogRepository;
  district: DistrictRepository;
  users: UserRepository;
  slots: SlotService;
  clock: Clock;
  /** Bookings one resident may start per day (config BOOKING_DAILY_LIMIT). */
  dailyLimit: number;
};

/** A request must be answered within the service's window, and in any case before it starts. */
function acceptDeadline(windowEnd: Date | null, startsAt: Date): Date | null {
  return windowEnd && new Date(Math.min(windowEnd.getTime(), startsAt.getTime()));
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/**
 * Creating a booking, in an order a crash can always be finished or undone from:
 * 1. the booking document in `holding` (its id derives from the booker and request id: a retry
 *    finds it instead of making a second);
 * 2. a seat of the slot (or of the 街道's escort day), by unique insert;
 * 3. the person's time locks, by unique insert;
 * 4. transition #1 (holding → requested, or → failed): whoever records it decides, so a retry or
 *    the repair step racing the original can never disagree.
 */
export class BookingCreateService {
  constructor(private readonly deps: Deps) {}

  async create(caller: Caller, input: CreateInput): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const bookingId = `bk${createHash('sha256').update(`${caller.userId}:${input.requestId}`).digest('hex').slice(0, 22)}`;
    const existing = await this.deps.bookings.findById(bookingId);
    if (existing) return this.settle(existing);

    const draft = await this.draft(caller, input, bookingId, now);
    // The allowance is spent on the attempt, whatever its outcome, so one account cannot hammer a day.
    const allowance = await this.deps.holds.takeAllowance(`creates:${caller.userId}:${districtDateOf(now)}`, this.deps.dailyLimit, now);
    if (!allowance) throw new AppError('RATE_LIMITED');
    const { booking, created } = await this.deps.bookings.insertOrGet(draft);
    return created ? this.acquire(booking) : this.settle(booking);
  }

  /** Validates everything and builds the document; nothing is written before this succeeds. */
  private async draft(caller: Caller, input: CreateInput, bookingId: string, now: Date): Promise<BookingDoc & { poolCapacity: number }> {
    const kind = input.details.kind;
    const service = await this.deps.catalog.findService(kind);
    if (!service) throw new AppError('NOT_FOUND', { service: kind });
    const base = {
      _id: bookingId,
      requestId: input.requestId,
      service: kind,
      bookerId: caller.userId,
      personKey: input.forFamily ? `${caller.userId}~${input.forFamily.phone}` : caller.userId,
      forFamily: input.forFamily ?? null,
      contactPhone: input.contactPhone,
      details: input.details,
      freeOfCharge: input.details.kind === 'escort' ? isFreeOfCharge(input.details.eligibility) : true,
      status: 'holding' as const,
      version: 0,
      acceptBy: service.requiresAcceptance ? new Date(now.getTime() + service.acceptWindowMinutes * MINUTE_MS) : null,
      reason: null,
      serviceNotes: null,
      failure: null,
      released: false,
      createdAt: now,
      updatedAt: now,
    };

    if (input.details.kind === 'escort') {
      if (input.providerId) throw invalid('providerId', '陪诊由陪诊员认领，不能指定');
      this.checkWindow(service, input.startsAt, now);
      const street = await this.deps.district.findStreet(input.details.streetId);
      if (!street) throw invalid('details.streetId', '没有这个街道');
      const day = districtDateOf(input.startsAt);
      return {
        ...base,
        providerId: null,
        stationId: null,
        streetId: street._id,
        pool: `escortday:${street._id}:${day}`,
        poolCapacity: street.escortDailyCapacity,
        startsAt: input.startsAt,
        endsAt: new Date(input.startsAt.getTime() + service.durationMinutes * MINUTE_MS),
        acceptBy: acceptDeadline(base.acceptBy, input.startsAt),
      };
    }

    if (!input.providerId) throw invalid('providerId', '请选择服务人员');
    const provider = await this.deps.providers.findById(input.providerId);
    if (!provider || !provider.active || provider.kind !== kind) throw invalid('providerId', '没有这位服务人员');
    this.checkWindow(service, input.startsAt, now);
    const slot = await this.deps.slots.offeredAt(provider, service, input.startsAt, now);
    if (!slot) throw invalid('startsAt', '这个时间不能预约，请选择日历上的时间');
    const station = provider.stationId ? await this.deps.district.findStation(provider.stationId) : null;
    const booker = await this.deps.users.findById(caller.userId);
    const community = booker?.communityId ? await this.deps.district.findCommunity(booker.communityId) : null;
    return {
      ...base,
      providerId: provider._id,
      stationId: provider.stationId,
      streetId: station?.streetId ?? community?.streetId ?? null,
      pool: slotPool(provider._id, slot.startsAt),
      poolCapacity: slot.capacity,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      acceptBy: acceptDeadline(base.acceptBy, slot.startsAt),
    };
  }

  private checkWindow(service: ServiceDoc, startsAt: Date, now: Date): void {
    if (startsAt.getTime() < now.getTime() + service.leadTimeMinutes * MINUTE_MS) {
      throw invalid('startsAt', startsAt <= now ? '不能预约过去的时间' : '时间太近了，请选择晚一些的时间');
    }
    if (startsAt.getTime() > now.getTime() + service.horizonDays * DAY_MS) {
      throw invalid('startsAt', `只能预约 ${service.horizonDays} 天以内的时间`);
    }
  }

  /** Steps 2–4; safe to run again for the same booking (a retry or the repair step resumes here). */
  async acquire(booking: BookingDoc & { poolCapacity?: number }): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const capacity = booking.poolCapacity ?? 1;
    const seat = await this.deps.holds.takeSeat(booking.pool, capacity, seatHolder(booking._id, booking.pool), booking._id, booking.startsAt, now);
    if (!seat) return this.decide(booking, 'failed', booking.service === 'escort' ? 'CAPACITY_REACHED' : 'SLOT_FULL');
    const foreign = await this.deps.holds.lockBuckets(booking.personKey, booking._id, timeBuckets(booking.startsAt, booking.endsAt), now);
    if (foreign.length > 0) return this.decide(booking, 'failed', 'OVERLAPPING_BOOKING');
    return this.decide(booking, 'requested', null);
  }

  private async decide(booking: BookingDoc, to: 'requested' | 'failed', failure: ErrorCode | null): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const transition = {
      _id: `${booking._id}#1`,
      bookingId: booking._id,
      seq: 1,
      from: 'holding' as const,
      to,
      action: 'create',
      actorId: booking.bookerId,
      actorRole: 'resident',
      reason: failure,
      at: now,
      changes: {},
    };
    if (await this.deps.bookings.recordTransition(transition)) {
      if (failure) await this.deps.bookings.set(booking._id, { failure });
      const applied = await applyTransition(this.deps, { ...booking, failure }, transition);
      return this.settle(applied);
    }
    // Someone else (a retry, the repair step) decided first; their decision stands.
    const decided = await this.deps.bookings.findById(booking._id);
    if (!decided) throw new AppError('INTERNAL', { reason: 'booking vanished after its first transition' });
    if (decided.status === 'holding') {
      const [first] = await this.deps.bookings.history(booking._id);
      if (first) return this.settle(await applyTransition(this.deps, decided, first));
    }
    return this.settle(decided);
  }

  /** What a create (or its retry) answers for a stored booking. */
  private async settle(booking: BookingDoc): Promise<BookingDoc> {
    if (booking.status === 'holding') return this.acquire(booking);
    if (booking.status === 'failed') {
      if (!booking.released) await release(this.deps, booking);
      throw new AppError((booking.failure as ErrorCode | null) ?? 'CONFLICT');
    }
    return booking;
  }
}
