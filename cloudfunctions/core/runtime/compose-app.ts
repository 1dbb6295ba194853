import type { ServerConfig } from '../../../config/server-config.schema';
import type { Db } from '../db/mongo-connection';
import { systemClock, type Clock } from '../ports/clock';
import { randomIds, type IdGenerator } from '../ports/ids';
import { createRepositories, type Repositories } from '../repositories/repositories';
import { composeServices, type ServiceParts } from '../services/composition';
import type { Services } from '../services/services';

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

/** An app whose services are the given parts (all of them for the host, a function's own in its bundle). */
export function composeApp(options: AppOptions, parts: ServiceParts, name?: string): App {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const repos = createRepositories(options.db);
  const services = composeServices({ config: options.config, repos, clock, ids }, parts, name);
  return { config: options.config, db: options.db, clock, ids, repos, services };
}
