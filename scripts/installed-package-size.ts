import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/**
 * What `npm install` puts on disk for one package: the package and its dependency closure, as
 * package-lock.json resolves them (a dependency is looked up in the nearest node_modules, as npm
 * and Node do), each package's files counted once (not its nested node_modules, which are their own
 * packages in the lock). Optional and peer dependencies the lock did not install are not counted.
 * The figure is the sum of the files' sizes, not of the disk blocks they occupy.
 */
export type InstalledSize = { packages: string[]; bytes: number };

type LockEntry = { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

function filesBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) bytes += filesBytes(full);
    else if (entry.isFile()) bytes += lstatSync(full).size;
  }
  return bytes;
}

/** The lock key a dependency of the package at `from` resolves to, walking up the node_modules folders. */
function resolveInLock(packages: Record<string, LockEntry>, from: string, dependency: string): string | null {
  let at = from;
  for (;;) {
    const key = at === '' ? `node_modules/${dependency}` : `${at}/node_modules/${dependency}`;
    if (packages[key]) return key;
    if (at === '') return null;
    const parent = at.lastIndexOf('/node_modules/');
    at = parent < 0 ? '' : at.slice(0, parent);
  }
}

export function installedSize(rootDir: string, pkg: string): InstalledSize {
  const lock = JSON.parse(readFileSync(join(rootDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const start = `node_modules/${pkg}`;
  if (!lock.packages[start]) throw new Error(`package-lock.json has no ${pkg}`);
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = lock.packages[key]!;
    for (const dependency of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})]) {
      const resolved = resolveInLock(lock.packages, key, dependency);
      if (resolved) queue.push(resolved);
      else if (entry.dependencies?.[dependency]) throw new Error(`package-lock.json does not resolve ${dependency}, a dependency of ${key}`);
    }
  }
  const keys = [...seen].sort();
  const bytes = keys.reduce((sum, key) => sum + filesBytes(join(rootDir, ...key.split(posix.sep))), 0);
  return { packages: keys.map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)), bytes };
}

/** The installed copy a file would load: Node's resolution from the file's folder. */
export function resolvedFrom(file: string, pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`, { paths: [dirname(file)] }));
}
