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
};

type Options = { dataDir: string; log?: (line: string) => void };

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
  const external = process.env.MONGODB_URI;
  if (external) {
    log('[engine] using MONGODB_URI');
    return { uri: external, kind: 'external', stop: async () => undefined };
  }

  const dataDir = resolve(options.dataDir);
  const stateFile = join(dataDir, 'engine.json');
  const previous = readEngineState(stateFile);
  if (previous && isProcessAlive(previous.pid) && (await pingEngine(previous.uri))) {
    log(`[engine] reusing the ${previous.kind} already running at ${previous.uri} (pid ${previous.pid})`);
    return { uri: previous.uri, kind: 'reused', stop: async () => undefined };
  }
  clearEngineState(stateFile);

  const mongod = which('mongod');
  if (mongod) {
    const port = await freePort();
    const dbPath = join(dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    const child = spawnLogged(mongod, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port)], join(dataDir, 'mongod.log'));
    return await adopt(child, `mongodb://127.0.0.1:${port}/`, 'mongod', stateFile, log);
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
    const child = spawnLogged(
      ferretdb,
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
    return await adopt(child, `mongodb://127.0.0.1:${port}/`, 'ferretdb', stateFile, log);
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

async function adopt(child: ChildProcess, uri: string, kind: 'mongod' | 'ferretdb', stateFile: string, log: (line: string) => void): Promise<Engine> {
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 30_000;
  while (!(await pingEngine(uri, 500))) {
    if (exited) throw new Error(`${kind} exited during start-up; see its log under the data folder`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} did not answer within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  writeEngineState(stateFile, { kind, pid: child.pid!, uri, startedAt: new Date().toISOString() });
  log(`[engine] started ${kind} at ${uri} (pid ${child.pid})`);

  // If this process ends without calling stop (an uncaught error), the engine must not outlive it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return {
    uri,
    kind,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      clearEngineState(stateFile);
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
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
    return { uri: server.getUri(), kind: 'memory-server', stop: async () => void (await server.stop()) };
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
