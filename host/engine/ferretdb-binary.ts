import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

type Log = (line: string) => void;

/** Outside the clone, keyed by version, so every fresh clone and CI on this machine reuse one build. */
export function ferretdbCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'civic-services', `ferretdb-${FERRETDB_VERSION}`);
}

export function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : null;
}

function reportsVersion(binary: string, prefix: string): boolean {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 && result.stdout.includes(`version: ${prefix}`);
}

/** A FerretDB v1.24 binary on PATH or in the cache, or null. */
export function findFerretdb(): string | null {
  const onPath = which('ferretdb');
  if (onPath && reportsVersion(onPath, 'v1.24')) return onPath;
  const cached = join(ferretdbCacheDir(), 'bin', 'ferretdb');
  if (existsSync(cached) && reportsVersion(cached, 'v1.24')) return cached;
  return null;
}

/**
 * Builds FerretDB from the Go module proxy into the cache. `go install` alone gives a binary that
 * panics at start (the module lacks build/version/version.txt), so the module source is copied,
 * the version file written, and the command built from there.
 */
export async function buildFerretdb(log: Log): Promise<string> {
  const go = which('go');
  if (!go) throw new Error('go is not on PATH');
  const target = join(ferretdbCacheDir(), 'bin', 'ferretdb');
  mkdirSync(join(ferretdbCacheDir(), 'bin'), { recursive: true });
  log(`[engine] building FerretDB ${FERRETDB_VERSION} with Go into ${target}; the first build takes a few minutes`);

  log('[engine] 1/3 downloading the module source');
  const download = spawnSync(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (download.status !== 0) throw new Error(`go mod download failed: ${download.stderr || download.stdout}`);
  const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;

  const work = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
  try {
    cpSync(moduleDir, work, { recursive: true });
    // The module cache is read-only; the copy must be writable to add a file and to be removed.
    spawnSync('chmod', ['-R', 'u+w', work]);
    writeFileSync(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);

    log('[engine] 2/3 compiling (each line is a package finished)');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['build', '-v', '-o', target, './cmd/ferretdb'], {
        cwd: work,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let count = 0;
      let tail = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-4000);
        for (const line of chunk.split('\n').filter(Boolean)) {
          count += 1;
          if (count % 25 === 0) log(`[engine]     ${count} packages compiled, latest ${line.trim()}`);
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build exited with ${code}: ${tail}`))));
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!reportsVersion(target, 'v1.24')) throw new Error('the built ferretdb binary does not start');
  log(`[engine] 3/3 done: ${target}`);
  return target;
}
