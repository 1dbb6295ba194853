/**
 * What each cloud function costs: its bundle's bytes and its cold start, measured as WeChat Cloud
 * starts an instance. It builds every function (scripts/build-functions.ts), starts the local engine
 * (host/engine, or MONGODB_URI) with the demo district on a database of its own, warms the engine
 * with each function's first call, and then, for each function, runs a fresh Node process that
 * requires the bundle and makes that first call through `main`, as a WeChat caller:
 * coldStartMs = require + first call (the median of RUNS processes; Node's own start is not counted).
 * The MongoDB driver is not in the bundles: the platform installs it beside each one at deploy, so the
 * bundle requires the real installed driver, resolved from its folder up to the repository's
 * node_modules as a deployed function resolves it from its own, and that require is part of the cold
 * start. installedBytes is what that install puts on disk (the driver and its dependencies).
 * Prints the numbers, writes .bench/functions.json `{ name: { bytes, coldStartMs, renders, installedBytes } }` and
 * exits 1 when a bundle or a cold start is over its budget. Not part of `npm test`: a wall-clock
 * figure on a shared machine is a measurement, not a test (the bundle bytes are asserted in
 * tests/integration/function-bundles.integration.test.ts).
 *
 *   npm run functions:measure                 build, measure, write .bench/functions.json
 *   npm run functions:measure -- --analyze    also print what each bundle holds, by package
 *   npm run functions:measure -- --runs=5     cold starts per function (default 3)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDedicatedClient } from '../cloudfunctions/core/db/mongo-connection';
import { createApp } from '../cloudfunctions/core/runtime/app';
import { cloudFunctions } from '../cloudfunctions/registry';
import { parseServerConfig } from '../config/server-config.schema';
import { startEngine } from '../host/engine/local-engine';
import { seedDemoDistrict } from '../host/seed/seed-demo-district';
import { buildFunctions, lockedVersion, type BuiltFunction } from './build-functions';
import { installedSize, resolvedFrom } from './installed-package-size';

const rootDir = path.resolve(__dirname, '..');
const reportFile = path.join(rootDir, '.bench', 'functions.json');
const KB = 1024;
export const FUNCTION_BUDGET = { everydayBytes: 600 * KB, rendersBytes: 1536 * KB, coldStartMs: 300 } as const;

/**
 * Each function's first call: a read its everyday callers make, by a demo account that may make it.
 * A new function adds its line here (the script refuses to measure a function without one).
 */
export const FIRST_CALLS: Record<string, { openid: string; event: Record<string, unknown> }> = {
  user: { openid: 'demo-resident-1', event: { action: 'me' } },
  admin: { openid: 'demo-admin', event: { action: 'stats', from: '2026-01-01', to: '2026-01-31' } },
  catalog: { openid: 'demo-resident-1', event: { action: 'services' } },
  booking: { openid: 'demo-resident-1', event: { action: 'mine' } },
  provider: { openid: 'demo-advisor-1', event: { action: 'inbox' } },
  notify: { openid: 'demo-resident-1', event: { action: 'unreadCount' } },
  volunteer: { openid: 'demo-escort-3', event: { action: 'activities' } },
  staff: { openid: 'demo-staff-1', event: { action: 'streetBookings' } },
  documents: { openid: 'demo-escort-3', event: { action: 'myCertificates' } },
  // the staff's workbooks: a light first call of the function's own (the hours table of one day)
  exports: { openid: 'demo-staff-1', event: { action: 'volunteerHoursXlsx', from: '2026-01-01', to: '2026-01-01' } },
};

const runner = `
const { performance } = require('node:perf_hooks');
const [file, event, context] = process.argv.slice(1);
const started = performance.now();
const fn = require(file);
const required = performance.now();
fn.main(JSON.parse(event), JSON.parse(context)).then((reply) => {
  const done = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: required - started, callMs: done - required, ok: reply.ok, error: reply.ok ? null : reply.error }));
  process.exit(0);
}, (error) => { console.error(error); process.exit(1); });
`;

type Run = { requireMs: number; callMs: number; ok: boolean; error: { code: string } | null };

