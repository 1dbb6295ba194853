import type { MongoClient } from 'mongodb';
import { openDedicatedClient } from '../../cloudfunctions/core/db/mongo-connection';
import { createApp, type App } from '../../cloudfunctions/core/runtime/app';
import type { Clock } from '../../cloudfunctions/core/ports/clock';
import type { IdentitySource } from '../../cloudfunctions/core/runtime/caller';
import { cloudFunctions } from '../../cloudfunctions/registry';
import type { Envelope } from '../../shared/errors';
import { engineUri, type TestApp } from './test-app';

/**
 * Independent function instances on one database, each with its own connection (pool of one), as
 * many WeChat Cloud instances or host processes would be. Used to race real concurrent clients.
 */
export type RacingClient = { app: App; client: MongoClient; call(fn: string, event: unknown, token: string): Promise<Envelope<unknown>> };

export async function openRacingClients(t: TestApp, count: number, clock?: Clock): Promise<RacingClient[] & { close(): Promise<void> }> {
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = await openDedicatedClient(engineUri());
      const app = await createApp({ config: t.app.config, db: client.db(t.dbName), clock: clock ?? t.app.clock, ensureIndexes: false });
      const call = (fn: string, event: unknown, token: string) => {
        const identity: IdentitySource = { kind: 'bearer', token };
        return cloudFunctions[fn]!.invoke(app, event, identity);
      };
      return { app, client, call };
    }),
  );
  return Object.assign(clients, { close: async () => void (await Promise.all(clients.map((c) => c.client.close()))) });
}

/** Starts every call at the same moment (after all are set up) and waits for all. */
export async function raceAll<T>(thunks: (() => Promise<T>)[]): Promise<T[]> {
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  const running = thunks.map(async (thunk) => {
    await gate;
    return thunk();
  });
  go();
  return Promise.all(running);
}
