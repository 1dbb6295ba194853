import { AppError } from '../../../../shared/errors';
import type { BookingAction, BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import { orderEscortPool } from '../../../../shared/domain/escort-pool';
import { actorOf, needsEscortFirst, relationsActingThrough } from '../../../../shared/domain/permissions';
import { addDays, districtDayStart } from '../../../../shared/domain/time';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import type { BookingAccess } from './booking-access';
import type { BookingTransitionService } from './booking-transition.service';

/** What a provider's day shows: the jobs to do and the ones done or missed, not the withdrawn. */
const ON_SCHEDULE: readonly BookingStatus[] = ['requested', 'confirmed', 'completed', 'no_show'];

/** The provider's side: requests inbox, accept/decline/complete/no-show, the day's schedule, the escort pool. */
export class ProviderWorkService {
  constructor(
    private readonly deps: { bookings: BookingRepository; providers: ProviderRepository; access: BookingAccess; transitions: BookingTransitionService },
  ) {}

  async inbox(caller: Caller, page: number, pageSize: number) {
    const providerIds = await this.deps.access.providerIdsOf(caller);
    const { items, total } = await this.deps.bookings.requestsFor(providerIds, { skip: (page - 1) * pageSize, limit: pageSize });
    return { items: await this.deps.access.views(items, 'provider'), total, page, pageSize };
  }

  async schedule(caller: Caller, date: string) {
    const providerIds = await this.deps.access.providerIdsOf(caller);
    const items = await this.deps.bookings.ofProvidersBetween(providerIds, districtDayStart(date), districtDayStart(addDays(date, 1)), ON_SCHEDULE);
    // The schedule is where a provider does the job: what a confirmed job needs is shown in full.
    return { date, items: await this.deps.access.views(items, 'provider', { worklist: true }) };
  }

  /** Open escort requests, eligible residents (低保, 特困, …) first, then by appointment time. */
  async pool(caller: Caller, page: number, pageSize: number) {
    if ((await this.escortIdOf(caller)) === null) throw new AppError('FORBIDDEN');
    const open = await this.deps.bookings.openEscortRequests();
    const ordered = orderEscortPool(open.map((b) => ({ ...b, id: b._id, eligibility: b.details.kind === 'escort' ? b.details.eligibility : 'none', appointmentAt: b.startsAt })));
    const items = ordered.slice((page - 1) * pageSize, page * pageSize) as unknown as BookingDoc[];
    return { items: await this.deps.access.views(items, 'pool'), total: ordered.length, page, pageSize };
  }

  async claim(caller: Caller, bookingId: string) {
    const escortId = await this.escortIdOf(caller);
    if (escortId === null) throw new AppError('FORBIDDEN');
    // An escort saw an open request in the pool; once it is taken or withdrawn, a later claim gets
    // CONFLICT (refresh), as the loser of a simultaneous claim does, not NOT_FOUND.
    const booking = await this.deps.bookings.findById(bookingId);
    if (!booking || booking.service !== 'escort' || booking.status === 'holding' || booking.status === 'failed' || booking.bookerId === caller.userId) {
      throw new AppError('NOT_FOUND');
    }
    const updated = await this.deps.transitions.claim(booking, escortId, { id: caller.userId, role: 'provider' });
    return this.deps.access.view(updated, 'provider');
  }

  async act(caller: Caller, bookingId: string, to: BookingStatus, action: BookingAction, text: { reason?: string; notes?: string } = {}) {
    const { booking, relation } = await this.deps.access.load(caller, bookingId, relationsActingThrough('provider'));
    const role = actorOf(relation);
    if (!role) throw new AppError('NOT_FOUND');
    if (to === 'confirmed' && needsEscortFirst(booking)) {
      // Accepting would confirm a request nobody is going to: an escort claims it, or staff assign one.
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'bookingId', message: '陪诊请由陪诊员认领或由工作人员指派' }] });
    }
    const updated = await this.deps.transitions.transition(booking, { id: caller.userId, role }, { to, action, reason: text.reason, notes: text.notes });
    return this.deps.access.view(updated, relation);
  }

  private async escortIdOf(caller: Caller): Promise<string | null> {
    if (!caller.roles.includes('escort')) return null;
    const escort = (await this.deps.providers.findByUser(caller.userId)).find((p) => p.kind === 'escort' && p.active);
    return escort?._id ?? null;
  }
}
