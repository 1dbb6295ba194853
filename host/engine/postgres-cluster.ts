import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { which } from './ferretdb-binary';

type Log = (line: string) => void;

export type PostgresCluster = {
  /** What FerretDB's `--postgresql-url` takes. */
  url: string;
  version: string;
  stop(): Promise<void>;
};

/**
 * FerretDB keeps each pooled PostgreSQL connection while a `findOneAndUpdate` takes a second one;
 * at its default of 50 a burst of 200 such calls wedged it for good (../shared/toolchain.md). The
 * pool sits well above every client pool a run opens, and PostgreSQL's limit above the pool.
 */
const FERRETDB_POOL = 400;
const MAX_CONNECTIONS = 500;
const SUPERUSER = 'ferretdb';

/** The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's versioned folders. */
export function findPostgresBin(): string | null {
  // The real folder, not a folder of links to some of its tools (pg_isready is needed too).
  const onPath = which('initdb');
  if (onPath && existsSync(join(dirname(realpathSync(onPath)), 'pg_isready'))) return dirname(realpathSync(onPath));
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(debian, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : null;
}

/** initdb and postgres refuse to run as root: as root the cluster belongs to the `postgres` user. */
function runAs(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) throw new Error('running as root and there is no `postgres` user to run PostgreSQL as');
  return { user: 'postgres', uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function command(bin: string, args: string[], user: string | null): [string, string[]] {
  return user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];
}

function freePortSync(): number {
  // A port the kernel hands out and we release at once; PostgreSQL takes it a moment later.
  const result = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

/**
 * A private PostgreSQL cluster for FerretDB's postgresql handler, under `dir`: created by initdb the
 * first time (trust auth, loopback and a socket in `dir` only), started on a free port, stopped by
 * `stop()` or when this process exits. Throws with the reason when it cannot run here; the caller
 * then falls back to SQLite.
 */
export async function startPostgresCluster(dir: string, log: Log): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb)');
  const owner = runAs();
  mkdirSync(dir, { recursive: true });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const user = owner?.user ?? null;
  const reach = spawnSync(...command('test', ['-w', dir], user));
  if (reach.status !== 0) throw new Error(`the ${user ?? 'current'} user cannot write ${dir} (a parent folder is closed to it)`);

  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`[engine] creating a PostgreSQL cluster in ${dir}`);
    const init = spawnSync(...command(join(bin, 'initdb'), ['-D', dir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale'], user), { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().slice(-500)}`);
  }
  // A postmaster left by a launcher that was killed holds the folder: stop it first.
  if (existsSync(join(dir, 'postmaster.pid'))) {
    spawnSync(...command(join(bin, 'pg_ctl'), ['-D', dir, 'stop', '-m', 'fast', '-w', '-t', '10'], user), { encoding: 'utf8' });
  }

  const port = freePortSync();
  const args = [
    '-D', dir,
    '-p', String(port),
    '-k', dir,
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `max_connections=${MAX_CONNECTIONS}`,
    // A crash of the machine may lose the last fraction of a second of writes, never corrupt them:
    // a fair trade for a local engine whose commits then return without waiting for the disk.
    '-c', 'synchronous_commit=off',
  ];
  const child = spawnLogged(...command(join(bin, 'postgres'), args, user), join(dirname(dir), 'postgres.log'));
  try {
    await untilReady(child, bin, port, user);
  } catch (error) {
    // Killing runuser would leave the postmaster running: stop the cluster itself.
    spawnSync(...command(join(bin, 'pg_ctl'), ['-D', dir, 'stop', '-m', 'immediate', '-w', '-t', '10'], user));
    throw error;
  }
  installGinTwins(bin, port, user);
  const postmasterPid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const version = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
  log(`[engine] PostgreSQL ${version} running on 127.0.0.1:${port} (pid ${postmasterPid})`);

  // The postmaster itself is signalled: runuser in between need not pass signals on.
  const killOnExit = () => {
    try {
      process.kill(postmasterPid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres?pool_max_conns=${FERRETDB_POOL}`,
    version,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      killOnExit(); // SIGINT: PostgreSQL's fast shutdown
      const timer = setTimeout(() => {
        try {
          process.kill(postmasterPid, 'SIGQUIT');
        } catch {
          // already gone
        }
      }, 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

function spawnLogged(cmd: string, args: string[], logFile: string): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function untilReady(child: ChildProcess, bin: string, port: number, user: string | null): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('PostgreSQL exited during start-up; see postgres.log under the data folder');
    const ready = spawnSync(...command(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-q'], user));
    if (ready.status === 0) return;
    if (ready.error) throw new Error(`pg_isready could not run: ${ready.error.message}`);
    if (Date.now() > deadline) throw new Error('PostgreSQL did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * FerretDB v1.24 hands an equality on a top-level field to PostgreSQL as `_jsonb->'field' @> value`,
 * which the btree expression indexes it creates (`(_jsonb->'field')`) cannot serve: every look-up was
 * a scan of the table (130 ms for one booking by `_id` among 10,000, seconds for a year of notices).
 * A GIN index on the same expression serves `@>` (0.1 ms). An event trigger gives each index
 * FerretDB creates (every `createIndexes` a repository declares, and `_id`) a GIN twin on its first
 * field; indexes made before the trigger existed get theirs here, once. Production's MongoDB uses
 * its own indexes and never sees this.
 */
const GIN_TWINS_SQL = `
CREATE OR REPLACE FUNCTION public.civic_gin_twin_of(index_oid oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE idx text; tbl text; def text; field text;
BEGIN
  SELECT c.relname, i.indrelid::regclass::text, pg_get_indexdef(index_oid, 1, true) INTO idx, tbl, def
    FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_am a ON a.oid = c.relam
    WHERE c.oid = index_oid AND a.amname = 'btree';
  IF idx IS NULL OR idx LIKE '%\\_gin' THEN RETURN; END IF;
  field := substring(def FROM '^\\(?_jsonb -> ''([^'']+)''::text\\)?$');
  IF field IS NULL THEN RETURN; END IF;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L))', left(idx, 59) || '_gin', tbl, field);
END $fn$;
CREATE OR REPLACE FUNCTION public.civic_gin_twin() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    PERFORM public.civic_gin_twin_of(cmd.objid);
  END LOOP;
END $fn$;
DROP EVENT TRIGGER IF EXISTS civic_gin_twin;
CREATE EVENT TRIGGER civic_gin_twin ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION public.civic_gin_twin();
SELECT count(public.civic_gin_twin_of(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'i' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND c.relname NOT LIKE '%\\_gin';
`;

function installGinTwins(bin: string, port: number, user: string | null): void {
  const psql = spawnSync(...command(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', GIN_TWINS_SQL], user), { encoding: 'utf8' });
  if (psql.status !== 0) throw new Error(`installing the GIN twins of FerretDB's indexes failed: ${(psql.stderr || psql.stdout).trim().slice(-500)}`);
}
