import { AppError } from '../../../shared/errors';
import { districtDayStart, addDays } from '../../../shared/domain/time';
import { actorOf, relationToStation, relationsThatMay, streetScopeOf } from '../../../shared/domain/permissions';
import { describeOpeningHours, sortOpeningHours } from '../../../shared/domain/station-hours';
import { providerRoleOf } from '../../../shared/domain/roles';
import type { z } from 'zod';
import type { adminBookingActions } from '../../../shared/schemas/admin.schema';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { BookingRepository } from '../repositories/booking.repository';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { DistrictRepository, StationDoc } from '../repositories/district.repository';
import type { ProviderRepository } from '../repositories/provider.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { Caller } from '../runtime/caller';
import type { BookingAccess } from './booking/booking-access';
import type { BookingTransitionService } from './booking/booking-transition.service';
import type { StrandedBookings } from './booking/stranded-bookings';
import { toProviderView, toStationView } from './catalog.service';

type StationInput = z.output<typeof adminBookingActions.upsertStation>;
type ProviderInput = z.output<typeof adminBookingActions.upsertProvider>;

type Deps = {
  district: DistrictRepository;
  providers: ProviderRepository;
  users: UserRepository;
  bookings: BookingRepository;
  catalog: CatalogRepository;
  access: BookingAccess;
  transitions: BookingTransitionService;
  stranded: StrandedBookings;
  clock: Clock;
  ids: IdGenerator;
};

/** Staff and admin work on the district: stations, providers, escort dispatch, counts, holidays. */
export class DistrictAdminService {
  constructor(private readonly deps: Deps) {}

