import type { BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import { relationsActingThrough, relationsThatMay } from '../../../../shared/domain/permissions';
import { AppError } from '../../../../shared/errors';
import type { BookingRepository } from '../../repositories/booking.repository';
import type { Caller } from '../../runtime/caller';
import type { BookingAccess } from './booking-access';
import type { BookingCreateService, CreateInput } from './booking-create.service';
import type { BookingTransitionService } from './booking-transition.service';
import { toHistory } from './booking-view';

/** The resident's side of booking: create, cancel, reschedule, and their own list and details. */
export class BookingService {
  constructor(
    private readonly deps: {
      bookings: BookingRepository;
      access: BookingAccess;
      creator: BookingCreateService;
      transitions: BookingTransitionService;
    },
  ) {}

  async create(caller: Caller, input: CreateInput) {
    const booking = await this.deps.creator.create(caller, input);
    return this.deps.access.view(booking, 'booker');
  }

  async cancel(caller: Caller, bookingId: string, reason: string | undefined) {
    const { booking } = await this.deps.access.load(caller, bookingId, relationsActingThrough('booking'));
    const updated = await this.deps.transitions.transition(booking, { id: caller.userId, role: 'resident' }, { to: 'cancelled', action: 'cancel', reason: reason ?? null });
    return this.deps.access.view(updated, 'booker');
  }

  async reschedule(caller: Caller, bookingId: string, startsAt: Date) {
    const { booking } = await this.deps.access.load(caller, bookingId, relationsThatMay('reschedule'));
    const updated = await this.deps.transitions.reschedule(booking, { id: caller.userId, role: 'resident' }, startsAt);
    return this.deps.access.view(updated, 'booker');
  }

  async mine(caller: Caller, query: { status?: BookingStatus; page: number; pageSize: number }) {
    const { items, total } = await this.deps.bookings.ofBooker(caller.userId, { status: query.status, skip: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: await this.deps.access.views(items, 'booker'), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(caller: Caller, bookingId: string) {
    const { booking, relation } = await this.deps.access.load(caller, bookingId);
    if (booking.status === 'holding' || booking.status === 'failed') throw new AppError('NOT_FOUND');
    return { booking: await this.deps.access.view(booking, relation), history: toHistory(booking, relation, await this.deps.bookings.history(booking)) };
  }
}
