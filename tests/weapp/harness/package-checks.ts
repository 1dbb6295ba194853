/**
 * WeChat's own static checks of a built package, offline: miniprogram-ci's analyseCode (every page
 * and component a json names resolves to files) and checkCodeQuality (size, compression settings).
 *
 *   tsx tests/weapp/harness/package-checks.ts <out.json> <package dir>...
 *
 * A script run in a child process, because analyseCode leaves a file watcher open that would keep
 * jest (and any process) from exiting; the child exits when it has written its report.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type PackageReport = {
  /** `Page:pages/home/index.json` and the like, for every page and component the analysis reached. */
  modules: { id: string; type: string }[];
  /** Each dependency that did not resolve: `<module id> -> <request>: <error>`. */
  unresolved: string[];
  quality: { name: string; success: boolean; text: string }[];
};

type AnalysedModule = { id: string; type: string; errors?: unknown[]; deps: { request: string; error: unknown }[] };
type Ci = {
  Project: new (options: Record<string, unknown>) => unknown;
  analyseCode(project: unknown): Promise<{ modules: AnalysedModule[] }>;
  checkCodeQuality(project: unknown): Promise<{ name: string; success: boolean; text: string }[]>;
};

const rootDir = path.resolve(__dirname, '..', '..', '..');

async function checkPackage(ci: Ci, dir: string, keyPath: string): Promise<PackageReport> {
  // The appid and key are placeholders: these two checks never reach WeChat (upload would).
  const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: dir, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
  const analysis = await ci.analyseCode(project);
  const unresolved = analysis.modules.flatMap((module) => [
    ...(module.errors ?? []).map((error) => `${module.id}: ${String(error)}`),
    ...module.deps.filter((dep) => dep.error).map((dep) => `${module.id} -> ${dep.request}: ${String(dep.error)}`),
  ]);
  const quality = (await ci.checkCodeQuality(project)).map(({ name, success, text }) => ({ name, success, text }));
  return { modules: analysis.modules.map(({ id, type }) => ({ id, type })), unresolved, quality };
}

async function main(out: string, dirs: string[]): Promise<void> {
  const ci = require('miniprogram-ci') as Ci;
  const keyDir = mkdtempSync(path.join(tmpdir(), 'civic-ci-key-'));
  try {
    const keyPath = path.join(keyDir, 'private.key');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    writeFileSync(keyPath, privateKey, { mode: 0o600 });
    const reports: Record<string, PackageReport> = {};
    for (const dir of dirs) reports[dir] = await checkPackage(ci, dir, keyPath);
    writeFileSync(out, JSON.stringify(reports));
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

/** Runs the checks in a child process and returns one report per package folder. */
export function checkPackages(dirs: string[]): Promise<Record<string, PackageReport>> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'civic-ci-report-'));
  const out = path.join(outDir, 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(rootDir, 'node_modules', '.bin', 'tsx'), [__filename, out, ...dirs], { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`package checks exited ${code}:\n${log}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as Record<string, PackageReport>);
      } catch (error) {
        reject(error as Error);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });
  });
}

if (require.main === module) {
  const [out, ...dirs] = process.argv.slice(2);
  if (!out || dirs.length === 0) {
    console.error('usage: tsx tests/weapp/harness/package-checks.ts <out.json> <package dir>...');
    process.exit(2);
  }
  main(out, dirs).then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
