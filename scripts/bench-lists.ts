/**
 * The staff lists and counts over a year of a district, without the race (`npm run bench:lists`).
 *
 * Loading the year takes minutes, so it is loaded once into a kept database (`bench_year_lists` in
 * the bench engine under .data/bench) and reused while a marker in it names the load's sample ids;
 * each run then only times every action of timeStaffActions (the median of 3 passes), writes `.bench/year.json`
 * (`{ label: ms }`) and prints the slowest. The replies are kept in `.bench/year-replies.json`; a run
 * compares its replies with the kept ones, so a query rewritten for speed shows whether it still
 * returns the same thing (`--save-replies` makes this run's replies the reference).
 *
 *   npm run bench:lists                       load once (or reuse), time, compare with the reference
 *   npm run bench:lists -- --reload           drop the kept database and load the year again
 *   npm run bench:lists -- --save-replies     keep this run's replies as the reference
 *   npm run bench:lists -- --year-bookings N  how many past bookings a fresh load writes (default 30000)
 *   npm run bench:lists -- --trace            also print each action's database commands over 20 ms
 *                                             (the driver's command monitoring: which query is slow)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type CommandFailedEvent, type CommandStartedEvent, type CommandSucceededEvent } from 'mongodb';
import { parseServerConfig } from '../config/server-config.schema';
import { connectDb } from '../cloudfunctions/core/db/mongo-connection';
import { manualClock } from '../cloudfunctions/core/ports/clock';
import type { IdGenerator } from '../cloudfunctions/core/ports/ids';
import { createApp } from '../cloudfunctions/core/runtime/app';
import { cloudFunctions } from '../cloudfunctions/registry';
import { startEngine } from '../host/engine/local-engine';
import { seedDemoDistrict } from '../host/seed/seed-demo-district';
import { loadYearOfData, reportStaffTimings, runYearTimers, timeStaffActions, YEAR_CLOCK_AT, type YearSample } from './bench-year-data';

const rootDir = path.resolve(__dirname, '..');
const dataDir = path.join(rootDir, '.data', 'bench');
const reportFile = path.join(rootDir, '.bench', 'year.json');
const repliesFile = path.join(rootDir, '.bench', 'year-replies.json');
const DB_NAME = 'bench_year_lists';
/** Not a repository's collection: only this script reads and writes it. */
const MARKER = 'bench_year_marker';

const log = (line: string) => console.log(`[bench:lists] ${line}`);

type Options = { reload: boolean; saveReplies: boolean; trace: boolean; bookings: number };

function parseArgs(argv: string[]): Options {
  const options: Options = { reload: false, saveReplies: false, trace: false, bookings: 30_000 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--reload') options.reload = true;
    else if (arg === '--save-replies') options.saveReplies = true;
    else if (arg === '--trace') options.trace = true;
    else if (arg === '--year-bookings') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1000 || value > 500_000) throw new Error('--year-bookings takes an integer from 1000 to 500000');
      options.bookings = value;
    } else throw new Error(`unknown argument ${arg} (use --reload, --save-replies, --trace, --year-bookings N)`);
  }
  return options;
}

/**
 * Ids that are the same on every run: the actions write a few records (an audit entry for each
 * look-up of a person) whose ids show in later replies (the audit log), and random ids would make
 * every run's replies differ.
 */
function countingIds(): IdGenerator {
  let n = 0;
  return { next: (prefix = '') => `${prefix}zzlists${String((n += 1)).padStart(6, '0')}` };
}

// --trace: every command's time at the engine, printed under the action that sent it.
let traced: { line: string; ms: number }[] = [];

async function tracedConnection(uri: string) {
  const client = new MongoClient(uri, { maxPoolSize: 50, monitorCommands: true });
  await client.connect();
  const started = new Map<number, string>();
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const { lsid: _lsid, $db: _db, $clusterTime: _time, ...command } = event.command as Record<string, unknown>;
    started.set(event.requestId, JSON.stringify(command).slice(0, 400));
  });
  const finished = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const line = started.get(event.requestId);
    started.delete(event.requestId);
    if (line) traced.push({ line, ms: event.duration });
  };
  client.on('commandSucceeded', finished);
  client.on('commandFailed', finished);
  return { client, db: client.db(DB_NAME), close: () => client.close() };
}

