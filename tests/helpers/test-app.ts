import { randomBytes } from 'node:crypto';
import type { Db, MongoClient } from 'mongodb';
import { parseServerConfig, type ServerConfig } from '../../config/server-config.schema';
import { openDedicatedClient } from '../../cloudfunctions/core/db/mongo-connection';
import { createApp, type App } from '../../cloudfunctions/core/runtime/app';
import type { Clock } from '../../cloudfunctions/core/ports/clock';
import type { IdentitySource } from '../../cloudfunctions/core/runtime/caller';
import { cloudFunctions } from '../../cloudfunctions/registry';
import type { Envelope } from '../../shared/errors';

export function engineUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run integration tests through jest (globalSetup starts the engine)');
  return uri;
}

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** A fixed key for volunteers' ID numbers, so racing clients of one test open each other's values. */
export const TEST_ID_NUMBER_KEY = Buffer.alloc(32, 7).toString('base64');

/** A fixed check-in code secret, so racing clients of one test accept each other's codes. */
export const TEST_ATTENDANCE_SECRET = 'test-attendance-secret-0123456789abcdef';

export function testConfig(overrides: Record<string, string> = {}): ServerConfig {
  return parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: TEST_SECRET, ID_NUMBER_KEY: TEST_ID_NUMBER_KEY, ATTENDANCE_CODE_SECRET: TEST_ATTENDANCE_SECRET, MONGODB_URI: engineUri(), ...overrides });
}

export type TestApp = {
  app: App;
  db: Db;
  client: MongoClient;
  dbName: string;
  /** Calls a cloud function through the same path the host takes. */
  call(fn: string, event: unknown, identity?: IdentitySource): Promise<Envelope<unknown>>;
  callAs(token: string, fn: string, event: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
};

/** A real app on a fresh database of its own; close() drops the database. */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const client = await openDedicatedClient(engineUri());
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const db = client.db(dbName);
  const app = await createApp({ config: testConfig(options.env), db, clock: options.clock });
  const call = (fn: string, event: unknown, identity: IdentitySource = { kind: 'bearer', token: null }) => {
    const target = cloudFunctions[fn];
    if (!target) throw new Error(`no function ${fn}`);
    return target.invoke(app, event, identity);
  };
  return {
    app,
    db,
    client,
    dbName,
    call,
    callAs: (token, fn, event) => call(fn, event, { kind: 'bearer', token }),
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** Logs in through devLogin and returns the token and user id. */
export async function loginAs(t: TestApp, openid: string): Promise<{ token: string; userId: string }> {
  const result = await t.call('user', { action: 'devLogin', openid });
  if (!result.ok) throw new Error(`devLogin failed: ${result.error.code}`);
  const data = result.data as { token: string; user: { id: string } };
  return { token: data.token, userId: data.user.id };
}

/** Every document of every collection, to prove a rejected call wrote nothing. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return out;
}

export function expectOk<T = unknown>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${JSON.stringify(envelope.error.details)}`);
  return envelope.data as T;
}
