import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { precompressH5 } from './h5-precompress';

/**
 * Makes sure build/h5 holds a browser build of the client that is at least as new as its sources,
 * so `npm start` and the end-to-end suite never serve a stale (or missing) app.
 */
const rootDir = resolve(__dirname, '..');
const outputIndex = join(rootDir, 'build', 'h5', 'index.html');
export const sourceRoots = [join(rootDir, 'client'), join(rootDir, 'shared'), join(rootDir, 'config', 'index.ts')];
// Folders and files under the sources that are not part of the app (tests, notes).
const skipped = new Set(['node_modules', '.git', 'build', '.data', 'test']);
const notInApp = /(\.test\.tsx?|\.md)$/;

type Options = { log?: (line: string) => void; force?: boolean };
export type H5BuildResult = { built: boolean; reason: string; ms: number };

/** The newest modification time (ms) of any file under the given paths, and that file. */
export function newestSource(paths: string[] = sourceRoots): { mtimeMs: number; file: string | null } {
  let newest = { mtimeMs: 0, file: null as string | null };
  const visit = (path: string) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (!skipped.has(entry)) visit(join(path, entry));
    } else if (stats.isFile() && !notInApp.test(path) && stats.mtimeMs > newest.mtimeMs) {
      newest = { mtimeMs: stats.mtimeMs, file: path };
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** Why a build is needed, or null when build/h5 is up to date. */
export function h5BuildReason(): string | null {
  if (!existsSync(outputIndex)) return 'build/h5/index.html is missing';
  const built = statSync(outputIndex).mtimeMs;
  const newest = newestSource();
  if (newest.mtimeMs > built) return `${newest.file ? newest.file.slice(rootDir.length + 1) : 'a source file'} changed after the last build`;
  return null;
}

/** Runs `taro build --type h5 --no-check` when build/h5 is missing or older than its sources. */
export async function ensureH5Build({ log = console.log, force = false }: Options = {}): Promise<H5BuildResult> {
  const reason = force ? 'a rebuild was asked for' : h5BuildReason();
  if (!reason) {
    log('[h5] build/h5 is up to date');
    compress(log);
    return { built: false, reason: 'up to date', ms: 0 };
  }
  log(`[h5] building the browser app (${reason}); this takes a minute or two…`);
  const ms = await runTaroBuild('h5', { log, done: () => existsSync(outputIndex) });
  log(`[h5] built build/h5 in ${(ms / 1000).toFixed(1)} s`);
  compress(log);
  return { built: true, reason, ms };
}

/** The brotli and gzip copies the host serves (also after a bare `npm run build:h5`). */
function compress(log: (line: string) => void): void {
  const started = Date.now();
  const done = precompressH5(dirname(outputIndex));
  if (done.written > 0) {
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    log(`[h5] compressed ${done.written} of ${done.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kb(done.rawBytes)} → ${kb(done.brotliBytes)} with brotli`);
  }
}

type TaroBuildOptions = { log: (line: string) => void; env?: NodeJS.ProcessEnv; done: () => boolean };

/** `taro build --type <platform> --no-check` with a heartbeat; throws with the build's tail when it fails. */
export async function runTaroBuild(platform: 'h5' | 'weapp', { log, env = process.env, done }: TaroBuildOptions): Promise<number> {
  const started = Date.now();
  const taro = join(rootDir, 'node_modules', '.bin', 'taro');
  // --no-check: without it the build's doctor fetches a schema from the internet on every run.
  const child = spawn(taro, ['build', '--type', platform, '--no-check'], {
    cwd: rootDir,
    env: { ...env, NODE_ENV: env.NODE_ENV ?? 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-6000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // A heartbeat, so a long build does not look like a hang.
  const timer = setInterval(() => log(`[${platform}] still building… ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  const code = await new Promise<number>((resolveExit) => {
    child.on('error', (error) => {
      tail += `\n${error.message}`;
      resolveExit(1);
    });
    child.on('exit', (exitCode, signal) => resolveExit(exitCode ?? (signal ? 1 : 0)));
  });
  clearInterval(timer);
  const ms = Date.now() - started;
  if (code !== 0 || !done()) {
    // eslint-disable-next-line no-control-regex
    log(tail.replace(/\u001b\[[0-9;]*m/g, ''));
    throw new Error(`taro build --type ${platform} failed (exit ${code}) after ${(ms / 1000).toFixed(1)} s`);
  }
  return ms;
}

if (require.main === module) {
  ensureH5Build({ force: process.argv.includes('--force') }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