function printTrace(label: string): void {
  const slow = traced.filter((t) => t.ms >= 20);
  console.log(`  ${label}: ${traced.length} commands, ${Math.round(traced.reduce((sum, t) => sum + t.ms, 0))} ms at the engine`);
  for (const t of slow) console.log(`      ${String(Math.round(t.ms)).padStart(6)} ms  ${t.line}`);
  traced = [];
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const engine = await startEngine({ dataDir, log: (line) => log(line) });
  log(`engine: ${engine.kind}${engine.backend ? ` on ${engine.backend}` : ''}`);
  const handle = options.trace ? await tracedConnection(engine.uri) : await connectDb(engine.uri, DB_NAME);
  try {
    const config = parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: randomBytes(32).toString('base64url'), DB_NAME, MONGODB_URI: engine.uri });
    const marker = handle.db.collection<{ _id: string; sample: YearSample; bookings: number; documents: number; loadMs: number; loadedAt: string }>(MARKER);
    let loaded = options.reload ? null : await marker.findOne({ _id: 'year' });
    if (loaded && loaded.bookings !== options.bookings) {
      log(`the kept database holds ${loaded.bookings} bookings, not ${options.bookings}: loading again`);
      loaded = null;
    }
    if (!loaded) {
      await handle.db.dropDatabase();
      const app = await createApp({ config, db: handle.db, clock: manualClock(YEAR_CLOCK_AT) });
      await seedDemoDistrict(app);
      log(`loading ${options.bookings.toLocaleString('en')} past bookings and the volunteer year into ${DB_NAME} (kept for the next runs)`);
      const load = await loadYearOfData(handle.db, app, { bookings: options.bookings, log });
      const documents = Object.values(load.counts).reduce((sum, n) => sum + n, 0);
      log(`loaded ${documents.toLocaleString('en')} documents in ${(load.ms / 1000).toFixed(1)} s`);
      loaded = { _id: 'year', sample: load.sample, bookings: options.bookings, documents, loadMs: load.ms, loadedAt: new Date().toISOString() };
      await marker.insertOne(loaded);
    } else {
      log(`reusing ${DB_NAME}: ${loaded.documents.toLocaleString('en')} documents loaded ${loaded.loadedAt}`);
    }

    // What an earlier run's actions wrote (their audit entries, at the fixed clock) goes first, so
    // every run starts from the loaded year.
    await handle.db.collection('audit_log').deleteMany({ at: { $gte: new Date(YEAR_CLOCK_AT) } });
    // createApp adds any index a repository declares since the load (as a deploy would).
    const app = await createApp({ config, db: handle.db, clock: manualClock(YEAR_CLOCK_AT), ids: countingIds() });
    log('the timers over the year (once after a load; later runs only read what they recorded)');
    await runYearTimers(app, log);
    const year = Number(YEAR_CLOCK_AT.slice(0, 4));
    log('timing the staff lists and counts, 3 passes (each action its median)');
    const replies: Record<string, unknown> = {};
    const timed = await timeStaffActions(app, cloudFunctions, loaded.sample, year, (label, data) => {
      replies[label] = data;
      if (options.trace) printTrace(label);
    });
    const timings = reportStaffTimings(timed);
    log(`slowest: ${timings.slowest.action} at ${timings.slowest.ms} ms`);

    const report = { date: new Date().toISOString(), engine: `${engine.kind}${engine.backend ? ` on ${engine.backend}` : ''}`, documents: loaded.documents, ...timings };
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(rootDir, reportFile)}`);

    // The replies against the reference: the same loaded year must give the same answers.
    const current = JSON.parse(JSON.stringify(replies)) as Record<string, unknown>;
    if (options.saveReplies || !existsSync(repliesFile)) {
      writeFileSync(repliesFile, `${JSON.stringify(current, null, 2)}\n`);
      log(`kept this run's replies as the reference in ${path.relative(rootDir, repliesFile)}`);
      return 0;
    }
    const reference = JSON.parse(readFileSync(repliesFile, 'utf8')) as Record<string, unknown>;
    const differing = Object.keys({ ...reference, ...current }).filter((label) => JSON.stringify(reference[label]) !== JSON.stringify(current[label]));
    if (differing.length > 0) {
      writeFileSync(repliesFile.replace(/\.json$/, '.last.json'), `${JSON.stringify(current, null, 2)}\n`);
      log(`replies differ from the reference for: ${differing.join('; ')} (this run's in .bench/year-replies.last.json)`);
      return 1;
    }
    log('every reply is the same as the reference');
    return 0;
  } finally {
    await handle.close();
    await engine.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench:lists] failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
