import { streetScopeOf } from '../../../../shared/domain/permissions';
import type { ServiceKind } from '../../../../shared/domain/service-kinds';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { ProviderDoc, ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import { toProviderView, toStationView } from '../catalog.service';

type Deps = { district: DistrictRepository; providers: ProviderRepository };

/** A provider as the people who manage it see it: on or off, and whose account it is. */
function toManagedProviderView(provider: ProviderDoc) {
  return { ...toProviderView(provider), userId: provider.userId, streetId: provider.streetId, active: provider.active };
}

/**
 * The lists behind the stations and providers pages: inactive ones included, so staff can put one
 * back. Staff see their 街道's whatever they ask for (`streetScopeOf`), admin the district or one
 * 街道; providers with no station (escorts of the district team, counselors) are the district's.
 */
export class StationDeskService {
  constructor(private readonly deps: Deps) {}

  async stations(caller: Caller, input: { streetId?: string }) {
    const scope = streetScopeOf(caller, input.streetId);
    if (scope.kind === 'none') return [];
    const stations = await this.deps.district.listStations({ ...(scope.kind === 'street' ? { streetId: scope.streetId } : {}), includeInactive: true });
    return stations.map(toStationView);
  }

  async providers(caller: Caller, input: { streetId?: string; service?: ServiceKind; stationId?: string }) {
    const scope = streetScopeOf(caller, input.streetId);
    if (scope.kind === 'none') return [];
    const providers = await this.deps.providers.list({
      ...(scope.kind === 'street' ? { streetId: scope.streetId } : {}),
      ...(input.service ? { kind: input.service } : {}),
      ...(input.stationId ? { stationId: input.stationId } : {}),
    });
    return providers.map(toManagedProviderView);
  }
}
