import { catalogActions } from '../../shared/schemas/catalog.schema';
import { action, defineFunction } from '../core/runtime/define-function';

export const catalogFunction = defineFunction('catalog', {
  services: action({ input: catalogActions.services, access: 'user', run: (_input, { app }) => app.services.catalog.services() }),
  streets: action({ input: catalogActions.streets, access: 'user', run: (_input, { app }) => app.services.catalog.streets() }),
  stations: action({ input: catalogActions.stations, access: 'user', run: (filter, { app }) => app.services.catalog.stations(filter) }),
  providers: action({
    input: catalogActions.providers,
    access: 'user',
    run: ({ service, stationId }, { app }) => app.services.catalog.providers(service, stationId),
  }),
  slots: action({
    input: catalogActions.slots,
    access: 'user',
    run: ({ providerId, from, days }, { app }) => app.services.catalog.slots(providerId, from, days),
  }),
});

export const main = catalogFunction.main;
