import { resolve } from 'node:path';
import { cloudFunctions } from '../cloudfunctions/registry';
import { createApp, type App } from '../cloudfunctions/core/runtime/app';
import { connectDb } from '../cloudfunctions/core/db/mongo-connection';
import type { ServerConfig } from '../config/server-config.schema';
import { startEngine } from './engine/local-engine';
import { assertSafeListen } from './host-config';
import type { FastifyInstance } from 'fastify';
import type { CloudFunction } from '../cloudfunctions/core/runtime/define-function';
import { buildHttpApp } from './http-app';
import { startScheduler } from './scheduler';
import { isSeeded, seedDemoDistrict } from './seed/seed-demo-district';
// volunteer — training
import { seedDemoPastClasses, seedDemoTraining } from './seed/seed-demo-training';
import { seedDemoVolunteers } from './seed/seed-demo-volunteers';
// staff sign-in
import { seedDemoPasswords } from './seed/seed-demo-passwords';
import { seedDemoTargets } from './seed/seed-demo-targets';

export type LocalHost = { url: string; app: App; close(): Promise<void> };

type Options = {
  config: ServerConfig;
  staticDir?: string;
  seed?: boolean;
  log?: (line: string) => void;
  /** The functions served and timed (default: the registry). */
  functions?: Record<string, CloudFunction>;
};

/** How long shutdown waits for in-flight requests and timer runs before it abandons them. */
export const SHUTDOWN_GRACE_MS = 2_000;

/** Engine, app, demo seed, timers and HTTP, started in that order and closed in reverse. */
export async function startLocalHost({ config, staticDir, seed = true, log = console.log, functions = cloudFunctions }: Options): Promise<LocalHost> {
  assertSafeListen(config);
  const engine = await startEngine({ dataDir: config.dataDir, log });
  const closers: { what: string; close: () => Promise<void> }[] = [
    { what: engine.kind === 'ferretdb' || engine.kind === 'mongod' ? `stopping the ${engine.kind} it started` : 'leaving the database running', close: () => engine.stop() },
  ];
  const closeAll = async () => {
    for (const { what, close } of closers.reverse()) {
      const started = Date.now();
      log(`[host] ${what}`);
      await close().catch((error) => log(`[host] while ${what}: ${(error as Error).message}`));
      log(`[host]   done in ${Date.now() - started} ms`);
    }
  };
  try {
    const handle = await connectDb(engine.uri, config.dbName);
    // Forced: an operation still waiting on the database is abandoned, not awaited.
    closers.push({ what: 'closing the database connections', close: () => handle.close() });
    const app = await createApp({ config: { ...config, mongodbUri: engine.uri }, db: handle.db });

    if (seed && !(await isSeeded(app))) await seedDemoDistrict(app, log);
    // volunteer — training: its own markers, so a district seeded before it gets it too.
    if (seed) await seedDemoTraining(app, log);
    // volunteer — demo: applications, more volunteers, a festival visit, a rehearsal, past hours.
    if (seed) await seedDemoVolunteers(app, log);
    // volunteer — training: the class's two past weeks, yesterday's roll left for the teacher.
    if (seed) await seedDemoPastClasses(app, log);
    // staff sign-in: the demo staff's passwords, and the configured first admin's account.
    if (seed) await seedDemoPasswords(app, log);
    // staff — dashboard: the year's service targets beside training's.
    if (seed) await seedDemoTargets(app, log);
    await app.services.staffAuth.ensureFirstAdmin();

    const stopScheduler = startScheduler(app, functions, log);
    closers.push({ what: 'stopping the timers', close: () => stopScheduler(SHUTDOWN_GRACE_MS) });

    const http = buildHttpApp({ app, functions, staticDir: staticDir ? resolve(staticDir) : undefined });
    await http.listen({ host: config.host, port: config.port });
    closers.push({ what: 'closing HTTP (no new requests)', close: () => closeHttp(http, log) });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // documents — certificates: on a port the system picked (PORT=0), the default public address
    // (`http://<HOST>:0`) points nowhere; certificates' QR codes take the address actually listened on.
    if (app.config.publicBaseUrl?.endsWith(':0')) app.config.publicBaseUrl = `http://${host}:${port}`;
    return { url: `http://${host}:${port}/`, app, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Stops accepting, gives requests in flight a moment to finish, then cuts what is left. */
async function closeHttp(http: FastifyInstance, log: (line: string) => void): Promise<void> {
  const grace = setTimeout(() => {
    log(`[host]   requests still running after ${SHUTDOWN_GRACE_MS} ms: abandoning them`);
    http.server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  try {
    await http.close();
  } finally {
    clearTimeout(grace);
  }
}

export function printAccounts(accounts: readonly { openid: string; label: string }[], log: (line: string) => void): void {
  log('[seed] 演示账号（开发登录用的 openid）：');
  for (const { openid, label } of accounts) log(`         ${openid.padEnd(20)} ${label}`);
}
