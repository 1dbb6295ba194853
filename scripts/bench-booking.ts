/**
 * Booking race benchmark (a benchmark, not a test: it prints numbers and writes JSON).
 *
 * N residents race to book one advisor's release of slots through the real HTTP host, in-process,
 * on the local engine, each on its own keep-alive connection. Afterwards the database is checked for
 * overbooking, and the same number of clients, each on its own MongoClient connection, time one
 * plain insertOne at once: the raw baseline the booking latency is compared with. Last, the database
 * commands one booking.create sends are counted, five residents for each outcome (booked, refused
 * full, a retry of each); `commandsPerCreate` holds the medians.
 *
 *   npm run bench                         200 clients, 4 slots × 5 seats
 *   npm run bench -- --clients 500 --slots 6 --capacity 10 --keep
 *   npm run bench -- --trace              also time every database command of the race by kind
 *   npm run bench -- --pool 4             an experiment: the host's driver pool at 4 connections instead
 *                                         of connectDb's default (the race is then not the host's exact setup)
 *   npm run bench -- --year               then the same race again in a second database holding a year of
 *                                         the district (--year-bookings N, default 30000); writes `yearOfData`
 *                                         and times the staff lists and counts over it (.bench/year.json)
 *   npm run bench -- --year --year-no-lists  the year's race only (booking.json's `yearOfData`): what the
 *                                         SQLite comparison runs, where the timers' first pass over
 *                                         the year's days takes far longer than the race
 *
 * Writes .bench/booking.json; exits 1 when any slot ended up with more active bookings than seats.
 * The clock is a manual one fixed on a Monday morning, so the release (an extra range on the
 * following Tuesday) is always inside the booking window and every run books the same slots.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type CommandFailedEvent, type CommandStartedEvent, type CommandSucceededEvent, type Db } from 'mongodb';
import { parseServerConfig } from '../config/server-config.schema';
import { connectDb, openDedicatedClient } from '../cloudfunctions/core/db/mongo-connection';
import { manualClock } from '../cloudfunctions/core/ports/clock';
import { createApp, type App } from '../cloudfunctions/core/runtime/app';
import { cloudFunctions } from '../cloudfunctions/registry';
import { startEngine } from '../host/engine/local-engine';
import { readEngineState } from '../host/engine/engine-state';
import { buildHttpApp } from '../host/http-app';
import { seedDemoDistrict } from '../host/seed/seed-demo-district';
import { loadYearOfData, reportStaffTimings, runYearTimers, timeStaffActions, YEAR_CLOCK_AT, type YearLoad } from './bench-year-data';

const rootDir = path.resolve(__dirname, '..');
const reportFile = path.join(rootDir, '.bench', 'booking.json');
const dataDir = path.join(rootDir, '.data', 'bench');

/** Monday 2026-12-07 08:00 in Shanghai; the release is on Tuesday 2026-12-08 from 14:00. */
const CLOCK_AT = YEAR_CLOCK_AT;
const RELEASE_DATE = '2026-12-08';
const RELEASE_START_MINUTE = 14 * 60;
const SLOT_MINUTES = 30;
const RACE_PROVIDER = 'pv-advisor-1';
const RACE_PROVIDER_OPENID = 'demo-advisor-1';
const PROFILE_PROVIDER = 'pv-advisor-2';
const PROFILE_PROVIDER_OPENID = 'demo-advisor-2';

