/** The one launcher behind npm start, npm test and CI: start, reuse, stop, and no stray process. */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../host/engine/local-engine';
import { spawn } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { isEngineUnreachableError } from '../../cloudfunctions/core/db/mongo-errors';
import { isProcessAlive, pingEngine, readEngineState, writeEngineState } from '../../host/engine/engine-state';

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

it('ignores a stale state file left by a launcher and engine that died', async () => {
  // A process that has exited: its pid is what a dead launcher's state file would name.
  const gone = spawn('true');
  await new Promise((r) => gone.once('exit', r));
  writeEngineState(join(dataDir, 'engine.json'), { kind: 'ferretdb', pid: gone.pid!, uri: 'mongodb://127.0.0.1:1/', startedAt: new Date().toISOString() });
  const engine = await startEngine({ dataDir, log: () => undefined });
  expect(engine.kind).not.toBe('reused');
  expect(await pingEngine(engine.uri)).toBe(true);
  await engine.stop();
});

/** Sends `run` again while the database is unreachable, for at most 20 s. */
async function untilReachable<T>(run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!isEngineUnreachableError(error) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

it('restarts an engine it started when that engine dies, on the same address, and says so', async () => {
  const lines: string[] = [];
  const engine = await startEngine({ dataDir, log: (line) => lines.push(line) });
  const client = new MongoClient(engine.uri, { serverSelectionTimeoutMS: 15_000 });
  try {
    await client.db('restart_test').collection('notes').insertOne({ _id: 'before' as never });
    for (let death = 1; death <= 2; death += 1) {
      const pid = engine.pid()!;
      process.kill(pid, 'SIGKILL');
      while (isProcessAlive(pid)) await new Promise((r) => setTimeout(r, 20));
      // The same client, never reconnected by hand, works again once the engine is back (a call
      // that meets the dead connection fails as unreachable, and the client sends it again).
      await untilReachable(() => client.db('restart_test').collection('notes').insertOne({ _id: `after-${death}` as never }));
      expect(engine.pid()).not.toBe(pid);
      // The launcher records the new process once it answers its own ping.
      while (lines.filter((l) => /restarted at/.test(l)).length < death) await new Promise((r) => setTimeout(r, 50));
      expect(readEngineState(join(dataDir, 'engine.json'))?.pid).toBe(engine.pid());
    }
    expect(await client.db('restart_test').collection('notes').countDocuments()).toBe(3);
    expect(lines.filter((l) => /stopped unexpectedly/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /restarted at/.test(l))).toHaveLength(2);
  } catch (error) {
    await engine.stop();
    throw error;
  } finally {
    await client.close();
  }
  const pid = engine.pid()!;
  await engine.stop();
  // Stopping for good is not a death: nothing is restarted after it.
  await new Promise((r) => setTimeout(r, 1_000));
  expect(isProcessAlive(pid)).toBe(false);
  expect(lines.filter((l) => /stopped unexpectedly/.test(l))).toHaveLength(2);
});
