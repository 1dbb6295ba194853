import { ensureIndexes } from '../db/indexes';
import { allIndexes } from '../repositories/repositories';
import { allServiceParts } from '../services/services';
import { composeApp, type App, type AppOptions } from './compose-app';
import { markIndexesEnsured } from './function-instance';

export type { App, AppOptions };

/**
 * The app with every service, as the local host and the tests run all functions in one process. It
 * ensures every collection's indexes first (and notes so, for the function instances that start
 * after it). A cloud function's own bundle composes only its services (function-instance.ts).
 */
export async function createApp(options: AppOptions): Promise<App> {
  const app = composeApp(options, allServiceParts);
  if (options.ensureIndexes !== false) {
    await ensureIndexes(options.db, allIndexes);
    await markIndexesEnsured(app);
  }
  return app;
}
