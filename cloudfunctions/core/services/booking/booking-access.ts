import { AppError } from '../../../../shared/errors';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { ProviderDoc, ProviderRepository } from '../../repositories/provider.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { Caller } from '../../runtime/caller';
import { relationToBooking, serviceRoles, showsEscortPhone, type BookingRelation as Relation } from '../../../../shared/domain/permissions';
import type { Clock } from '../../ports/clock';
import { toBookingView, type BookingView } from './booking-view';

/**
 * Loads bookings the caller may see and turns them into views. A booking the caller has no
 * relation to is NOT_FOUND, never FORBIDDEN, so ids cannot be probed.
 */
export class BookingAccess {
  constructor(
    private readonly deps: {
      bookings: BookingRepository;
      providers: ProviderRepository;
      catalog: CatalogRepository;
      users: Pick<UserRepository, 'findById' | 'namesOf'>;
      clock: Clock;
    },
  ) {}

  async providerIdsOf(caller: Caller): Promise<string[]> {
    if (!caller.roles.some((role) => (serviceRoles as readonly string[]).includes(role))) return [];
    return (await this.deps.providers.findByUser(caller.userId)).filter((p) => p.active).map((p) => p._id);
  }

  async load(caller: Caller, bookingId: string, allowed?: readonly Relation[]): Promise<{ booking: BookingDoc; relation: Relation }> {
    const booking = await this.deps.bookings.findById(bookingId);
    if (!booking) throw new AppError('NOT_FOUND');
    const relation = relationToBooking(booking, caller, await this.providerIdsOf(caller));
    if (!relation || (allowed && !allowed.includes(relation))) throw new AppError('NOT_FOUND');
    return { booking, relation };
  }

  async view(booking: BookingDoc, relation: Relation, list = false): Promise<BookingView> {
    // By id, not namesOf: in an invocation both come from the instance's cache.
    const [provider, booker] = await Promise.all([
      booking.providerId ? this.deps.providers.findById(booking.providerId) : null,
      this.deps.users.findById(booking.bookerId),
    ]);
    const bookerName = booker?.name ?? null;
    const providerPhone = !list && provider ? await this.escortPhoneFor(booking, relation, provider) : null;
    return toBookingView(booking, relation, { provider, providerPhone, bookerName, cancelCutoffMinutes: await this.cutoff(booking.service), list, now: this.deps.clock.now() });
  }

  /**
   * The resident of a claimed escort job may call the escort (to say where to meet, or that they are
   * late); the number is the escort's own, from their account. Nobody else is shown it here.
   */
  private async escortPhoneFor(booking: BookingDoc, relation: Relation, provider: ProviderDoc): Promise<string | null> {
    if (!showsEscortPhone(relation, booking)) return null;
    return (await this.deps.users.findById(provider.userId))?.phone ?? null;
  }

  /** Views for a list; `worklist` is a provider's own schedule, where confirmed jobs show in full. */
  async views(bookings: BookingDoc[], relation: Relation, options: { worklist?: boolean } = {}): Promise<BookingView[]> {
    const providers = new Map<string, ProviderDoc | null>();
    const names = await this.deps.users.namesOf(bookings.map((b) => b.bookerId));
    const now = this.deps.clock.now();
    const out: BookingView[] = [];
    for (const booking of bookings) {
      if (booking.providerId && !providers.has(booking.providerId)) providers.set(booking.providerId, await this.deps.providers.findById(booking.providerId));
      const provider = booking.providerId ? providers.get(booking.providerId) ?? null : null;
      const bookerName = names.get(booking.bookerId) ?? null;
      out.push(toBookingView(booking, relation, { provider, bookerName, cancelCutoffMinutes: await this.cutoff(booking.service), list: true, worklist: options.worklist, now }));
    }
    return out;
  }

  /** Read with the service (cached in an invocation, behind the stamps), so a changed cut-off shows at once. */
  private async cutoff(service: string): Promise<number> {
    return (await this.deps.catalog.findService(service))?.cancelCutoffMinutes ?? 0;
  }
}
