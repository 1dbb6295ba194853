import { AppError } from '../../../shared/errors';
import { districtDateOf } from '../../../shared/domain/time';
import type { Clock } from '../ports/clock';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { DistrictRepository, StationDoc } from '../repositories/district.repository';
import type { ProviderDoc, ProviderRepository } from '../repositories/provider.repository';
import type { FreeSlot, SlotService } from './booking/slot.service';

export type ProviderView = { id: string; kind: ServiceKind; name: string; venue: string; intro: string; stationId: string | null };

export function toProviderView(provider: ProviderDoc): ProviderView {
  return { id: provider._id, kind: provider.kind, name: provider.name, venue: provider.venue, intro: provider.intro, stationId: provider.stationId };
}

/** A station as pages show it: `active` spelled out (stations older than the switch have none). */
export function toStationView(station: StationDoc) {
  const { _id, active, openingHours, ...fields } = station;
  return { id: _id, ...fields, openingHours: openingHours ?? [], active: active !== false };
}

/** What residents browse before booking: services, the district map, providers and their free slots. */
export class CatalogService {
  constructor(
    private readonly deps: {
      catalog: CatalogRepository;
      district: DistrictRepository;
      providers: ProviderRepository;
      slots: SlotService;
      clock: Clock;
    },
  ) {}

  async services() {
    return (await this.deps.catalog.listServices()).map(({ _id, ...service }) => ({ id: _id, ...service }));
  }

  async streets() {
    const [streets, communities] = await Promise.all([this.deps.district.listStreets(), this.deps.district.listCommunities()]);
    return streets.map((street) => ({
      id: street._id,
      name: street.name,
      // Escort places per day: the form tells a resident when a day is used up, staff set it.
      escortDailyCapacity: street.escortDailyCapacity,
      communities: communities.filter((c) => c.streetId === street._id).map((c) => ({ id: c._id, name: c.name })),
    }));
  }

  async stations(filter: { streetId?: string; communityId?: string }) {
    return (await this.deps.district.listStations(filter)).map(toStationView);
  }

  /** Providers of a service with their next few free slots (escorts are a pool: no slots). */
  async providers(service: ServiceKind, stationId?: string): Promise<(ProviderView & { nextSlots: FreeSlot[] })[]> {
    const serviceDoc = await this.requireService(service);
    const providers = await this.deps.providers.list({ kind: service, stationId, activeOnly: true });
    const now = this.deps.clock.now();
    return Promise.all(
      providers.map(async (provider) => ({
        ...toProviderView(provider),
        nextSlots: service === 'escort' ? [] : (await this.deps.slots.free(provider, serviceDoc, districtDateOf(now), serviceDoc.horizonDays + 1, now)).slice(0, 3),
      })),
    );
  }

  async slots(providerId: string, from: string, days: number): Promise<{ provider: ProviderView; slots: FreeSlot[] }> {
    const provider = await this.deps.providers.findById(providerId);
    if (!provider || !provider.active || provider.kind === 'escort') throw new AppError('NOT_FOUND');
    const service = await this.requireService(provider.kind);
    return { provider: toProviderView(provider), slots: await this.deps.slots.free(provider, service, from, days, this.deps.clock.now()) };
  }

  async requireService(kind: ServiceKind) {
    const service = await this.deps.catalog.findService(kind);
    if (!service) throw new AppError('NOT_FOUND', { service: kind });
    return service;
  }
}
