import { bookingSubject } from '../../../../shared/domain/subject';
import type { Clock } from '../../ports/clock';
import type { EventLog } from '../../ports/event-log';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { ProviderDoc, ProviderRepository } from '../../repositories/provider.repository';
import type { SlotService } from './slot.service';
import { ReferenceCache } from '../../repositories/reference-cache';

type Deps = { bookings: BookingRepository; catalog: CatalogRepository; providers: ProviderRepository; slots: SlotService; outbox: EventLog; clock: Clock };

/**
 * Bookings a change of hours has left without their slot: a provider's rules or days off, the
 * district's holidays, a provider taken off duty. Whoever made the change gets them back, and each
 * resident is told (`availability_changed`); the bookings stay for the provider or staff to move or
 * cancel.
 */
export class StrandedBookings {
  constructor(private readonly deps: Deps) {}

  /** Active future bookings of the provider whose slot it no longer offers (all of them once inactive). */
  async ofProvider(provider: ProviderDoc): Promise<BookingDoc[]> {
    const now = this.deps.clock.now();
    const active = await this.deps.bookings.upcomingActiveOf(provider._id, now);
    return this.unoffered(provider, active, now);
  }

  /** The same for every provider with hours (advisors and counselors), after a district-wide change. */
  async ofDistrict(): Promise<BookingDoc[]> {
    const now = this.deps.clock.now();
    // Escorts keep no hours, so no district-wide change of hours can strand their jobs.
    const active = await this.deps.bookings.upcomingActiveAssigned(now, 'escort');
    const byProvider = new Map<string, BookingDoc[]>();
    for (const booking of active) byProvider.set(booking.providerId!, [...(byProvider.get(booking.providerId!) ?? []), booking]);
    const stranded: BookingDoc[] = [];
    for (const [providerId, bookings] of byProvider) {
      const provider = await this.deps.providers.findById(providerId);
      stranded.push(...(provider ? await this.unoffered(provider, bookings, now) : bookings));
    }
    return stranded.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  /**
   * Makes a change and returns the bookings it strands, having told their residents. Bookings that
   * were stranded already (by an earlier change nobody has acted on yet) are not reported again.
   */
  async around<T>(find: () => Promise<BookingDoc[]>, change: () => Promise<T>): Promise<{ result: T; affected: BookingDoc[] }> {
    const before = new Set((await find()).map((b) => b._id));
    const result = await change();
    // A create on another instance may go by stamps read just before the change (ReferenceCache):
    // once those can no longer serve, every create sees the change, so the bookings found now are all.
    await ReferenceCache.settled();
    const affected = (await find()).filter((b) => !before.has(b._id));
    await this.tell(affected);
    return { result, affected };
  }

  /** Records the notice each resident is owed; one per booking and change (keyed by the time). */
  private async tell(bookings: BookingDoc[]): Promise<void> {
    const now = this.deps.clock.now();
    for (const booking of bookings) {
      await this.deps.outbox.add({
        _id: `availability:${booking._id}:${now.toISOString()}`,
        type: 'availability_changed',
        subject: bookingSubject(booking._id),
        recipients: [booking.bookerId],
        payload: { service: booking.service, startsAt: booking.startsAt.toISOString() },
        at: now,
        processedAt: null,
      });
    }
  }

  private async unoffered(provider: ProviderDoc, active: BookingDoc[], now: Date): Promise<BookingDoc[]> {
    if (active.length === 0 || !provider.active) return active;
    // Escorts keep no hours: their requests count against the 街道's day, not a slot.
    if (provider.kind === 'escort') return [];
    const service = await this.deps.catalog.findService(provider.kind);
    if (!service) return [];
    const last = Math.max(...active.map((b) => b.startsAt.getTime()));
    const offered = await this.deps.slots.offered(provider, service, now, new Date(last + 1), now, false);
    const starts = new Set(offered.map((slot) => slot.startsAt.getTime()));
    return active.filter((booking) => !starts.has(booking.startsAt.getTime()));
  }
}
