import type { Composition, Part, SharedPart } from '../composition';
import { outboxPart } from '../notify/notify.parts';
import { CatalogService } from '../catalog.service';
import { DistrictAdminService } from '../district-admin.service';
import { StaffBookingDesk } from '../staff/booking-desk.service';
import { AvailabilityService } from './availability.service';
import { BookingAccess } from './booking-access';
import { BookingCreateService } from './booking-create.service';
import { BookingMaintenanceService } from './booking-maintenance.service';
import { BookingTransitionService } from './booking-transition.service';
import { BookingService } from './booking.service';
import { ProviderWorkService } from './provider-work.service';
import { SlotService } from './slot.service';
import { StrandedBookings } from './stranded-bookings';

// The helpers the booking services share, one of each per composition.
export const slotsPart: SharedPart<SlotService> = ({ repos }) => new SlotService({ availability: repos.availability, catalog: repos.catalog, holds: repos.holds });
export const bookingAccessPart: SharedPart<BookingAccess> = ({ repos, clock }) =>
  new BookingAccess({ bookings: repos.bookings, providers: repos.providers, catalog: repos.catalog, users: repos.users, clock });
const bookingDeps = (c: Composition) => ({
  bookings: c.repos.bookings,
  holds: c.repos.holds,
  outbox: c.shared(outboxPart),
  providers: c.repos.providers,
  catalog: c.repos.catalog,
  slots: c.shared(slotsPart),
  clock: c.clock,
});
export const bookingCreatorPart: SharedPart<BookingCreateService> = (c) =>
  new BookingCreateService({ ...bookingDeps(c), district: c.repos.district, dailyLimit: c.config.bookingDailyLimit, proxyDailyLimit: c.config.proxyDailyLimit });
export const bookingTransitionsPart: SharedPart<BookingTransitionService> = (c) => new BookingTransitionService(bookingDeps(c));
export const strandedBookingsPart: SharedPart<StrandedBookings> = (c) => new StrandedBookings(bookingDeps(c));

// Booking, the catalog, the providers' work and the district's booking administration.
export const catalogPart: Part<'catalog'> = (c) => new CatalogService({ catalog: c.repos.catalog, district: c.repos.district, providers: c.repos.providers, slots: c.shared(slotsPart), clock: c.clock });

export const bookingsPart: Part<'bookings'> = (c) => new BookingService({ bookings: c.repos.bookings, access: c.shared(bookingAccessPart), creator: c.shared(bookingCreatorPart), transitions: c.shared(bookingTransitionsPart) });

export const providerWorkPart: Part<'providerWork'> = (c) =>
  new ProviderWorkService({ bookings: c.repos.bookings, providers: c.repos.providers, access: c.shared(bookingAccessPart), transitions: c.shared(bookingTransitionsPart) });

export const availabilityPart: Part<'availability'> = (c) =>
  new AvailabilityService({
    availability: c.repos.availability,
    catalog: c.repos.catalog,
    providers: c.repos.providers,
    district: c.repos.district,
    stranded: c.shared(strandedBookingsPart),
    access: c.shared(bookingAccessPart),
    clock: c.clock,
  });

export const maintenancePart: Part<'maintenance'> = (c) => new BookingMaintenanceService({ ...bookingDeps(c), creator: c.shared(bookingCreatorPart), transitions: c.shared(bookingTransitionsPart) });

export const districtAdminPart: Part<'districtAdmin'> = (c) =>
  new DistrictAdminService({
    ...bookingDeps(c),
    district: c.repos.district,
    users: c.repos.users,
    access: c.shared(bookingAccessPart),
    transitions: c.shared(bookingTransitionsPart),
    stranded: c.shared(strandedBookingsPart),
    ids: c.ids,
  });

export const staffBookingsPart: Part<'staffBookings'> = (c) =>
  new StaffBookingDesk({
    bookings: c.repos.bookings,
    providers: c.repos.providers,
    district: c.repos.district,
    access: c.shared(bookingAccessPart),
    creator: c.shared(bookingCreatorPart),
    transitions: c.shared(bookingTransitionsPart),
    clock: c.clock,
  });
