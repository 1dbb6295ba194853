import type { z } from 'zod';
import { ACTIVE_BOOKING_STATUSES } from '../../../../shared/domain/booking-lifecycle';
import { orderEscortPool } from '../../../../shared/domain/escort-pool';
import { isNearAcceptBy, possibleDuplicates } from '../../../../shared/domain/escort-dispatch';
import { districtRelationToBooking, streetScopeOf } from '../../../../shared/domain/permissions';
import type { EligibilityVerdict } from '../../../../shared/domain/eligibility-check';
import { addDays, districtDateOf, districtDayStart } from '../../../../shared/domain/time';
import { AppError } from '../../../../shared/errors';
import type { staffDeskActions } from '../../../../shared/schemas/staff-desk.schema';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import type { BookingAccess } from '../booking/booking-access';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { BookingCreateService } from '../booking/booking-create.service';
import type { BookingTransitionService } from '../booking/booking-transition.service';
import { toHistory } from '../booking/booking-view';

type ListInput = z.output<typeof staffDeskActions.streetBookings>;
type BookForInput = z.output<typeof staffDeskActions.bookFor>;

type Deps = {
  bookings: BookingRepository;
  providers: ProviderRepository;
  district: DistrictRepository;
  access: BookingAccess;
  creator: BookingCreateService;
  transitions: BookingTransitionService;
  clock: Clock;
};

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/**
 * The staff desk's bookings: a 街道's list and details, and escort dispatch. Staff see their 街道,
 * admin the district (or one 街道 they pick); views are built as staff are shown bookings, so a
 * counseling topic, notes and reasons never reach this desk.
 */
export class StaffBookingDesk {
  constructor(private readonly deps: Deps) {}

  async list(caller: Caller, input: ListInput) {
    const scope = streetScopeOf(caller, input.streetId);
    const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
    if (scope.kind === 'none') return empty;
    const { items, total } = await this.deps.bookings.ofStreet({
      streetId: scope.kind === 'street' ? scope.streetId : undefined,
      service: input.service,
      status: input.status,
      from: input.from ? districtDayStart(input.from) : undefined,
      to: input.to ? districtDayStart(addDays(input.to, 1)) : undefined,
      stationId: input.stationId,
      communityId: input.communityId,
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
      now: this.deps.clock.now(),
    });
    return { items: await this.deps.access.views(items, relationOfDesk(caller)), total, page: input.page, pageSize: input.pageSize };
  }

  async detail(caller: Caller, bookingId: string) {
    const { booking, relation } = await this.load(caller, bookingId);
    return { booking: await this.deps.access.view(booking, relation), history: toHistory(booking, relation, await this.deps.bookings.history(booking)) };
  }

  /**
   * 代办: staff book any service for an elder of their 街道 who came to the window or called, by name,
   * phone and 社区. The same create as a resident's (seats, locks, retries by request id); the staff
   * member is the booker of record and hears of it, the elder is the person served.
   */
  async bookFor(caller: Caller, input: BookForInput) {
    const community = await this.deps.district.findCommunity(input.elder.communityId);
    if (!community) throw invalid('elder.communityId', '没有这个社区');
    const scope = streetScopeOf(caller, community.streetId);
    if (scope.kind !== 'street' || scope.streetId !== community.streetId) throw invalid('elder.communityId', '只能为本街道的居民代办');
    if (input.details.kind === 'escort' && input.details.streetId !== community.streetId) throw invalid('details.streetId', '陪诊由居民所在的街道安排');
    const { elder, contactPhone, ...request } = input;
    const booking = await this.deps.creator.create(caller, { ...request, contactPhone: contactPhone ?? elder.phone }, { elder });
    return this.deps.access.view(booking, relationOfDesk(caller));
  }

  /** Staff verify or reject the hardship group an escort request of their 街道 claims (see the transition). */
  async reviewEligibility(caller: Caller, bookingId: string, verdict: EligibilityVerdict, reason: string | null) {
    const { booking, relation } = await this.load(caller, bookingId);
    const updated = await this.deps.transitions.reviewEligibility(booking, { id: caller.userId, role: relation }, verdict, reason);
    return this.deps.access.view(updated, relation);
  }

