import { AppError } from '../../../../shared/errors';
import type { DateException, WeeklyRule } from '../../../../shared/domain/availability';
import type { Clock } from '../../ports/clock';
import type { AvailabilityDoc, AvailabilityRepository } from '../../repositories/availability.repository';
import type { BookingRepository } from '../../repositories/booking.repository';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderDoc, ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import type { BookingAccess } from './booking-access';
import type { SlotService } from './slot.service';

type Deps = {
  availability: AvailabilityRepository;
  providers: ProviderRepository;
  bookings: BookingRepository;
  catalog: CatalogRepository;
  district: DistrictRepository;
  outbox: EventLog;
  slots: SlotService;
  access: BookingAccess;
  clock: Clock;
};

/**
 * Weekly rules and date exceptions, kept by the provider or by staff for them. A change never
 * strands a booking silently: the active bookings whose slot no longer exists are returned to whoever
 * made the change, and an event for each resident is recorded. The bookings themselves stay: the
 * provider or staff decide whether to cancel or move them.
 */
export class AvailabilityService {
  constructor(private readonly deps: Deps) {}

  async get(caller: Caller, providerId?: string) {
    const provider = await this.editable(caller, providerId);
    const doc = await this.deps.availability.get(provider._id);
    return { providerId: provider._id, rules: doc.rules, exceptions: doc.exceptions };
  }

  setWeeklyRules(caller: Caller, providerId: string | undefined, rules: WeeklyRule[]) {
    return this.change(caller, providerId, (doc) => ({ ...doc, rules }));
  }

  addException(caller: Caller, providerId: string | undefined, exception: DateException) {
    return this.change(caller, providerId, (doc) => ({
      ...doc,
      // One exception per date and kind 'closed'; extras on one date accumulate.
      exceptions: [...doc.exceptions.filter((e) => !(e.date === exception.date && (e.kind === 'closed' || exception.kind === 'closed'))), exception]
        .sort((a, b) => a.date.localeCompare(b.date)),
    }));
  }

  removeException(caller: Caller, providerId: string | undefined, date: string) {
    return this.change(caller, providerId, (doc) => ({ ...doc, exceptions: doc.exceptions.filter((e) => e.date !== date) }));
  }

  private async change(caller: Caller, providerId: string | undefined, edit: (doc: AvailabilityDoc) => AvailabilityDoc) {
    const provider = await this.editable(caller, providerId);
    const now = this.deps.clock.now();
    const next = { ...edit(await this.deps.availability.get(provider._id)), updatedAt: now, updatedBy: caller.userId };
    await this.deps.availability.save(next);
    const affected = await this.stranded(provider, now);
    for (const booking of affected) {
      await this.deps.outbox.add({
        _id: `availability:${booking._id}:${now.toISOString()}`,
        type: 'availability_changed',
        bookingId: booking._id,
        recipients: [booking.bookerId],
        payload: { service: booking.service, startsAt: booking.startsAt.toISOString() },
        at: now,
        processedAt: null,
      });
    }
    return {
      availability: { providerId: provider._id, rules: next.rules, exceptions: next.exceptions },
      affected: await this.deps.access.views(affected, caller.userId === provider.userId ? 'provider' : 'staff'),
    };
  }

  /** Active future bookings of the provider whose slot the current rules no longer offer. */
  private async stranded(provider: ProviderDoc, now: Date) {
    const service = await this.deps.catalog.findService(provider.kind);
    if (!service) return [];
    const active = await this.deps.bookings.find({ providerId: provider._id, status: { $in: ['requested', 'confirmed'] }, startsAt: { $gt: now } });
    if (active.length === 0) return [];
    const last = Math.max(...active.map((b) => b.startsAt.getTime()));
    const offered = await this.deps.slots.offered(provider, service, now, new Date(last + 1), now, false);
    const starts = new Set(offered.map((slot) => slot.startsAt.getTime()));
    return active.filter((booking) => !starts.has(booking.startsAt.getTime()));
  }

  /** The provider's own record, or one staff (same 街道) or admin may edit for them. */
  private async editable(caller: Caller, providerId: string | undefined): Promise<ProviderDoc> {
    const own = (await this.deps.providers.findByUser(caller.userId)).filter((p) => p.kind !== 'escort');
    if (!providerId) {
      const [first] = own;
      if (!first) throw new AppError('NOT_FOUND');
      return first;
    }
    const provider = await this.deps.providers.findById(providerId);
    if (!provider) throw new AppError('NOT_FOUND');
    if (provider.userId === caller.userId || caller.roles.includes('admin')) return provider;
    if (caller.roles.includes('staff') && provider.stationId) {
      const station = await this.deps.district.findStation(provider.stationId);
      if (station && station.streetId === caller.staffStreetId) return provider;
    }
    throw new AppError('NOT_FOUND');
  }
}