type Options = { clients: number; slots: number; capacity: number; keep: boolean; trace: boolean; pool: number | null; year: boolean; yearBookings: number; yearLists: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { clients: 200, slots: 4, capacity: 5, keep: false, trace: false, pool: null, year: false, yearBookings: 30_000, yearLists: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = (name: string, min: number, max: number) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} takes an integer from ${min} to ${max}`);
      return value;
    };
    if (arg === '--clients') options.clients = number('--clients', 1, 5000);
    else if (arg === '--slots') options.slots = number('--slots', 1, 16);
    else if (arg === '--capacity') options.capacity = number('--capacity', 1, 50);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--trace') options.trace = true;
    else if (arg === '--pool') options.pool = number('--pool', 1, 500);
    // a year of data (scripts/bench-year-data.ts)
    else if (arg === '--year') options.year = true;
    else if (arg === '--year-bookings') options.yearBookings = number('--year-bookings', 1000, 500_000);
    else if (arg === '--year-no-lists') options.yearLists = false;
    else throw new Error(`unknown argument ${arg} (use --clients N, --slots N, --capacity N, --pool N, --keep, --trace, --year, --year-bookings N, --year-no-lists)`);
  }
  return options;
}

const log = (line: string) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------------------------------------
// Numbers

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

function wallTime(date: string, minute: number): string {
  // Asia/Shanghai is UTC+8 without DST.
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, minute) - 8 * 3_600_000).toISOString();
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------
// HTTP clients: one keep-alive agent with a single socket each, so every resident is a connection.

type Reply = { status: number; body: { ok: boolean; data?: unknown; error?: { code: string } }; ms: number };

class HttpClient {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  token = '';

  constructor(private readonly port: number) {}

  post(fn: string, event: unknown, token = this.token): Promise<Reply> {
    const payload = Buffer.from(JSON.stringify(event));
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': payload.length };
    if (token) headers.authorization = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const request = http.request({ host: '127.0.0.1', port: this.port, method: 'POST', path: `/api/${fn}`, agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ms = performance.now() - started;
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), ms });
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }

  async call<T>(fn: string, event: unknown, token?: string): Promise<T> {
    const reply = await this.post(fn, event, token);
    if (!reply.body.ok) throw new Error(`${fn}.${(event as { action: string }).action} failed: ${JSON.stringify(reply.body.error)}`);
    return reply.body.data as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

async function inBatches<T>(items: T[], size: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, offset) => run(item, start + offset)));
  }
}

type FreeSlot = { startsAt: string; capacity: number; remaining: number };

/** Replaces a provider's hours with one extra range on the release date, through the provider API. */
async function releaseSlots(client: HttpClient, openid: string, providerId: string, slots: number, capacity: number): Promise<FreeSlot[]> {
  const { token } = await client.call<{ token: string }>('user', { action: 'devLogin', openid });
  await client.call('provider', { action: 'setWeeklyRules', rules: [] }, token);
  await client.call(
    'provider',
    {
      action: 'addException',
      exception: {
        date: RELEASE_DATE,
        kind: 'extra',
        start: hhmm(RELEASE_START_MINUTE),
        end: hhmm(RELEASE_START_MINUTE + slots * SLOT_MINUTES),
        slotMinutes: SLOT_MINUTES,
        capacity,
        bufferMinutes: 0,
      },
    },
    token,
  );
  const { slots: free } = await client.call<{ slots: FreeSlot[] }>('catalog', { action: 'slots', providerId, from: RELEASE_DATE, days: 1 }, token);
  const expected = Array.from({ length: slots }, (_, i) => wallTime(RELEASE_DATE, RELEASE_START_MINUTE + i * SLOT_MINUTES));
  if (free.length !== slots || free.some((slot, i) => slot.startsAt !== expected[i] || slot.remaining !== capacity)) {
    throw new Error(`catalog.slots did not return the release: ${JSON.stringify(free)}`);
  }
  return free;
}

const createEvent = (requestId: string, providerId: string, startsAt: string, index: number) => ({
  action: 'create',
  requestId,
  providerId,
  startsAt,
  details: { kind: 'advisor', topic: 'policy', mode: 'station' },
  contactPhone: `139${String(index).padStart(8, '0')}`,
});

// ---------------------------------------------------------------------------------------------
// Where the time goes: connection-pool waits (CMAP events, always emitted) and, with --trace, each
// database command's time at the engine (command monitoring on the race client).

type Tracer = { active: boolean; poolWaits: number[]; commands: Map<string, number[]> };

function attachTracer(client: MongoClient): Tracer {
  const tracer: Tracer = { active: false, poolWaits: [], commands: new Map() };
  client.on('connectionCheckedOut', (event: { durationMS?: number }) => {
    if (tracer.active && typeof event.durationMS === 'number') tracer.poolWaits.push(event.durationMS);
  });
  client.on('commandSucceeded', (event: CommandSucceededEvent) => record(event));
  client.on('commandFailed', (event: CommandFailedEvent) => record(event));
  function record(event: CommandSucceededEvent | CommandFailedEvent) {
    if (!tracer.active) return;
    const key = `${event.commandName}`;
    const list = tracer.commands.get(key) ?? [];
    list.push(event.duration);
    tracer.commands.set(key, list);
  }
  return tracer;
}

function traceSummary(tracer: Tracer) {
  const commands = Object.fromEntries(
    [...tracer.commands.entries()]
      .map(([name, durations]) => [name, { ...summarize(durations), totalMs: Math.round(durations.reduce((a, b) => a + b, 0)) }] as const)
      .sort((a, b) => b[1].totalMs - a[1].totalMs),
  );
  return { poolWaitMs: summarize(tracer.poolWaits), commands };
}

// ---------------------------------------------------------------------------------------------
// The race

type RaceResult = {
  attempts: number;
  succeeded: number;
  outcomes: Record<string, number>;
  latencies: number[];
  raceMs: number;
  bookedIds: string[];
};

async function race(clients: HttpClient[], slots: FreeSlot[], runId: string): Promise<RaceResult> {
  const outcomes: Record<string, number> = {};
  const latencies: number[] = [];
  const bookedIds: string[] = [];
  let attempts = 0;
  let succeeded = 0;
  let finished = 0;
  let release!: () => void;
  const go = new Promise<void>((resolve) => (release = resolve));

  const runs = clients.map(async (client, i) => {
    await go;
    // Each resident starts at a different slot so the contention spreads, then walks the rest.
    for (let k = 0; k < slots.length; k += 1) {
      const slot = slots[(i + k) % slots.length]!;
      const reply = await client.post('booking', createEvent(`${runId}-${i}-${k}`, RACE_PROVIDER, slot.startsAt, i));
      attempts += 1;
      latencies.push(reply.ms);
      const outcome = reply.body.ok ? 'booked' : reply.body.error?.code ?? `HTTP_${reply.status}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (reply.body.ok) {
        succeeded += 1;
        bookedIds.push((reply.body.data as { id: string }).id);
        break;
      }
      if (outcome !== 'SLOT_FULL') break;
    }
    finished += 1;
  });

  const started = performance.now();
  const progress = setInterval(() => {
    log(`  … ${((performance.now() - started) / 1000).toFixed(1)} s: ${attempts} attempts, ${succeeded} booked, ${finished}/${clients.length} clients done`);
  }, 1000);
  release();
  await Promise.all(runs);
  const raceMs = performance.now() - started;
  clearInterval(progress);
  return { attempts, succeeded, outcomes, latencies, raceMs, bookedIds };
}

