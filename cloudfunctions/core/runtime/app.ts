import type { ServerConfig } from '../../../config/server-config.schema';
import { parseServerConfig } from '../../../config/server-config.schema';
import { connectDb, type Db } from '../db/mongo-connection';
import { ensureIndexes } from '../db/indexes';
import { systemClock, type Clock } from '../ports/clock';
import { randomIds, type IdGenerator } from '../ports/ids';
import { createRepositories, allIndexes, type Repositories } from '../repositories/repositories';
import { createServices, type Services } from '../services/services';

/** Everything an invocation needs, built once per process (or per test with its own database). */
export type App = {
  config: ServerConfig;
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  repos: Repositories;
  services: Services;
};

export type AppOptions = {
  config: ServerConfig;
  db: Db;
  clock?: Clock;
  ids?: IdGenerator;
  /** False for extra instances on a database another instance already prepared (racing test clients). */
  ensureIndexes?: boolean;
};

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  if (options.ensureIndexes !== false) await ensureIndexes(options.db, allIndexes);
  const repos = createRepositories(options.db);
  const services = createServices({ config: options.config, repos, clock, ids });
  return { config: options.config, db: options.db, clock, ids, repos, services };
}

let defaultApp: Promise<App> | null = null;

/** The app a WeChat Cloud function instance builds from its environment variables on first call. */
export function getDefaultApp(): Promise<App> {
  if (!defaultApp) {
    defaultApp = (async () => {
      const config = parseServerConfig({ APP_ENV: 'production', ...process.env });
      if (!config.mongodbUri) throw new Error('MONGODB_URI is not set for this function');
      const { db } = await connectDb(config.mongodbUri, config.dbName);
      return createApp({ config, db });
    })();
    defaultApp.catch(() => {
      defaultApp = null;
    });
  }
  return defaultApp;
}
