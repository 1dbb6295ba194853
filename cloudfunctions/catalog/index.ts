import { catalogActions } from '../../shared/schemas/catalog.schema';
import { action, defineFunction } from '../core/runtime/define-function';
import { catalogPart } from '../core/services/booking/booking.parts';
import { accessIn } from '../../shared/domain/permissions';

const access = accessIn('catalog');

export const catalogFunction = defineFunction('catalog', {
  services: action({ input: catalogActions.services, access: access('services'), run: (_input, { app }) => app.services.catalog.services() }),
  streets: action({ input: catalogActions.streets, access: access('streets'), run: (_input, { app }) => app.services.catalog.streets() }),
  stations: action({ input: catalogActions.stations, access: access('stations'), run: (filter, { app }) => app.services.catalog.stations(filter) }),
  providers: action({
    input: catalogActions.providers,
    access: access('providers'),
    run: ({ service, stationId }, { app }) => app.services.catalog.providers(service, stationId),
  }),
  slots: action({
    input: catalogActions.slots,
    access: access('slots'),
    run: ({ providerId, from, days }, { app }) => app.services.catalog.slots(providerId, from, days),
  }),
}, { services: { catalog: catalogPart } });

export const main = catalogFunction.main;