type SlotCheck = { startsAt: string; capacity: number; active: number; seats: number };

async function checkSlots(db: Db, slots: FreeSlot[]): Promise<{ perSlot: SlotCheck[]; overbooked: number; holding: number; activeIds: string[] }> {
  const bookings = await db
    .collection<{ _id: string; startsAt: Date; status: string }>('bookings')
    .find({ providerId: RACE_PROVIDER }, { projection: { startsAt: 1, status: 1 } })
    .toArray();
  const seats = await db.collection<{ pool: string }>('seats').find({ pool: { $regex: `^slot:${RACE_PROVIDER}:` } }, { projection: { pool: 1 } }).toArray();
  const active = bookings.filter((b) => b.status === 'requested' || b.status === 'confirmed');
  const perSlot = slots.map((slot) => ({
    startsAt: slot.startsAt,
    capacity: slot.capacity,
    active: active.filter((b) => b.startsAt.toISOString() === slot.startsAt).length,
    seats: seats.filter((s) => s.pool === `slot:${RACE_PROVIDER}:${slot.startsAt}`).length,
  }));
  return {
    perSlot,
    overbooked: perSlot.reduce((sum, slot) => sum + Math.max(0, slot.active - slot.capacity), 0),
    holding: bookings.filter((b) => b.status === 'holding').length,
    activeIds: active.map((b) => b._id),
  };
}

// ---------------------------------------------------------------------------------------------
// Raw baseline: one plain insertOne per client, all at once, each on its own connection.