/** How long requiring the installed driver alone takes in a fresh process, from a bundle's folder. */
async function driverRequireMs(fn: BuiltFunction): Promise<number> {
  const script = `const { performance } = require('node:perf_hooks'); const t = performance.now(); require(require.resolve('mongodb', { paths: [${JSON.stringify(fn.dir)}] })); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: rootDir });
  return Number(stdout);
}

async function coldStart(fn: BuiltFunction, env: Record<string, string>): Promise<Run> {
  const call = FIRST_CALLS[fn.name]!;
  const context = { memory_limit_in_mb: 256, time_limit_in_ms: 3000, request_id: 'measure', function_name: fn.name, namespace: 'measure' };
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', runner, path.join(fn.dir, 'index.js'), JSON.stringify(call.event), JSON.stringify(context)], {
    env: { PATH: process.env.PATH ?? '', ...env, WX_OPENID: call.openid },
    cwd: rootDir,
  });
  return JSON.parse(stdout) as Run;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(0)} KB`;

/** A bundle's inputs grouped by npm package (or by our top-level folder), biggest first. */
export function holdings(fn: BuiltFunction): [string, number][] {
  const byOwner = new Map<string, number>();
  for (const [file, bytes] of Object.entries(fn.inputBytes)) {
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    const owner = pkg ? pkg[1]! : file.includes(':') ? `(replaced) ${file}` : file.split('/').slice(0, file.startsWith('cloudfunctions/core/') ? 3 : 2).join('/');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytes);
  }
  return [...byOwner].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  const missing = Object.keys(cloudFunctions).filter((name) => !FIRST_CALLS[name]);
  if (missing.length > 0) throw new Error(`no first call for ${missing.join(', ')}: add one to FIRST_CALLS in scripts/measure-functions.ts`);

  console.log('building the functions…');
  const built = await buildFunctions();
  // Each bundle must load the driver a deploy installs: the copy in the repository's node_modules, at the pinned version.
  const driverDir = path.join(rootDir, 'node_modules', 'mongodb');
  for (const fn of built) {
    const resolved = resolvedFrom(path.join(fn.dir, 'index.js'), 'mongodb');
    if (resolved !== driverDir) throw new Error(`${fn.name} would load the driver from ${resolved}, not the installed ${driverDir}`);
  }
  const driver = installedSize(rootDir, 'mongodb');
  console.log(`installed beside each bundle at deploy: mongodb ${lockedVersion('mongodb')} with ${driver.packages.filter((p) => p !== 'mongodb').join(', ')}: ${kb(driver.bytes)} on disk`);
  if (args.includes('--analyze')) {
    for (const fn of built) {
      console.log(`\n${fn.name} (${kb(fn.bytes)}) holds:`);
      for (const [owner, bytes] of holdings(fn).slice(0, 12)) console.log(`  ${kb(bytes).padStart(7)}  ${owner}`);
    }
    console.log('');
  }

  console.log('starting the engine…');
  const engine = await startEngine({ dataDir: path.join(rootDir, '.data', 'functions'), log: (line) => console.log(`  ${line}`) });
  const dbName = `functions_measure_${Date.now().toString(36)}`;
  const client = await openDedicatedClient(engine.uri);
  const report: Record<string, { bytes: number; coldStartMs: number; renders: boolean; installedBytes: number }> = {};
  const over: string[] = [];
  try {
    // The demo district, with every index ensured (as the host does before any function starts).
    const app = await createApp({ config: parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: randomBytes(32).toString('hex'), MONGODB_URI: engine.uri, DB_NAME: dbName }), db: client.db(dbName) });
    console.log('seeding the demo district…');
    await seedDemoDistrict(app);
    console.log('warming the engine with each first call…');
    for (const [name, call] of Object.entries(FIRST_CALLS)) {
      const reply = await cloudFunctions[name]!.invoke(app, call.event, { kind: 'wechat', openid: call.openid });
      if (!reply.ok) throw new Error(`${name}.${String(call.event.action)} as ${call.openid} failed: ${JSON.stringify(reply.error)}`);
    }
    const env = { MONGODB_URI: engine.uri, DB_NAME: dbName, WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_APPID: 'wx-measure', WX_UNIONID: '', TCB_ENV: 'measure' };
    // Cold starts are CPU-bound (parsing the bundle): the machine's load is part of the figure.
    console.log(`cold starts (${runs} fresh processes each; require + first call; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`);
    for (const fn of built) {
      const samples: Run[] = [];
      for (let i = 0; i < runs; i += 1) {
        const run = await coldStart(fn, env);
        if (!run.ok) throw new Error(`${fn.name}: the first call failed in the bundle: ${JSON.stringify(run.error)}`);
        samples.push(run);
      }
      const coldStartMs = Math.round(median(samples.map((s) => s.requireMs + s.callMs)));
      report[fn.name] = { bytes: fn.bytes, coldStartMs, renders: fn.renders, installedBytes: driver.bytes };
      const bytesBudget = fn.renders ? FUNCTION_BUDGET.rendersBytes : FUNCTION_BUDGET.everydayBytes;
      const flags = [fn.bytes > bytesBudget ? `bytes over ${kb(bytesBudget)}` : '', coldStartMs > FUNCTION_BUDGET.coldStartMs ? `cold start over ${FUNCTION_BUDGET.coldStartMs} ms` : ''].filter(Boolean);
      if (flags.length > 0) over.push(`${fn.name}: ${flags.join(', ')}`);
      console.log(
        `  ${fn.name.padEnd(10)} ${kb(fn.bytes).padStart(8)}${fn.renders ? ' renders' : '        '}  cold start ${String(coldStartMs).padStart(4)} ms` +
          `  (require ${Math.round(median(samples.map((s) => s.requireMs)))} ms, first call ${Math.round(median(samples.map((s) => s.callMs)))} ms)` +
          (flags.length > 0 ? `  ← ${flags.join(', ')}` : ''),
      );
    }
    const driverSamples: number[] = [];
    for (let i = 0; i < runs; i += 1) driverSamples.push(await driverRequireMs(built[0]!));
    console.log(`  (of each require, the installed driver's own: ${Math.round(median(driverSamples))} ms)`);
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(rootDir, reportFile)}`);
  } finally {
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
    await engine.stop();
  }
  if (over.length > 0) {
    console.error(`over budget (bundles ≤ ${kb(FUNCTION_BUDGET.everydayBytes)}, renders ≤ ${kb(FUNCTION_BUDGET.rendersBytes)} plus the font, cold start ≤ ${FUNCTION_BUDGET.coldStartMs} ms):\n  ${over.join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
