import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildFerretdb, findFerretdb, which } from './ferretdb-binary';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { clearEngineState, isProcessAlive, pingEngine, readEngineState, writeEngineState } from './engine-state';

export type Engine = {
  uri: string;
  kind: 'external' | 'reused' | 'mongod' | 'ferretdb' | 'memory-server';
  /** FerretDB's storage: PostgreSQL when it is installed, SQLite otherwise; null for other engines. */
  backend: FerretdbBackend | null;
  /** Stops the engine if this launcher started it; a reused or external one is left running. */
  stop(): Promise<void>;
  /** The process id of the engine this launcher runs now (it changes with a restart); null when it runs none. */
  pid(): number | null;
};

export type FerretdbBackend = 'postgresql' | 'sqlite';

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
    return { uri: external, kind: 'external', backend: null, stop: async () => undefined, pid: () => null };
  }

  const dataDir = resolve(options.dataDir);
  const stateFile = join(dataDir, 'engine.json');
  const previous = readEngineState(stateFile);
  if (previous && isProcessAlive(previous.pid) && (await pingEngine(previous.uri))) {
    log(`[engine] reusing the ${previous.kind}${previous.backend ? ` on ${previous.backend}` : ''} already running at ${previous.uri} (pid ${previous.pid})`);
    return { uri: previous.uri, kind: 'reused', backend: previous.backend ?? null, stop: async () => undefined, pid: () => null };
  }
  clearEngineState(stateFile);

  const mongod = which('mongod');
  if (mongod) {
    const port = await freePort();
    const dbPath = join(dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    const spawnMongod = () => spawnLogged(mongod, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port)], join(dataDir, 'mongod.log'));
    return await supervise(spawnMongod, `mongodb://127.0.0.1:${port}/`, 'mongod', null, stateFile, log);
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
    const pg = await postgresFor(dataDir, dir, log);
    const storage = pg ? [`--handler=postgresql`, `--postgresql-url=${pg.url}`] : ['--handler=sqlite', `--sqlite-url=file:${dir}/`];
    const binary = ferretdb;
    const spawnFerretdb = () => spawnLogged(
      binary,
      [...storage, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
      join(dataDir, 'ferretdb.log'),
    );
    try {
      const engine = await supervise(spawnFerretdb, `mongodb://127.0.0.1:${port}/`, 'ferretdb', pg ? 'postgresql' : 'sqlite', stateFile, log);
      return pg ? { ...engine, stop: async () => { await engine.stop(); await pg.stop(); } } : engine;
    } catch (error) {
      await pg?.stop();
      throw error;
    }
  }

  const memory = await tryMemoryServer(log);
  if (memory) return memory;
  throw new Error(NO_ENGINE_HELP);
}

/**
 * FerretDB's storage for this data folder. PostgreSQL when it is installed (lookups use no index on
 * SQLite and writers queue there; ../shared/toolchain.md has the numbers), unless ENGINE_BACKEND
 * says sqlite, or the folder already holds SQLite data and no cluster: that data is kept in use
 * rather than left behind (ENGINE_BACKEND=postgresql starts afresh on PostgreSQL beside it).
 */
async function postgresFor(dataDir: string, sqliteDir: string, log: (line: string) => void): Promise<PostgresCluster | null> {
  const wanted = process.env.ENGINE_BACKEND;
  if (wanted && wanted !== 'postgresql' && wanted !== 'sqlite') throw new Error(`ENGINE_BACKEND is ${wanted}; use postgresql or sqlite`);
  if (wanted === 'sqlite') return null;
  const clusterDir = join(dataDir, 'postgres');
  const sqliteData = readdirSync(sqliteDir).some((f) => f.endsWith('.sqlite'));
  if (!wanted && sqliteData && !existsSync(join(clusterDir, 'PG_VERSION'))) {
    log('[engine] this data folder holds SQLite data from before: FerretDB keeps using SQLite here (ENGINE_BACKEND=postgresql switches)');
    return null;
  }
  if (!findPostgresBin()) {
    if (wanted) throw new Error('ENGINE_BACKEND=postgresql but PostgreSQL is not installed');
    log('[engine] PostgreSQL is not installed: FerretDB runs on SQLite');
    return null;
  }
  try {
    return await startPostgresCluster(clusterDir, log);
  } catch (error) {
    if (wanted) throw error;
    log(`[engine] PostgreSQL could not start (${(error as Error).message}): FerretDB runs on SQLite`);
    return null;
  }
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
async function supervise(
  spawnEngine: () => ChildProcess,
  uri: string,
  kind: 'mongod' | 'ferretdb',
  backend: FerretdbBackend | null,
  stateFile: string,
  log: (line: string) => void,
): Promise<Engine> {
  let child = spawnEngine();
  await untilAnswering(child, uri, kind).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  let stopping = false;
  let attempt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stableTimer: NodeJS.Timeout | undefined;
  const record = () => writeEngineState(stateFile, { kind, backend, pid: child.pid!, uri, startedAt: new Date().toISOString() });

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
  log(`[engine] started ${kind}${backend ? ` on ${backend}` : ''} at ${uri} (pid ${child.pid})`);

  // If this process ends without calling stop (an uncaught error), the engine must not outlive it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return {
    uri,
    kind,
    backend,
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
    return { uri: server.getUri(), kind: 'memory-server', backend: null, stop: async () => void (await server.stop()), pid: () => null };
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