async function rawInserts(uri: string, dbName: string, count: number): Promise<{ latencies: number[]; sequential: number[] }> {
  const clients: MongoClient[] = [];
  try {
    await inBatches(Array.from({ length: count }), 20, async () => {
      const client = await openDedicatedClient(uri);
      // connect() opens the monitoring socket; a ping makes the pool open its one connection too.
      await client.db(dbName).command({ ping: 1 });
      clients.push(client);
    });
    const scratch = (client: MongoClient) => client.db(dbName).collection<{ _id: string; at: Date; n: number }>('bench_raw');
    let release!: () => void;
    const go = new Promise<void>((resolve) => (release = resolve));
    const runs = clients.map(async (client, i) => {
      await go;
      const started = performance.now();
      await scratch(client).insertOne({ _id: `race-${i}`, at: new Date(), n: i });
      return performance.now() - started;
    });
    release();
    const latencies = await Promise.all(runs);
    // The same insert with nobody else around, for the uncontended cost of one round trip.
    const sequential: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const started = performance.now();
      await scratch(clients[0]!).insertOne({ _id: `seq-${i}`, at: new Date(), n: i });
      sequential.push(performance.now() - started);
    }
    return { latencies, sequential };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

// ---------------------------------------------------------------------------------------------
// Round trips: the database commands one booking.create sends, counted by command monitoring on a
// second client (the host's own client is left exactly as the host builds it).

/** `total` is what a create sends before its reply; `afterReply` what it sends after (its notices). */
type CommandCount = { total: number; afterReply: number; byCommand: Record<string, number>; engineMs: number; steps: string[] };

type Measured = { count: CommandCount; ok: boolean; code?: string };
/** How many residents each create outcome is measured with. */
const PROFILE_REPEATS = 5;

const medianCommands = (runs: Measured[]) => percentile(runs.map((r) => r.count.total).sort((a, b) => a - b), 50);

async function profileRoundTrips(uri: string, dbName: string, app: App, tokens: string[], fullSlot: string, freeSlots: FreeSlot[], runId: string) {
  const client = new MongoClient(uri, { maxPoolSize: 10, monitorCommands: true });
  await client.connect();
  try {
    const profiled = await createApp({ config: app.config, db: client.db(dbName), clock: app.clock, ids: app.ids });
    let seen: string[] = [];
    let steps: string[] = [];
    let engineMs = 0;
    const targets = new Map<number, string>();
    const ignored = new Set(['hello', 'isMaster', 'ping', 'endSessions', 'listIndexes', 'listCollections', 'createIndexes']);
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (ignored.has(event.commandName)) return;
      seen.push(event.commandName);
      targets.set(event.requestId, `${event.commandName} ${String(event.command[event.commandName])}`);
    });
    const finished = (event: CommandSucceededEvent | CommandFailedEvent) => {
      const target = targets.get(event.requestId);
      if (!target) return;
      targets.delete(event.requestId);
      engineMs += event.duration;
      steps.push(`${target} ${event.duration}ms${'failure' in event ? ' (failed)' : ''}`);
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
    const booking = cloudFunctions.booking!;
    const measure = async (event: unknown, token: string): Promise<{ count: CommandCount; ok: boolean; code?: string }> => {
      seen = [];
      steps = [];
      engineMs = 0;
      // Counted up to the reply, as a resident waits; what follows it (the notices) is counted apart.
      const { envelope, afterReply } = await booking.respond(profiled, event, { kind: 'bearer', token });
      const replied = seen.length;
      await afterReply;
      const byCommand: Record<string, number> = {};
      for (const name of seen.slice(0, replied)) byCommand[name] = (byCommand[name] ?? 0) + 1;
      return {
        count: { total: replied, afterReply: seen.length - replied, byCommand, engineMs: Math.round(engineMs), steps },
        ok: envelope.ok,
        code: envelope.ok ? undefined : envelope.error.code,
      };
    };
    // Warm the instance's cache (reference-cache.ts: the stamps, then what a create reads) the way a running host has it.
    await booking.invoke(profiled, { action: 'mine' }, { kind: 'bearer', token: tokens[0]! });

    // Each outcome several times, by different residents: the report gives the median count.
    const success: Measured[] = [];
    const retry: Measured[] = [];
    const full: Measured[] = [];
    const retryFull: Measured[] = [];
    for (let i = 0; i < PROFILE_REPEATS; i += 1) {
      const token = tokens[i]!;
      const booked = createEvent(`${runId}-prof-ok-${i}`, PROFILE_PROVIDER, freeSlots[i % freeSlots.length]!.startsAt, 1);
      success.push(await measure(booked, token));
      retry.push(await measure(booked, token));
      const refused = createEvent(`${runId}-prof-full-${i}`, RACE_PROVIDER, fullSlot, 2);
      full.push(await measure(refused, token));
      retryFull.push(await measure(refused, token));
    }
    // The counts mean something only if each outcome is the one meant.
    const wrong = [...success, ...retry].find((r) => !r.ok) ?? [...full, ...retryFull].find((r) => r.ok);
    if (wrong) throw new Error(`a profiled create did not end as meant: ${wrong.ok ? 'booked a full slot' : wrong.code}`);
    return { success, retry, full, retryFull };
  } finally {
    await client.close();
  }
}

