import { z } from 'zod';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import { callAction } from './call-function';
import { providerSlotsSchema, providerWithSlotsSchema, serviceInfoSchema, stationSchema, streetSchema } from './views.schema';

/** The `catalog` cloud function: what residents browse before booking. */
export const catalogApi = {
  services: () => callAction('catalog', 'services', {}, z.array(serviceInfoSchema)),
  streets: () => callAction('catalog', 'streets', {}, z.array(streetSchema)),
  stations: (filter: { streetId?: string; communityId?: string }) => callAction('catalog', 'stations', filter, z.array(stationSchema)),
  providers: (service: ServiceKind, stationId?: string) =>
    callAction('catalog', 'providers', stationId ? { service, stationId } : { service }, z.array(providerWithSlotsSchema)),
  slots: (providerId: string, from: string, days: number) => callAction('catalog', 'slots', { providerId, from, days }, providerSlotsSchema),
};

/** One service's settings (cut-off, horizon), from the cached list. */
let servicesCache: Promise<z.output<typeof serviceInfoSchema>[]> | null = null;

export function loadServices(): Promise<z.output<typeof serviceInfoSchema>[]> {
  if (!servicesCache) {
    servicesCache = catalogApi.services().catch((error: unknown) => {
      servicesCache = null;
      throw error;
    });
  }
  return servicesCache;
}

export async function loadService(kind: ServiceKind) {
  const services = await loadServices();
  const service = services.find((entry) => entry.id === kind);
  if (!service) throw new Error(`service ${kind} is not offered`);
  return service;
}
