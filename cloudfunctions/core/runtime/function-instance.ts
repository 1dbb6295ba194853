import { createHash } from 'node:crypto';
import { parseServerConfig } from '../../../config/server-config.schema';
import { connectDb } from '../db/mongo-connection';
import { ensureIndexes } from '../db/indexes';
import { allIndexes } from '../repositories/repositories';
import type { ServiceParts } from '../services/composition';
import { composeApp, type App } from './compose-app';

/**
 * Names this set of index declarations: a deployment that adds or changes an index gets a new key,
 * so its first cold start creates what is missing; the ones after it read one document instead of
 * listing every collection's indexes.
 */
const indexesKey = `indexes:${createHash('sha256').update(JSON.stringify(allIndexes)).digest('hex').slice(0, 16)}`;

/** Notes that every declared index exists on the app's database. */
export async function markIndexesEnsured(app: App): Promise<void> {
  await app.repos.meta.markOnce(indexesKey, app.clock.now());
}

/** Every declared index, ensured unless this very declaration set was ensured on the database before. */
export async function ensureIndexesOnce(app: App): Promise<void> {
  if (await app.repos.meta.get(indexesKey)) return;
  await ensureIndexes(app.db, allIndexes);
  await markIndexesEnsured(app);
}

let instance: Promise<App> | null = null;

/**
 * The app a WeChat Cloud function instance builds from its environment variables on first call:
 * only the services the function's actions use (its bundle holds nothing else).
 */
export function functionApp(name: string, parts: ServiceParts): Promise<App> {
  if (!instance) {
    instance = (async () => {
      const config = parseServerConfig({ APP_ENV: 'production', ...process.env });
      if (!config.mongodbUri) throw new Error('MONGODB_URI is not set for this function');
      const { db } = await connectDb(config.mongodbUri, config.dbName);
      const app = composeApp({ config, db }, parts, `the ${name} function`);
      await ensureIndexesOnce(app);
      return app;
    })();
    instance.catch(() => {
      instance = null;
    });
  }
  return instance;
}