async function tracedConnection(uri: string, dbName: string, maxPoolSize: number) {
  const client = new MongoClient(uri, { maxPoolSize, serverSelectionTimeoutMS: 10_000, monitorCommands: true });
  await client.connect();
  return { client, db: client.db(dbName), close: () => client.close() };
}

/** Uncontended booking.create over HTTP: one resident after another on one connection. */
async function sequentialCreates(port: number, tokens: string[], slots: FreeSlot[], runId: string): Promise<number[]> {
  const client = new HttpClient(port);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < tokens.length; i += 1) {
      const reply = await client.post('booking', createEvent(`${runId}-seq-${i}`, PROFILE_PROVIDER, slots[i % slots.length]!.startsAt, i), tokens[i]);
      if (!reply.body.ok) throw new Error(`sequential create failed: ${JSON.stringify(reply.body.error)}`);
      latencies.push(reply.ms);
    }
  } finally {
    client.close();
  }
  return latencies;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const runId = `b${Date.now().toString(36)}`;
  const dbName = `bench_${runId}_${randomBytes(3).toString('hex')}`;
  const capacity = options.slots * options.capacity;
  log(`${options.clients} clients, release of ${options.slots} slots × ${options.capacity} seats = ${capacity} seats, database ${dbName}`);

  const engine = await startEngine({ dataDir, log: (line) => log(line) });
  const engineKind = engine.kind === 'reused' ? `${readEngineState(path.join(dataDir, 'engine.json'))?.kind ?? 'unknown'} (reused)` : engine.kind;
  const closers: (() => Promise<unknown>)[] = [() => engine.stop()];
  const httpClients: HttpClient[] = [];
  try {
    // The app exactly as the local host builds it: the pooled client from connectDb, createApp.
    // --trace swaps in an identical client (pool of 50) with command monitoring on.
    const config = parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: randomBytes(32).toString('base64url'), DB_NAME: dbName, MONGODB_URI: engine.uri });
    const pool = options.pool ?? undefined;
    const handle = options.trace ? await tracedConnection(engine.uri, dbName, pool ?? 50) : await connectDb(engine.uri, dbName, { maxPoolSize: pool });
    const tracer = attachTracer(handle.client);
    closers.push(async () => {
      if (!options.keep) await handle.db.dropDatabase().catch(() => undefined);
      await handle.close();
    });
    const clock = manualClock(CLOCK_AT);
    const app = await createApp({ config, db: handle.db, clock });
    await seedDemoDistrict(app);
    log(`seeded the demo district; clock fixed at ${CLOCK_AT} (district ${RELEASE_DATE} is the release date)`);

    const server = buildHttpApp({ app, functions: cloudFunctions });
    await server.listen({ host: '127.0.0.1', port: 0 });
    closers.push(() => server.close());
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    log(`HTTP host listening on 127.0.0.1:${port}`);

    const setup = new HttpClient(port);
    httpClients.push(setup);
    const slots = await releaseSlots(setup, RACE_PROVIDER_OPENID, RACE_PROVIDER, options.slots, options.capacity);
    log(`released ${slots.length} slots of ${RACE_PROVIDER} on ${RELEASE_DATE}: ${slots.map((s) => s.startsAt.slice(11, 16)).join(', ')} UTC`);

    const clients = Array.from({ length: options.clients }, () => new HttpClient(port));
    httpClients.push(...clients);
    const loginStarted = performance.now();
    await inBatches(clients, 25, async (client, i) => {
      client.token = (await client.call<{ token: string }>('user', { action: 'devLogin', openid: `bench-${runId}-${i}` })).token;
    });
    log(`${clients.length} residents logged in via user.devLogin, each on its own keep-alive connection (${((performance.now() - loginStarted) / 1000).toFixed(1)} s)`);

    log('race: every client fires booking.create at once');
    tracer.active = true;
    const result = await race(clients, slots, runId);
    tracer.active = false;
    const trace = traceSummary(tracer);
    const check = await checkSlots(handle.db, slots);
    const unmatched = result.bookedIds.filter((id) => !check.activeIds.includes(id)).length;
    log(`race done in ${(result.raceMs / 1000).toFixed(2)} s: ${result.succeeded} booked, overbooked ${check.overbooked}`);

    for (const client of clients) client.close();

    log(`raw baseline: ${options.clients} MongoClients (maxPoolSize 1, connected first) each insertOne at once`);
    const raw = await rawInserts(engine.uri, dbName, options.clients);

    log('uncontended booking.create over HTTP (one after another) and round trips per create');
    const profileRelease = await releaseSlots(setup, PROFILE_PROVIDER_OPENID, PROFILE_PROVIDER, options.slots, 50);
    const seqTokens: string[] = [];
    for (let i = 0; i < 20; i += 1) seqTokens.push((await setup.call<{ token: string }>('user', { action: 'devLogin', openid: `bench-${runId}-seq-${i}` })).token);
    const sequential = await sequentialCreates(port, seqTokens, profileRelease, runId);
    const profTokens: string[] = [];
    for (let i = 0; i < PROFILE_REPEATS; i += 1) profTokens.push((await setup.call<{ token: string }>('user', { action: 'devLogin', openid: `bench-${runId}-prof-${i}` })).token);
    const roundTrips = await profileRoundTrips(engine.uri, dbName, app, profTokens, slots[0]!.startsAt, profileRelease.slice(1), runId);

    const latency = summarize(result.latencies);
    const rawLatency = summarize(raw.latencies);
    const seqLatency = summarize(sequential);
    const rawSeq = summarize(raw.sequential);
    const ratioP50 = Math.round((latency.p50 / rawLatency.p50) * 100) / 100;
    const report = {
      date: new Date().toISOString(),
      engine: engineKind,
      driverPool: options.pool ?? 'connectDb default (50)',
      traced: options.trace,
      node: process.version,
      clients: options.clients,
      slots: options.slots,
      capacityPerSlot: options.capacity,
      capacity,
      attempts: result.attempts,
      succeeded: result.succeeded,
      outcomes: result.outcomes,
      overbooked: check.overbooked,
      activeBookings: check.activeIds.length,
      holdingLeft: check.holding,
      bookedButNotActive: unmatched,
      perSlot: check.perSlot,
      raceMs: Math.round(result.raceMs),
      throughputPerSec: Math.round((result.attempts / (result.raceMs / 1000)) * 10) / 10,
      bookingsPerSec: Math.round((result.succeeded / (result.raceMs / 1000)) * 100) / 100,
      latencyMs: latency,
      rawInsertMs: rawLatency,
      ratioP50,
      uncontended: { bookingCreateMs: seqLatency, rawInsertMs: rawSeq, ratioP50: Math.round((seqLatency.p50 / rawSeq.p50) * 100) / 100 },
      raceTrace: trace,
      // Medians of the database commands one create sends (the driver's command monitoring), by outcome.
      commandsPerCreate: {
        booked: medianCommands(roundTrips.success),
        full: medianCommands(roundTrips.full),
        retry: medianCommands(roundTrips.retry),
        retryOfFull: medianCommands(roundTrips.retryFull),
        // Sent after a booked create's reply: the notices made from its event (after-reply.ts).
        bookedAfterReply: percentile(roundTrips.success.map((r) => r.count.afterReply).sort((a, b) => a - b), 50),
        samples: PROFILE_REPEATS,
      },
      roundTripsPerCreate: {
        success: roundTrips.success[0]!.count,
        retrySameRequestId: roundTrips.retry[0]!.count,
        slotFull: { ...roundTrips.full[0]!.count, capacityPerSlot: options.capacity },
        retryOfFull: roundTrips.retryFull[0]!.count,
      },
    };

    const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
    const ms = (s: { p50: number; p95: number; p99: number; max: number }) => `p50 ${s.p50}  p95 ${s.p95}  p99 ${s.p99}  max ${s.max} ms`;
    console.log('');
    console.log(`booking race on ${engineKind}, ${report.date}${options.pool ? `, driver pool ${options.pool} (experiment)` : ''}`);
    row('clients', String(report.clients));
    row('seats (slots × capacity)', `${capacity} (${options.slots} × ${options.capacity})`);
    row('attempts (booking.create calls)', String(report.attempts));
    row('succeeded', String(report.succeeded));
    row('outcomes', Object.entries(report.outcomes).map(([k, v]) => `${k} ${v}`).join(', '));
    row('active per slot / capacity', check.perSlot.map((s) => `${s.startsAt.slice(11, 16)} ${s.active}/${s.capacity}`).join(', '));
    row('overbooked', String(report.overbooked));
    row('race wall time', `${(report.raceMs / 1000).toFixed(2)} s`);
    row('throughput', `${report.throughputPerSec} req/s, ${report.bookingsPerSec} bookings/s`);
    row('booking.create latency (race)', ms(latency));
    row('raw insertOne latency (race)', ms(rawLatency));
    row('ratio p50 (booking / raw)', String(ratioP50));
    row('booking.create uncontended', ms(seqLatency));
    row('raw insertOne uncontended', ms(rawSeq));
    const trips = (c: CommandCount) => `${c.total} ${JSON.stringify(c.byCommand)} before the reply (+${c.afterReply} after), ${c.engineMs} ms at the engine`;
    const goal = (n: number, max: number) => `${n} (goal ≤ ${max})`;
    row('commands per create: booked', `${goal(report.commandsPerCreate.booked, 8)} before the reply; ${report.commandsPerCreate.bookedAfterReply} after it (notices)`);
    row('commands per create: slot full', goal(report.commandsPerCreate.full, 2));
    row('commands per create: retry', `${goal(report.commandsPerCreate.retry, 2)}; of a refused one ${report.commandsPerCreate.retryOfFull}`);
    row('one booked create by command', trips(roundTrips.success[0]!.count));
    row('one refused create by command', trips(roundTrips.full[0]!.count));
    console.log(`  one uncontended create, command by command (the last ${roundTrips.success[0]!.count.afterReply} after the reply): ${roundTrips.success[0]!.count.steps.join(' → ')}`);
    row('pool checkout wait (race)', `${ms(trace.poolWaitMs)} (${trace.poolWaitMs.count} checkouts)`);
    for (const [name, stats] of Object.entries(trace.commands)) {
      row(`  engine time: ${name}`, `${stats.count}×  p50 ${stats.p50}  p95 ${stats.p95}  max ${stats.max} ms, total ${(stats.totalMs / 1000).toFixed(1)} s`);
    }
    if (check.holding > 0 || unmatched > 0) console.log(`  warning: ${check.holding} bookings left in holding, ${unmatched} booked replies without an active booking`);
    console.log('');

    const year = options.year ? await yearRace(engine.uri, `${dbName}_year`, options, runId, latency.p50, closers) : null;
    if (year) {
      Object.assign(report, { yearOfData: year.yearOfData });
      if (year.yearOfData.overbooked > 0) report.overbooked += year.yearOfData.overbooked;
    }

    // An experiment with another pool size must not pass for the host's own numbers.
    const file = options.pool ? reportFile.replace(/\.json$/, `.pool-${options.pool}.json`) : reportFile;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(rootDir, file)}`);
    if (year && options.yearLists) await year.staffLists();
    if (report.overbooked > 0) {
      console.error(`[bench] OVERBOOKED: ${report.overbooked} bookings beyond capacity`);
      return 1;
    }
    return 0;
  } finally {
    for (const client of httpClients) client.close();
    for (const close of closers.reverse()) await close().catch((error: Error) => log(`while closing: ${error.message}`));
  }
}

// ---------------------------------------------------------------------------------------------
// A year of data (--year): the same race in a second database holding a year of the district, then
// the staff lists and counts timed over that year. The empty run above is the baseline.

const yearReportFile = path.join(rootDir, '.bench', 'year.json');

async function yearRace(uri: string, dbName: string, options: Options, runId: string, emptyP50: number, closers: (() => Promise<unknown>)[]) {
  const config = parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: randomBytes(32).toString('base64url'), DB_NAME: dbName, MONGODB_URI: uri });
  const handle = await connectDb(uri, dbName, { maxPoolSize: options.pool ?? undefined });
  closers.push(async () => {
    if (!options.keep) await handle.db.dropDatabase().catch(() => undefined);
    await handle.close();
  });
  const app = await createApp({ config, db: handle.db, clock: manualClock(CLOCK_AT) });
  await seedDemoDistrict(app);
  log(`year of data: loading ${options.yearBookings.toLocaleString('en')} past bookings and the volunteer year into ${dbName}`);
  const load = await loadYearOfData(handle.db, app, { bookings: options.yearBookings, log });
  const documents = Object.values(load.counts).reduce((sum, n) => sum + n, 0);
  log(`year of data: ${documents.toLocaleString('en')} documents in ${(load.ms / 1000).toFixed(1)} s: ${Object.entries(load.counts).map(([name, n]) => `${name} ${n}`).join(', ')}`);

  const server = buildHttpApp({ app, functions: cloudFunctions });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const setup = new HttpClient(port);
  const clients = Array.from({ length: options.clients }, () => new HttpClient(port));
  try {
    const slots = await releaseSlots(setup, RACE_PROVIDER_OPENID, RACE_PROVIDER, options.slots, options.capacity);
    await inBatches(clients, 25, async (client, i) => {
      client.token = (await client.call<{ token: string }>('user', { action: 'devLogin', openid: `bench-${runId}-y${i}` })).token;
    });
    log(`year of data: race of ${clients.length} clients on the year's database`);
    const result = await race(clients, slots, `${runId}y`);
    const check = await checkSlots(handle.db, slots);
    const latency = summarize(result.latencies);
    log(`year of data: race done in ${(result.raceMs / 1000).toFixed(2)} s: ${result.succeeded} booked, overbooked ${check.overbooked}, p50 ${latency.p50} ms (empty ${emptyP50} ms)`);

    // Where a create's time goes on the year's data: each command of uncontended creates, by outcome.
    const profileRelease = await releaseSlots(setup, PROFILE_PROVIDER_OPENID, PROFILE_PROVIDER, options.slots, 50);
    const profTokens: string[] = [];
    for (let i = 0; i < PROFILE_REPEATS; i += 1) profTokens.push((await setup.call<{ token: string }>('user', { action: 'devLogin', openid: `bench-${runId}-yprof-${i}` })).token);
    const roundTrips = await profileRoundTrips(uri, dbName, app, profTokens, slots[0]!.startsAt, profileRelease.slice(1), `${runId}y`);
    console.log(`  year: one uncontended booked create, command by command: ${roundTrips.success[0]!.count.steps.join(' → ')}`);
    console.log(`  year: one uncontended refused create, command by command: ${roundTrips.full[0]!.count.steps.join(' → ')}`);

    const yearOfData = {
      p50: latency.p50,
      p95: latency.p95,
      ratioToEmpty: Math.round((latency.p50 / emptyP50) * 100) / 100,
      emptyP50,
      documents,
      bookings: load.counts.bookings ?? 0,
      raceMs: Math.round(result.raceMs),
      succeeded: result.succeeded,
      overbooked: check.overbooked,
      uncontendedEngineMs: { booked: roundTrips.success[0]!.count.engineMs, full: roundTrips.full[0]!.count.engineMs },
    };
    return { yearOfData, staffLists: () => yearStaffLists(app, load, documents) };
  } finally {
    setup.close();
    for (const client of clients) client.close();
    await server.close();
  }
}

/**
 * The staff lists and counts over the loaded year (each the median of 3 passes), after the timers have run over it
 * (.bench/year.json). Apart from the race: on SQLite the timers' first pass over a year takes far
 * longer than the race (each day's count scans every booking), so `--year-no-lists` leaves it out.
 */
async function yearStaffLists(app: App, load: YearLoad, documents: number): Promise<void> {
  log('year of data: the timers over the year');
  await runYearTimers(app, log);
  log('year of data: staff lists and counts, 3 passes');
  const timed = await timeStaffActions(app, cloudFunctions, load.sample, Number(CLOCK_AT.slice(0, 4)));
  const timings = reportStaffTimings(timed);
  log(`year of data: slowest staff call ${timings.slowest.action} at ${timings.slowest.ms} ms`);
  const yearReport = { date: new Date().toISOString(), documents, loaded: load.counts, loadMs: load.ms, ...timings };
  mkdirSync(path.dirname(yearReportFile), { recursive: true });
  writeFileSync(yearReportFile, `${JSON.stringify(yearReport, null, 2)}\n`);
  log(`wrote ${path.relative(rootDir, yearReportFile)}`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
