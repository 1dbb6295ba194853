import { createHash } from 'node:crypto';
import { AppError, type ErrorCode } from '../../../../shared/errors';
import { acceptDeadline } from '../../../../shared/domain/booking-lifecycle';
import { initialEligibilityCheck } from '../../../../shared/domain/eligibility-check';
import { PROXY_RELATIONSHIP } from '../../../../shared/domain/service-kinds';
import { DAY_MS, MINUTE_MS, districtDateOf } from '../../../../shared/domain/time';
import type { bookingActions } from '../../../../shared/schemas/booking.schema';
import type { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository, TransitionDoc } from '../../repositories/booking.repository';
import type { CatalogRepository, ServiceDoc } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { HoldRepository, SeatDoc } from '../../repositories/hold.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import {
  bookerPersonKey,
  bookingSubject,
  dailyCreatesPool,
  escortDayPool,
  holderOf,
  proxyPersonKey,
  slotPool,
  timeBuckets,
} from '../../../../shared/domain/hold-keys';
import { applyTransition, release } from './booking-effects';
import type { SlotService } from './slot.service';

export type CreateInput = z.output<typeof bookingActions.create>;

/**
 * A booking staff make for a walk-in or phone caller (代办): the staff member is the booker of record
 * (and hears of it), the elder the person served, who has no account and gets no app notices.
 */
export type ProxyBooking = { elder: { name: string; phone: string; communityId: string } };

type Deps = {
  bookings: BookingRepository;
  holds: HoldRepository;
  outbox: EventLog;
  providers: ProviderRepository;
  catalog: CatalogRepository;
  district: DistrictRepository;
  slots: SlotService;
  clock: Clock;
  /** Bookings one resident may start per day (config BOOKING_DAILY_LIMIT). */
  dailyLimit: number;
  /** Bookings one staff member may make per day for others (config PROXY_DAILY_LIMIT). */
  proxyDailyLimit: number;
};

/** The seat pool a create request aims at, known before any read; null when the request lacks a provider. */
function requestedPool(input: CreateInput): string | null {
  if (input.details.kind === 'escort') return escortDayPool(input.details.streetId, districtDateOf(input.startsAt));
  return input.providerId ? slotPool(input.providerId, input.startsAt) : null;
}

/** What a create is told when every seat is taken: a slot is full, a 街道's escort day is used up. */
const fullCode = (booking: Pick<BookingDoc, 'service'>): ErrorCode => (booking.service === 'escort' ? 'CAPACITY_REACHED' : 'SLOT_FULL');

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/**
 * Creating a booking. First everything is read (in parallel) and checked, and a slot already full is
 * refused without writing. Then the writes, in an order a crash can always be finished or undone from:
 * 1. a seat of the slot (or of the 街道's escort day), by unique insert, carrying the booking as it
 *    is to be stored (its id derives from the booker and request id: a retry takes the same seat);
 * 2. the person's time locks, by unique insert;
 * 3. the booking itself, already decided (requested, or failed), with its transition #1: the unique
 *    id makes whoever inserts it decide, so a retry or the repair step racing the original (which
 *    finishes a create from its seat) can never disagree;
 * 4. its event; the notices made from it follow the reply (after-reply.ts).
 * A booking stored in `holding` (by the writer before this one) is finished as it began: its
 * transition #1 record decides.
 */
export class BookingCreateService {
  constructor(private readonly deps: Deps) {}

