/**
 * Shutting the local host down: it stops taking requests, abandons work that does not finish within
 * its grace period, closes the database and stops the engine it started, and says each step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { defineFunction, publicAction } from '../../cloudfunctions/core/runtime/define-function';
import { isProcessAlive, readEngineState } from '../../host/engine/engine-state';
import { loadHostConfig } from '../../host/host-config';
import { startLocalHost } from '../../host/local-host';

jest.setTimeout(60_000);

let dataDir: string;
const savedUri = process.env.MONGODB_URI;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'host-shutdown-'));
  // The host starts an engine of its own here, to show it stops it.
  delete process.env.MONGODB_URI;
});
afterEach(() => {
  process.env.MONGODB_URI = savedUri;
  rmSync(dataDir, { recursive: true, force: true });
});

it('closes with a request that never finishes still in flight, and stops the engine it started', async () => {
  let inFlight!: () => void;
  const arrived = new Promise<void>((resolve) => (inFlight = resolve));
  // A throwaway function whose one action never answers, like a call stuck on a dead dependency.
  const stuck = defineFunction('stuck', {
    wait: publicAction({ input: z.strictObject({}), access: 'public', run: () => (inFlight(), new Promise<never>(() => undefined)) }),
  });
  const lines: string[] = [];
  const config = loadHostConfig({ APP_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DB_NAME: 'shutdown', DEV_LOGIN: '1' });
  const host = await startLocalHost({ config, seed: false, log: (line) => lines.push(line), functions: { ...cloudFunctions, stuck } });
  const enginePid = readEngineState(join(dataDir, 'engine.json'))!.pid;

  const pending = fetch(`${host.url}api/stuck`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"wait"}' }).then(
    (res) => `answered ${res.status}`,
    () => 'cut off',
  );
  await arrived;
  await host.close();

  expect(await pending).toBe('cut off');
  expect(isProcessAlive(enginePid)).toBe(false);
  await expect(fetch(`${host.url}healthz`)).rejects.toThrow();
  const said = lines.join('\n');
  expect(said).toMatch(/closing HTTP/);
  expect(said).toMatch(/abandoning them/);
  expect(said).toMatch(/closing the database connections/);
  expect(said).toMatch(/stopping the ferretdb it started|stopping the mongod it started/);
});
