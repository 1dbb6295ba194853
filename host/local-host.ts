import { resolve } from 'node:path';
import { cloudFunctions } from '../cloudfunctions/registry';
import { createApp, type App } from '../cloudfunctions/core/runtime/app';
import { connectDb } from '../cloudfunctions/core/db/mongo-connection';
import type { ServerConfig } from '../config/server-config.schema';
import { startEngine } from './engine/local-engine';
import { assertSafeListen } from './host-config';
import { buildHttpApp } from './http-app';
import { startScheduler } from './scheduler';
import { isSeeded, seedDemoDistrict } from './seed/seed-demo-district';

export type LocalHost = { url: string; app: App; close(): Promise<void> };

type Options = { config: ServerConfig; staticDir?: string; seed?: boolean; log?: (line: string) => void };

/** Engine, app, demo seed, timers and HTTP, started in that order and closed in reverse. */
export async function startLocalHost({ config, staticDir, seed = true, log = console.log }: Options): Promise<LocalHost> {
  assertSafeListen(config);
  const engine = await startEngine({ dataDir: config.dataDir, log });
  const closers: (() => Promise<void>)[] = [() => engine.stop()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error) => log(`[host] while closing: ${(error as Error).message}`));
  };
  try {
    const handle = await connectDb(engine.uri, config.dbName);
    closers.push(() => handle.close());
    const app = await createApp({ config: { ...config, mongodbUri: engine.uri }, db: handle.db });

    if (seed && !(await isSeeded(app))) await seedDemoDistrict(app, log);

    const stopScheduler = startScheduler(app, cloudFunctions, log);
    closers.push(stopScheduler);

    const http = buildHttpApp({ app, functions: cloudFunctions, staticDir: staticDir ? resolve(staticDir) : undefined });
    await http.listen({ host: config.host, port: config.port });
    closers.push(() => http.close());
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return { url: `http://${host}:${port}/`, app, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export function printAccounts(accounts: { openid: string; label: string }[], log: (line: string) => void): void {
  log('[seed] 演示账号（开发登录用的 openid）：');
  for (const { openid, label } of accounts) log(`         ${openid.padEnd(20)} ${label}`);
}
