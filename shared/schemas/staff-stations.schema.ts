import { z } from 'zod';
import { serviceKindSchema } from './booking-details.schema';
import { id } from './common.schema';

/**
 * The staff desk's lists for managing the district's map: stations and providers, inactive ones
 * included. Staff see their 街道's whatever they send; admin the district or one 街道 they pick.
 */
export const staffStationActions = {
  managedStations: z.strictObject({ streetId: id.optional() }),
  managedProviders: z.strictObject({ streetId: id.optional(), service: serviceKindSchema.optional(), stationId: id.optional() }),
} as const;
