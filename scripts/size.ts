/**
 * Size budgets of both builds. For the mini-program it builds weapp, then sums what WeChat would
 * download: the main package (everything in build/weapp outside a subpackage root, vant's emitted
 * files and Taro's runtime included) and each subpackage. For the browser app it opens the home
 * page of build/h5 in headless Chromium, served as the host serves it, and counts the script bytes
 * on the wire. Prints them, writes .bench/size.json and exits 1 when the main package is over
 * 700 KB, a subpackage over 2 MB (WeChat refuses anything over 2 MB), or the H5 first load's
 * scripts over 150 KB transferred.
 *
 *   npx tsx scripts/size.ts            build both, then measure
 *   npx tsx scripts/size.ts --no-build measure the existing build/weapp and build/h5
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureH5Build } from '../host/h5-build';
import { measureH5FirstLoad } from './h5-first-load';

const rootDir = path.resolve(__dirname, '..');
const outputDir = path.join(rootDir, 'build', 'weapp');
const reportFile = path.join(rootDir, '.bench', 'size.json');

const MB = 1024 * 1024;
const KB = 1024;
// The main package is what every resident downloads before the first screen; the volunteer and
// staff subpackages must not push it up.
const budget = { mainPackageBytes: 700 * KB, subpackageBytes: 2 * MB, h5FirstLoadBytes: 150 * KB } as const;

type Subpackage = { name: string; root: string };

function build(): number {
  const started = Date.now();
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp', '--no-check'], {
    cwd: rootDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * MB,
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}\n${result.stderr ?? ''}`.slice(-8000));
    throw new Error(`taro build --type weapp failed (exit ${String(result.status)})`);
  }
  return Date.now() - started;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function readSubpackages(): Subpackage[] {
  const appJson = JSON.parse(readFileSync(path.join(outputDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string; name?: string }[];
    subpackages?: { root: string; name?: string }[];
  };
  const list = appJson.subPackages ?? appJson.subpackages ?? [];
  return list.map((sub) => {
    const root = sub.root.replace(/^\/+|\/+$/g, '');
    return { name: sub.name ?? root, root };
  });
}

/** Which package a file (relative to build/weapp, '/'-separated) belongs to: a subpackage name or null. */
function packageOf(relativePath: string, subpackages: Subpackage[]): string | null {
  const match = subpackages.find((sub) => relativePath === sub.root || relativePath.startsWith(`${sub.root}/`));
  return match ? match.name : null;
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const noBuild = process.argv.includes('--no-build');
  const buildMs = noBuild ? null : build();
  if (!existsSync(path.join(outputDir, 'app.json'))) throw new Error(`no weapp build in ${outputDir}`);

  const subpackages = readSubpackages();
  const subpackageBytes: Record<string, number> = Object.fromEntries(subpackages.map((sub) => [sub.name, 0]));
  let mainPackageBytes = 0;
  let fileCount = 0;
  for (const file of filesUnder(outputDir)) {
    const relative = path.relative(outputDir, file).split(path.sep).join('/');
    const size = statSync(file).size;
    fileCount++;
    const owner = packageOf(relative, subpackages);
    if (owner === null) mainPackageBytes += size;
    else subpackageBytes[owner] = (subpackageBytes[owner] ?? 0) + size;
  }

  const overBudget: string[] = [];
  if (mainPackageBytes > budget.mainPackageBytes) {
    overBudget.push(`main package ${formatBytes(mainPackageBytes)} > ${formatBytes(budget.mainPackageBytes)}`);
  }
  for (const [name, bytes] of Object.entries(subpackageBytes)) {
    if (bytes > budget.subpackageBytes) overBudget.push(`subpackage ${name} ${formatBytes(bytes)} > ${formatBytes(budget.subpackageBytes)}`);
  }

  if (!noBuild) await ensureH5Build({ log: console.log });
  const h5 = await measureH5FirstLoad(path.join(rootDir, 'build', 'h5'));
  if (h5.jsTransferredBytes > budget.h5FirstLoadBytes) {
    overBudget.push(`H5 first-load scripts ${formatBytes(h5.jsTransferredBytes)} > ${formatBytes(budget.h5FirstLoadBytes)}`);
  }

  const report = {
    mainPackageBytes,
    subpackages: subpackageBytes,
    totalBytes: mainPackageBytes + Object.values(subpackageBytes).reduce((sum, bytes) => sum + bytes, 0),
    fileCount,
    buildMs,
    h5FirstLoadBytes: h5.jsTransferredBytes,
    h5FirstLoad: h5,
    budget,
    withinBudget: overBudget.length === 0,
    measuredAt: new Date().toISOString(),
  };
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`main package: ${formatBytes(mainPackageBytes)} (budget ${formatBytes(budget.mainPackageBytes)})`);
  for (const [name, bytes] of Object.entries(subpackageBytes)) {
    console.log(`subpackage ${name}: ${formatBytes(bytes)} (budget ${formatBytes(budget.subpackageBytes)})`);
  }
  console.log(
    `H5 first load: scripts ${formatBytes(h5.jsTransferredBytes)} on the wire (${formatBytes(h5.jsRawBytes)} uncompressed, ${h5.scripts.length} files; budget ${formatBytes(budget.h5FirstLoadBytes)}), everything ${formatBytes(h5.allTransferredBytes)}`,
  );
  if (buildMs !== null) console.log(`weapp build: ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`wrote ${path.relative(rootDir, reportFile)}`);
  if (overBudget.length > 0) {
    console.error(`over budget: ${overBudget.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
