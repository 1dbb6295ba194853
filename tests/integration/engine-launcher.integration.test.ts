/** The one launcher behind npm start, npm test and CI: start, reuse, stop, and no stray process. */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../host/engine/local-engine';
import { isProcessAlive, pingEngine, readEngineState } from '../../host/engine/engine-state';

jest.setTimeout(120_000);

let dataDir: string;
const savedUri = process.env.MONGODB_URI;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'engine-'));
  delete process.env.MONGODB_URI;
});
afterEach(() => {
  process.env.MONGODB_URI = savedUri;
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts an engine, lets a second launcher reuse it, and stops only the one it started', async () => {
  const first = await startEngine({ dataDir, log: () => undefined });
  expect(['mongod', 'ferretdb']).toContain(first.kind);
  const state = readEngineState(join(dataDir, 'engine.json'));
  expect(state?.uri).toBe(first.uri);

  const second = await startEngine({ dataDir, log: () => undefined });
  expect(second).toMatchObject({ kind: 'reused', uri: first.uri });
  await second.stop();
  expect(await pingEngine(first.uri)).toBe(true);

  await first.stop();
  expect(isProcessAlive(state!.pid)).toBe(false);
  expect(existsSync(join(dataDir, 'engine.json'))).toBe(false);
  expect(await pingEngine(first.uri, 500)).toBe(false);
});

it('uses MONGODB_URI when it is set and never stops that engine', async () => {
  process.env.MONGODB_URI = savedUri;
  const engine = await startEngine({ dataDir, log: () => undefined });
  expect(engine).toMatchObject({ kind: 'external', uri: savedUri });
  await engine.stop();
  expect(await pingEngine(savedUri!)).toBe(true);
});

it('ignores a stale state file left by an engine that died', async () => {
  const first = await startEngine({ dataDir, log: () => undefined });
  const pid = readEngineState(join(dataDir, 'engine.json'))!.pid;
  process.kill(pid, 'SIGKILL');
  while (isProcessAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  const second = await startEngine({ dataDir, log: () => undefined });
  expect(second.kind).not.toBe('reused');
  expect(await pingEngine(second.uri)).toBe(true);
  await second.stop();
  await first.stop();
});
