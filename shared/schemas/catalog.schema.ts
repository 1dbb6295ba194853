import { z } from 'zod';
import { calendarDateSchema } from './availability.schema';
import { serviceKindSchema } from './booking-details.schema';
import { id } from './common.schema';

export const catalogActions = {
  services: z.strictObject({}),
  streets: z.strictObject({}),
  stations: z.strictObject({ streetId: id.optional(), communityId: id.optional() }),
  providers: z.strictObject({ service: serviceKindSchema, stationId: id.optional() }),
  slots: z.strictObject({ providerId: id, from: calendarDateSchema, days: z.number().int().min(1).max(31).default(7) }),
} as const;
