/**
 * Package-size budget for the mini-program. Builds weapp, then sums what WeChat would download:
 * the main package (everything in build/weapp outside a subpackage root, vant's emitted files and
 * Taro's runtime included) and each subpackage. Prints them, writes .bench/size.json and exits 1
 * when the main package is over 1 MB or a subpackage over 2 MB (WeChat refuses anything over 2 MB).
 *
 *   npx tsx scripts/size.ts            build, then measure
 *   npx tsx scripts/size.ts --no-build measure the existing build/weapp
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const rootDir = path.resolve(__dirname, '..');
const outputDir = path.join(rootDir, 'build', 'weapp');
const reportFile = path.join(rootDir, '.bench', 'size.json');

const MB = 1024 * 1024;
const budget = { mainPackageBytes: 1 * MB, subpackageBytes: 2 * MB } as const;

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

function main(): void {
  const buildMs = process.argv.includes('--no-build') ? null : build();
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

  const report = {
    mainPackageBytes,
    subpackages: subpackageBytes,
    totalBytes: mainPackageBytes + Object.values(subpackageBytes).reduce((sum, bytes) => sum + bytes, 0),
    fileCount,
    buildMs,
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
  if (buildMs !== null) console.log(`build: ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`wrote ${path.relative(rootDir, reportFile)}`);
  if (overBudget.length > 0) {
    console.error(`over budget: ${overBudget.join('; ')}`);
    process.exitCode = 1;
  }
}

main();
