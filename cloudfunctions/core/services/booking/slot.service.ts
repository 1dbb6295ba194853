import { findSlot, type HolidayCalendar, type Slot } from '../../../../shared/domain/availability';
import { generateSlots } from '../../../../shared/domain/slot-generation';
import { addDays, districtDateOf, districtDayStart } from '../../../../shared/domain/time';
import type { AvailabilityRepository } from '../../repositories/availability.repository';
import type { CatalogRepository, ServiceDoc } from '../../repositories/catalog.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import { slotPool } from '../../../../shared/domain/hold-keys';
import type { ProviderDoc } from '../../repositories/provider.repository';

export type FreeSlot = { startsAt: string; endsAt: string; capacity: number; remaining: number };

const noCalendar: HolidayCalendar = { holidays: [], workdays: [] };

/** Free slots: the provider's rules laid out by the shared generator, minus the seats taken. */
export class SlotService {
  constructor(
    private readonly deps: { availability: AvailabilityRepository; catalog: CatalogRepository; holds: HoldRepository },
  ) {}

  async calendar(): Promise<HolidayCalendar> {
    const doc = await this.deps.catalog.holidayCalendar();
    return doc ? { holidays: doc.holidays, workdays: doc.workdays } : noCalendar;
  }

  /** Every slot the provider offers in [from, to) as of `now`, without seat counts. */
  async offered(provider: ProviderDoc, service: ServiceDoc, from: Date, to: Date, now: Date, window = true): Promise<Slot[]> {
    const [availability, calendar] = await Promise.all([this.deps.availability.get(provider._id), this.calendar()]);
    // A session lasts what the service says, whatever length older rules were saved with: the slot
    // list, the booking and a moved booking then all show one length.
    const length = service.durationMinutes;
    return generateSlots({
      rules: availability.rules.map((rule) => ({ ...rule, slotMinutes: length })),
      exceptions: availability.exceptions.map((exception) => (exception.kind === 'extra' ? { ...exception, slotMinutes: length } : exception)),
      calendar,
      from,
      to,
      now,
      // Outside the booking window (a rule change checking existing bookings) every slot counts.
      leadTimeMinutes: window ? service.leadTimeMinutes : -Infinity,
      horizonDays: window ? service.horizonDays : 3660,
    });
  }

  /** The offered slot starting exactly at `startsAt`, if the provider offers it now. */
  async offeredAt(provider: ProviderDoc, service: ServiceDoc, startsAt: Date, now: Date): Promise<Slot | undefined> {
    const day = districtDateOf(startsAt);
    const slots = await this.offered(provider, service, districtDayStart(day), districtDayStart(addDays(day, 1)), now);
    return findSlot(slots, startsAt);
  }

  async free(provider: ProviderDoc, service: ServiceDoc, fromDate: string, days: number, now: Date): Promise<FreeSlot[]> {
    const slots = await this.offered(provider, service, districtDayStart(fromDate), districtDayStart(addDays(fromDate, days)), now);
    const counts = await this.deps.holds.seatCounts(slots.map((slot) => slotPool(provider._id, slot.startsAt)));
    return slots
      .map((slot) => {
        const remaining = slot.capacity - (counts.get(slotPool(provider._id, slot.startsAt)) ?? 0);
        return { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), capacity: slot.capacity, remaining };
      })
      .filter((slot) => slot.remaining > 0);
  }
}