  /**
   * Open escort requests in the order escorts see them (hardship groups first, then the soonest),
   * each marked when its accept-by is near and when it may duplicate another request for the same
   * person; only requests the caller may see are named as duplicates.
   */
  async dispatchQueue(caller: Caller, streetId: string | undefined) {
    const scope = streetScopeOf(caller, streetId);
    if (scope.kind === 'none') return { items: [] };
    const open = await this.deps.bookings.openEscortRequestsOf(scope.kind === 'street' ? scope.streetId : undefined);
    if (open.length === 0) return { items: [] };
    const from = new Date(Math.min(...open.map((b) => b.startsAt.getTime())));
    const to = new Date(Math.max(...open.map((b) => b.endsAt.getTime())));
    const visible = (await this.deps.bookings.activeEscortsOverlapping(from, to)).filter((b) => districtRelationToBooking(b, caller) !== null);
    const duplicates = possibleDuplicates(uniqueById([...open, ...visible]).map((b) => ({ ...b, id: b._id })));
    const ordered = orderEscortPool(open.map((b) => ({ booking: b, id: b._id, eligibility: eligibilityOf(b), appointmentAt: b.startsAt, createdAt: b.createdAt })));
    const views = await this.deps.access.views(
      ordered.map((entry) => entry.booking),
      relationOfDesk(caller),
    );
    const now = this.deps.clock.now();
    return {
      items: views.map((view, index) => ({
        booking: view,
        urgent: isNearAcceptBy(ordered[index]!.booking.acceptBy, now),
        possibleDuplicateIds: duplicates.get(view.id) ?? [],
      })),
    };
  }

  /**
   * The escorts who may take an escort request (its 街道's and the district team), each with their
   * jobs that day (times and hospital only) and whether they are free at the request's time.
   */
  async escortDay(caller: Caller, bookingId: string) {
    const { booking } = await this.load(caller, bookingId);
    if (booking.service !== 'escort') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'bookingId', message: '这不是陪诊预约' }] });
    const escorts = (await this.deps.providers.list({ kind: 'escort', activeOnly: true })).filter((e) => e.streetId === null || e.streetId === booking.streetId);
    const date = districtDateOf(booking.startsAt);
    const jobs = await this.deps.bookings.ofProvidersBetween(
      escorts.map((e) => e._id),
      districtDayStart(date),
      districtDayStart(addDays(date, 1)),
      ACTIVE_BOOKING_STATUSES,
    );
    return {
      date,
      escorts: escorts.map((escort) => {
        const own = jobs.filter((job) => job.providerId === escort._id);
        return {
          providerId: escort._id,
          name: escort.name,
          streetId: escort.streetId,
          assigned: booking.providerId === escort._id,
          freeAtRequest: !own.some((job) => job._id !== booking._id && job.startsAt < booking.endsAt && booking.startsAt < job.endsAt),
          jobs: own.map((job) => ({
            startsAt: job.startsAt.toISOString(),
            endsAt: job.endsAt.toISOString(),
            status: job.status,
            hospital: job.details.kind === 'escort' ? job.details.hospital : null,
          })),
        };
      }),
    };
  }

  /** A booking the caller works on as staff or admin; any other is NOT_FOUND, so ids cannot be probed. */
  private async load(caller: Caller, bookingId: string): Promise<{ booking: BookingDoc; relation: 'admin' | 'staff' }> {
    const booking = await this.deps.bookings.findById(bookingId);
    const relation = booking ? districtRelationToBooking(booking, caller) : null;
    if (!booking || !relation) throw new AppError('NOT_FOUND');
    return { booking, relation };
  }
}

function relationOfDesk(caller: Caller): 'admin' | 'staff' {
  return caller.roles.includes('admin') ? 'admin' : 'staff';
}

function eligibilityOf(booking: BookingDoc) {
  return booking.details.kind === 'escort' ? booking.details.eligibility : 'none';
}

function uniqueById(bookings: BookingDoc[]): BookingDoc[] {
  return [...new Map(bookings.map((b) => [b._id, b])).values()];
}