  /**
   * Creates or edits a station: admin anywhere, 街道 staff in their own 街道 (relationToStation),
   * checked for the station as it stands and for the community it is put in, so staff can neither
   * edit another 街道's station nor move theirs there. The one-line `hours` is made from the rows.
   */
  async upsertStation(caller: Caller, input: StationInput) {
    const community = await this.deps.district.findCommunity(input.communityId);
    if (!community) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'communityId', message: '没有这个社区' }] });
    const current = input.stationId ? await this.deps.district.findStation(input.stationId) : null;
    if (input.stationId && (!current || !relationToStation(current.streetId, caller))) throw new AppError('NOT_FOUND');
    if (!relationToStation(community.streetId, caller)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'communityId', message: '只能管理本街道的站点' }] });
    }
    // Inactive stations keep their community: one station per community, on or off.
    const existing = (await this.deps.district.listStations({ communityId: input.communityId, includeInactive: true }))[0];
    if (existing && existing._id !== input.stationId) {
      throw new AppError('CONFLICT', { reason: 'one station per community', stationId: existing._id });
    }
    const { stationId, openingHours, ...fields } = input;
    const periods = sortOpeningHours(openingHours);
    const doc: StationDoc = {
      _id: stationId ?? this.deps.ids.next('sn'),
      ...fields,
      hours: describeOpeningHours(periods),
      openingHours: periods,
      streetId: community.streetId,
      active: current?.active ?? true,
    };
    await this.deps.district.upsertStation(doc);
    return toStationView(doc);
  }

  /**
   * Takes a station off the map or puts it back (same relation as editing). A station with active
   * advisors stays on: they would be bookable at a place shown as closed; deactivate them first.
   */
  async setStationActive(caller: Caller, stationId: string, active: boolean) {
    const station = await this.deps.district.findStation(stationId);
    if (!station || !relationToStation(station.streetId, caller)) throw new AppError('NOT_FOUND');
    if (!active && (await this.deps.providers.list({ stationId, activeOnly: true })).length > 0) {
      throw new AppError('CONFLICT', { reason: 'the station still has active advisors' });
    }
    await this.deps.district.setStationActive(stationId, active);
    return toStationView({ ...station, active });
  }

  async deleteStation(stationId: string) {
    if ((await this.deps.providers.list({ stationId, activeOnly: true })).length > 0) {
      throw new AppError('CONFLICT', { reason: 'the station still has active advisors' });
    }
    if (!(await this.deps.district.deleteStation(stationId))) throw new AppError('NOT_FOUND');
    return { deleted: stationId };
  }

  async upsertProvider(input: ProviderInput) {
    const user = await this.deps.users.findById(input.userId);
    if (!user) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'userId', message: '没有这个用户' }] });
    if (!user.roles.includes(providerRoleOf[input.kind])) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'userId', message: '请先授予该用户相应的服务角色' }] });
    }
    const station = input.stationId ? await this.deps.district.findStation(input.stationId) : null;
    if (station && station.active === false) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'stationId', message: '这个站点已停用' }] });
    if (input.kind === 'advisor' && !station) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'stationId', message: '养老顾问须属于一个站点' }] });
    const now = this.deps.clock.now();
    const existing = input.providerId ? await this.deps.providers.findById(input.providerId) : null;
    if (input.providerId && !existing) throw new AppError('NOT_FOUND');
    const doc = {
      _id: existing?._id ?? this.deps.ids.next('pv'),
      userId: user._id,
      kind: input.kind,
      name: input.name,
      stationId: station?._id ?? null,
      streetId: station?.streetId ?? null,
      venue: input.venue,
      intro: input.intro,
      active: true,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    // Only the unique (user, kind) index is a conflict; any other fault stays an INTERNAL error.
    if (!(await this.deps.providers.upsert(doc))) {
      throw new AppError('CONFLICT', { reason: 'this user already provides this service' });
    }
    return toProviderView(doc);
  }

  /** Takes a provider off duty; their active future bookings come back for staff to move or cancel. */
  async deactivateProvider(providerId: string) {
    const stranded = async () => {
      const provider = await this.deps.providers.findById(providerId);
      return provider ? this.deps.stranded.ofProvider(provider) : [];
    };
    const { result: found, affected } = await this.deps.stranded.around(stranded, () => this.deps.providers.deactivate(providerId, this.deps.clock.now()));
    if (!found) throw new AppError('NOT_FOUND');
    return { deactivated: providerId, affected: await this.deps.access.views(affected, 'admin') };
  }

  async assignEscort(caller: Caller, bookingId: string, providerId: string, reason: string | undefined) {
    const escort = await this.deps.providers.findById(providerId);
    if (!escort || escort.kind !== 'escort' || !escort.active) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'providerId', message: '没有这位陪诊员' }] });
    const { booking, relation } = await this.deps.access.load(caller, bookingId, relationsThatMay('assign'));
    const role = actorOf(relation);
    if (!role) throw new AppError('NOT_FOUND');
    const updated = await this.deps.transitions.assign(booking, providerId, { id: caller.userId, role }, reason ?? null);
    return this.deps.access.view(updated, relation);
  }

  /** Counts per service, status and 街道 for bookings starting in [from, to]; staff see their 街道 only. */
  async stats(caller: Caller, input: { from: string; to: string; streetId?: string }) {
    const scope = streetScopeOf(caller, input.streetId);
    const streetId = scope.kind === 'street' ? scope.streetId : scope.kind === 'none' ? '__none__' : undefined;
    const rows = await this.deps.bookings.countsByServiceStatusStreet({
      from: districtDayStart(input.from),
      to: districtDayStart(addDays(input.to, 1)),
      ...(streetId ? { streetId } : {}),
      now: this.deps.clock.now(),
    });
    return { from: input.from, to: input.to, total: rows.reduce((sum, row) => sum + row.count, 0), rows };
  }

  /** New holidays can take away booked slots: those bookings are returned and their residents told. */
  async setHolidayCalendar(calendar: { holidays: string[]; workdays: { date: string; followsWeekday: number }[] }) {
    const { affected } = await this.deps.stranded.around(
      () => this.deps.stranded.ofDistrict(),
      () => this.deps.catalog.saveHolidayCalendar({ ...calendar, updatedAt: this.deps.clock.now() }),
    );
    return { ...calendar, affected: await this.deps.access.views(affected, 'admin') };
  }
}
