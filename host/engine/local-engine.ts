import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildFerretdb, findFerretdb, which } from './ferretdb-binary';
import { clearEngineState, isProcessAlive, pingEngine, readEngineState, writeEngineState } from './engine-state';

export type Engine = {
  uri: string;
  kind: 'external' | 'reused' | 'mongod' | 'ferretdb' | 'memory-server';
  /** Stops the engine if this launcher started it; a reused or external one is left running. */
  stop(): Promise<void>;
  /** The process id of the engine this launcher runs now (it changes with a restart); null when it runs none. */
  pid(): number | null;
};

type Options = {
  dataDir: string;
  log?: (line: string) => void;
  /** A running database to use instead of starting one; defaults to MONGODB_URI, null forces a local engine. */
  uri?: string | null;
};

const NO_ENGINE_HELP = [
  'No MongoDB-compatible engine could be started. Any one of these works:',
  '  - set MONGODB_URI to a running MongoDB (a replica set or a managed MongoDB in production);',
  '  - put `mongod` on PATH;',
  '  - put a FerretDB v1.24 binary named `ferretdb` on PATH;',
  '  - install Go (the launcher then builds FerretDB v1.24.2 into ~/.cache/civic-services);',
  '  - npm install mongodb-memory-server-core (needs to download a mongod binary).',
].join('\n');

/**
 * The one launcher behind `npm start`, `npm test` and CI. It prefers, in order: MONGODB_URI; an
 * engine a previous launcher left running; mongod on PATH; FerretDB on PATH or in the cache; a
 * FerretDB built with Go; mongodb-memory-server-core.
 */
export async function startEngine(options: Options): Promise<Engine> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = options.uri === undefined ? process.env.MONGODB_URI : options.uri;
  if (external) {
    log('[engine] using MONGODB_URI');
    return { uri: external, kind: 'external', stop: async () => undefined, pid: () => null };
  }

  const dataDir = resolve(options.dataDir);
  const stateFile = join(dataDir, 'engine.json');
  const previous = readEngineState(stateFile);
  if (previous && isProcessAlive(previous.pid) && (await pingEngine(previous.uri))) {
    log(`[engine] reusing the ${previous.kind} already running at ${previous.uri} (pid ${previous.pid})`);
    return { uri: previous.uri, kind: 'reused', stop: async () => undefined, pid: () => null };
  }
  clearEngineState(stateFile);

  const mongod = which('mongod');
  if (mongod) {
    const port = await freePort();
    const dbPath = join(dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    const spawnMongod = () => spawnLogged(mongod, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port)], join(dataDir, 'mongod.log'));
    return await supervise(spawnMongod, `mongodb://127.0.0.1:${port}/`, 'mongod', stateFile, log);
  }

  let ferretdb = findFerretdb();
  if (!ferretdb && which('go')) {
    try {
      ferretdb = await buildFerretdb(log);
    } catch (error) {
      log(`[engine] building FerretDB failed: ${(error as Error).message}`);
    }
  }
  if (ferretdb) {
    const port = await freePort();
    const dir = join(dataDir, 'ferretdb');
    mkdirSync(dir, { recursive: true });
    const binary = ferretdb;
    const spawnFerretdb = () => spawnLogged(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${dir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      join(dataDir, 'ferretdb.log'),
    );
    return await supervise(spawnFerretdb, `mongodb://127.0.0.1:${port}/`, 'ferretdb', stateFile, log);
  }

  const memory = await tryMemoryServer(log);
  if (memory) return memory;
  throw new Error(NO_ENGINE_HELP);
}

function spawnLogged(command: string, args: string[], logFile: string): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

/** Pauses between restarts of an engine that keeps dying: 0.25 s, doubling, at most 10 s. */
const restartDelayMs = (attempt: number) => Math.min(250 * 2 ** attempt, 10_000);
/** An engine up this long after a restart counts as healthy again: the next death restarts at once. */
const STABLE_MS = 30_000;

/** Waits until the freshly spawned engine answers, or throws when it exits or stays silent. */
async function untilAnswering(child: ChildProcess, uri: string, kind: string): Promise<void> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  const onExit = () => {
    exited = true;
  };
  child.once('exit', onExit);
  try {
    const deadline = Date.now() + 30_000;
    while (!(await pingEngine(uri, 500))) {
      if (exited) throw new Error(`${kind} exited during start-up; see its log under the data folder`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${kind} did not answer within 30 s`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    child.removeListener('exit', onExit);
  }
}

/**
 * Runs an engine this launcher started, and keeps it running: when it dies unasked it is started
 * again on the same port (so every client's URI stays valid and the driver reconnects by itself),
 * with a growing pause while it keeps dying, and a log line each time.
 */
async function supervise(spawnEngine: () => ChildProcess, uri: string, kind: 'mongod' | 'ferretdb', stateFile: string, log: (line: string) => void): Promise<Engine> {
  let child = spawnEngine();
  await untilAnswering(child, uri, kind).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  let stopping = false;
  let attempt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stableTimer: NodeJS.Timeout | undefined;
  const record = () => writeEngineState(stateFile, { kind, pid: child.pid!, uri, startedAt: new Date().toISOString() });

  const restart = async () => {
    if (stopping) return;
    attempt += 1;
    child = spawnEngine();
    watch(child);
    try {
      await untilAnswering(child, uri, kind);
      if (stopping) return;
      record();
      log(`[engine] ${kind} restarted at ${uri} (pid ${child.pid}, attempt ${attempt})`);
      clearTimeout(stableTimer);
      stableTimer = setTimeout(() => (attempt = 0), STABLE_MS);
      stableTimer.unref();
    } catch (error) {
      // Its exit (or the kill after silence) schedules the next attempt.
      log(`[engine] restarting ${kind} failed: ${(error as Error).message}`);
    }
  };
  function watch(engineProcess: ChildProcess) {
    engineProcess.once('exit', (code, signal) => {
      if (stopping || engineProcess !== child) return;
      clearTimeout(stableTimer);
      const delay = restartDelayMs(attempt);
      log(`[engine] ${kind} (pid ${engineProcess.pid}) stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it in ${delay} ms`);
      restartTimer = setTimeout(() => void restart(), delay);
    });
  }
  watch(child);
  record();
  log(`[engine] started ${kind} at ${uri} (pid ${child.pid})`);

  // If this process ends without calling stop (an uncaught error), the engine must not outlive it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return {
    uri,
    kind,
    pid: () => (child.exitCode === null && child.signalCode === null ? child.pid ?? null : null),
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      clearTimeout(stableTimer);
      process.removeListener('exit', killOnExit);
      clearEngineState(stateFile);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

async function tryMemoryServer(log: (line: string) => void): Promise<Engine | null> {
  let mod: { MongoMemoryServer: { create(): Promise<{ getUri(): string; stop(): Promise<boolean> }> } };
  try {
    // Optional: only present when someone installed it; it downloads a mongod binary of its own.
    mod = require('mongodb-memory-server-core');
  } catch {
    return null;
  }
  try {
    const server = await mod.MongoMemoryServer.create();
    log('[engine] started mongodb-memory-server');
    return { uri: server.getUri(), kind: 'memory-server', stop: async () => void (await server.stop()), pid: () => null };
  } catch (error) {
    log(`[engine] mongodb-memory-server-core failed: ${(error as Error).message}`);
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