  async create(caller: Caller, input: CreateInput, proxy?: ProxyBooking): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const bookingId = `bk${createHash('sha256').update(`${caller.userId}:${input.requestId}`).digest('hex').slice(0, 22)}`;
    // The stored booking (for a retry), the draft's reads and the slot's seats go out together:
    // the seat pool is known from the request, and every read is a round trip. In an invocation the
    // draft's reads (service, provider, hours, calendar) come from the instance's cache, checked
    // against the stamps with the session (ReferenceCache), so a warm create reads just these two.
    const pool = requestedPool(input);
    const [existing, drafted, seen] = await Promise.all([
      this.deps.bookings.findById(bookingId),
      this.draft(caller, input, bookingId, now, proxy).then(
        (doc) => ({ doc }),
        (error: unknown) => ({ error }),
      ),
      pool ? this.deps.holds.seatsIn(pool) : null,
    ]);
    // A retry is answered with the stored booking, even if its slot could no longer be chosen.
    if (existing) return this.settle(existing);
    if ('error' in drafted) throw drafted.error;
    const draft = drafted.doc;
    const seats = draft.pool === pool && seen ? seen : await this.deps.holds.seatsIn(draft.pool);
    // A full slot is answered from that one read, before anything is written: in a rush most
    // attempts end here. A seat of our own (a concurrent retry of this request took it) is not "full".
    const holder = holderOf(bookingSubject(bookingId), draft.pool);
    if (seats.length >= draft.poolCapacity && !seats.some((seat) => seat.holder === holder)) throw new AppError(fullCode(draft));
    // Every request that writes spends an allowance, whatever its outcome, so one account cannot
    // hammer a day; the allowance belongs to the booking, so retries of it (even concurrent ones,
    // which all get here before any of them stored the booking) spend that one and no other.
    // Looked up only here: a refused-full create, most of a rush, never needs it.
    const limit = proxy ? this.deps.proxyDailyLimit : this.deps.dailyLimit;
    const allowanceKey = dailyCreatesPool(caller.userId, districtDateOf(now));
    if (!(await this.deps.holds.takeAllowance(allowanceKey, limit, bookingSubject(bookingId), now))) throw new AppError('RATE_LIMITED');
    if (draft.streetId === null) Object.assign(draft, await this.placeOf(draft.stationId, draft.communityId ?? null));
    return this.acquire(draft, { stored: false, seen: seats });
  }

  /** Finishes a create interrupted after it took its seat (the repair step), from the draft on the seat. */
  resume(draft: BookingDoc): Promise<BookingDoc> {
    return this.acquire(draft, { stored: false });
  }

  /** Finishes a booking stored in `holding` by the writer before this one (the repair step, a retry). */
  resumeHolding(booking: BookingDoc): Promise<BookingDoc> {
    return this.acquire(booking, { stored: true });
  }

  /** The 社区 and 街道 a booking counts for in staff views: its station's, else the booker's community's. */
  private async placeOf(stationId: string | null, communityId: string | null): Promise<Pick<BookingDoc, 'streetId' | 'communityId'>> {
    const [station, community] = await Promise.all([
      stationId ? this.deps.district.findStation(stationId) : null,
      communityId ? this.deps.district.findCommunity(communityId) : null,
    ]);
    if (station) return { streetId: station.streetId, communityId: station.communityId };
    return { streetId: community?.streetId ?? null, communityId: community?._id ?? null };
  }

  /** Validates everything and builds the document; nothing is written before this succeeds. */
  private async draft(caller: Caller, input: CreateInput, bookingId: string, now: Date, proxy?: ProxyBooking): Promise<BookingDoc & { poolCapacity: number }> {
    const kind = input.details.kind;
    // Independent reads go out together: each is a round trip, and a create makes several.
    const [service, provider] = await Promise.all([
      this.deps.catalog.findService(kind),
      input.details.kind !== 'escort' && input.providerId ? this.deps.providers.findById(input.providerId) : null,
    ]);
    if (!service) throw new AppError('NOT_FOUND', { service: kind });
    const base = {
      _id: bookingId,
      requestId: input.requestId,
      service: kind,
      bookerId: caller.userId,
      personKey: proxy ? proxyPersonKey(proxy.elder.phone) : bookerPersonKey(caller.userId, input.forFamily?.phone ?? null),
      forFamily: proxy ? { name: proxy.elder.name, phone: proxy.elder.phone, relationship: PROXY_RELATIONSHIP } : (input.forFamily ?? null),
      contactPhone: input.contactPhone,
      // The person served's 社区 (the booker's, or the elder's for 代办); a station's booking gets its station's (placeOf).
      communityId: proxy ? proxy.elder.communityId : caller.communityId,
      details: input.details,
      // Escort is free for a hardship group once staff verified the claim (staff.reviewEligibility).
      freeOfCharge: input.details.kind !== 'escort',
      eligibilityCheck: input.details.kind === 'escort' ? initialEligibilityCheck(input.details.eligibility) : null,
      status: 'holding' as const,
      version: 0,
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
        pool: escortDayPool(street._id, day),
        poolCapacity: street.escortDailyCapacity,
        startsAt: input.startsAt,
        endsAt: new Date(input.startsAt.getTime() + service.durationMinutes * MINUTE_MS),
        acceptBy: acceptDeadline(service, now, input.startsAt),
      };
    }

    if (!input.providerId) throw invalid('providerId', '请选择服务人员');
    if (!provider || !provider.active || provider.kind !== kind) throw invalid('providerId', '没有这位服务人员');
    this.checkWindow(service, input.startsAt, now);
    const slot = await this.deps.slots.offeredAt(provider, service, input.startsAt, now);
    if (!slot) throw invalid('startsAt', '这个时间不能预约，请选择日历上的时间');
    return {
      ...base,
      providerId: provider._id,
      stationId: provider.stationId,
      // Looked up by create only once the slot is known not to be full (see placeOf).
      streetId: null,
      pool: slotPool(provider._id, slot.startsAt),
      poolCapacity: slot.capacity,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      acceptBy: acceptDeadline(service, now, slot.startsAt),
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

  /**
   * Steps 1–4 for a draft, or the same for a booking stored in `holding`; safe to run again for the
   * same booking (a retry, the repair step). `seen` is the slot's seats as create read them a moment ago.
   */
  private async acquire(booking: BookingDoc, { stored, seen }: { stored: boolean; seen?: SeatDoc[] }): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const seat = await this.deps.holds.takeSeat(booking.pool, booking.poolCapacity ?? 1, bookingSubject(booking._id), booking.startsAt, now, seen, stored ? undefined : booking);
    if (!seat) return this.decide(booking, stored, 'failed', fullCode(booking), null);
    const foreign = await this.deps.holds.lockBuckets(booking.personKey, bookingSubject(booking._id), timeBuckets(booking.startsAt, booking.endsAt), now);
    if (foreign.length > 0) return this.decide(booking, stored, 'failed', 'OVERLAPPING_BOOKING', seat);
    return this.decide(booking, stored, 'requested', null, seat);
  }

  /**
   * Step 3: the decision. A draft is decided by inserting the booking; a booking stored in `holding`
   * by recording its transition #1. Whoever loses takes the stored decision as its own.
   */
  private async decide(booking: BookingDoc, stored: boolean, to: 'requested' | 'failed', failure: ErrorCode | null, seat: SeatDoc | null): Promise<BookingDoc> {
    const now = this.deps.clock.now();
    const transition: TransitionDoc = {
      _id: `${booking._id}#1`,
      bookingId: booking._id,
      seq: 1,
      from: 'holding',
      to,
      action: 'create',
      actorId: booking.bookerId,
      actorRole: 'resident',
      reason: failure,
      at: now,
      changes: failure ? { failure } : {},
    };
    const won = stored ? await this.deps.bookings.recordTransition(transition) : await this.insertDecided(booking, transition, seat !== null);
    if (!won) return this.conform(booking._id);
    if (failure) {
      // A lost create gives back what this attempt holds (lockBuckets already removed its locks) and
      // is marked released. A seat a concurrent retry of the same request still holds matches no
      // live booking: repair deletes it.
      if (seat) await this.deps.holds.deleteSeat(seat._id);
      if (stored || seat) await this.deps.bookings.set(booking._id, { status: 'failed', version: 1, failure, released: true, updatedAt: now });
      throw new AppError(failure);
    }
    // The booking is stored as decided; for a stored one this catches it up. Either way its event is recorded.
    const decided = stored ? booking : { ...booking, status: to, version: 1, updatedAt: now };
    return applyTransition(this.deps, decided, transition);
  }

  /** Inserts the decided booking with its transition #1; false when one with its id is stored already. */
  private async insertDecided(draft: BookingDoc, transition: TransitionDoc, holdsSeat: boolean): Promise<boolean> {
    const doc: BookingDoc = {
      ...draft,
      status: transition.to,
      version: 1,
      failure: transition.reason,
      // A lost create holding a seat is marked released once it gave the seat back (decide).
      released: transition.to === 'failed' && !holdsSeat,
      updatedAt: transition.at,
      firstTransition: transition,
    };
    return (await this.deps.bookings.insertOrGet(doc)).created;
  }

  /** Someone else (a retry, the repair step) decided first: their decision stands. */
  private async conform(bookingId: string): Promise<BookingDoc> {
    const decided = await this.deps.bookings.findById(bookingId);
    if (!decided) throw new AppError('INTERNAL', { reason: 'booking vanished after its first transition' });
    if (decided.status === 'holding') {
      const first = await this.deps.bookings.findTransition(`${bookingId}#1`);
      if (first) return this.settle(await applyTransition(this.deps, decided, first));
    }
    return this.settle(decided);
  }

  /** What a create (or its retry) answers for a stored booking. */
  private async settle(booking: BookingDoc): Promise<BookingDoc> {
    if (booking.status === 'holding') return this.resumeHolding(booking);
    if (booking.status === 'failed') {
      if (!booking.released) await release(this.deps, booking);
      // Records made before a lost create's reason travelled with its transition carry it as `reason`.
      const failure = booking.failure ?? (await this.deps.bookings.findTransition(`${booking._id}#1`))?.reason;
      throw new AppError((failure as ErrorCode | null | undefined) ?? 'SLOT_FULL');
    }
    return booking;
  }
}
