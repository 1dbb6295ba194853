/**
 * The engine killed during a burst of creates. After its restart (by the launcher) and one repair
 * run: every acknowledged booking exists, no slot is over capacity, no hold is orphaned, and every
 * retry gets a documented answer. Sized by STRESS_CRASH_ROUNDS and STRESS_CRASH_RESIDENTS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingFunction } from '../../cloudfunctions/booking';
import { pingDatabase } from '../../cloudfunctions/core/db/mongo-connection';
import { REPAIR_GRACE_MS } from '../../cloudfunctions/core/services/booking/booking-maintenance.service';
import type { BookingDoc } from '../../cloudfunctions/core/repositories/booking.repository';
import { startEngine, type Engine } from '../../host/engine/local-engine';
import { isProcessAlive } from '../../host/engine/engine-state';
import { advisorCreate, at, createBookingWorld, freshResident, ids, outcome, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { expectOk } from '../helpers/test-app';

const ROUNDS = Number(process.env.STRESS_CRASH_ROUNDS ?? 3);
const RESIDENTS = Number(process.env.STRESS_CRASH_RESIDENTS ?? 40);
const CLIENTS = 20;
jest.setTimeout(240_000);

/** What `booking.create` may answer (docs/api.md); the crash adds SERVICE_UNAVAILABLE, only during it. */
const DURING = ['ok', 'SLOT_FULL', 'OVERLAPPING_BOOKING', 'SERVICE_UNAVAILABLE'];
const AFTER = ['ok', 'SLOT_FULL', 'OVERLAPPING_BOOKING'];

let dataDir: string;
let engine: Engine;
let w: BookingWorld;
let racers: RacingClient[] & { close(): Promise<void> };
let residents: Person[];
const engineLog: string[] = [];
const savedUri = process.env.MONGODB_URI;

beforeAll(async () => {
  // An engine of this file's own, started by the same launcher as npm start, so it can be killed.
  dataDir = mkdtempSync(join(tmpdir(), 'crash-engine-'));
  engine = await startEngine({ dataDir, uri: null, log: (line) => engineLog.push(line) });
  process.env.MONGODB_URI = engine.uri;
  w = await createBookingWorld({ env: { BOOKING_DAILY_LIMIT: '50' } });
  racers = await openRacingClients(w.t, CLIENTS, w.clock);
  residents = await Promise.all(Array.from({ length: RESIDENTS }, () => freshResident(w)));
});
afterAll(async () => {
  await racers?.close();
  await w?.close();
  await engine?.stop();
  process.env.MONGODB_URI = savedUri;
  rmSync(dataDir, { recursive: true, force: true });
});

async function untilEngineAnswers(): Promise<void> {
  while (!(await pingDatabase(w.t.db, 1_000))) await new Promise((r) => setTimeout(r, 100));
}

// Each round aims its residents at a few one-seat slots of one day, so most of them collide.
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07'];
const TIMES = ['09:00', '09:30', '10:00', '10:30', '14:00', '14:30', '15:00', '15:30'];
const PROVIDERS = [ids.advisor1, ids.advisor2];

describe.each(Array.from({ length: ROUNDS }, (_, i) => i))('round %i', (round) => {
  it('keeps every guarantee when the engine dies in the middle of a burst of creates', async () => {
    const day = DAYS[round % DAYS.length]!;
    const events = residents.map((_, i) =>
      advisorCreate(at(day, TIMES[i % TIMES.length]!), { providerId: PROVIDERS[Math.floor(i / TIMES.length) % PROVIDERS.length]! }),
    );

    // The burst, with the engine killed once a few creates have been answered.
    let answered = 0;
    let killedPid = 0;
    const killer = (async () => {
      while (answered < 3) await new Promise((r) => setTimeout(r, 5));
      killedPid = engine.pid()!;
      process.kill(killedPid, 'SIGKILL');
    })();
    const first = await raceAll(
      events.map((event, i) => async () => {
        const reply = await racers[i % CLIENTS]!.call('booking', event, residents[i]!.token);
        answered += 1;
        return reply;
      }),
    );
    await killer;
    expect(isProcessAlive(killedPid)).toBe(false);
    const firstOutcomes = first.map(outcome);
    expect(firstOutcomes.filter((o) => !DURING.includes(o))).toEqual([]);

    // The launcher brings the engine back; one repair run settles whatever the crash left.
    await untilEngineAnswers();
    w.clock.advance(REPAIR_GRACE_MS + 1_000);
    expectOk(await bookingFunction.runTimer(w.t.app, 'repairHolds'));
    const db = w.t.db;
    expect(await db.collection('bookings').countDocuments({ status: 'holding' })).toBe(0);

    // Every resident sends the same request again: a documented answer, and the acknowledged keep theirs.
    const retries = await raceAll(events.map((event, i) => () => racers[i % CLIENTS]!.call('booking', event, residents[i]!.token)));
    retries.forEach((retry, i) => {
      expect(`${i}: ${outcome(retry)}`).toMatch(new RegExp(`^${i}: (${AFTER.join('|')})$`));
      if (first[i]!.ok) {
        expect(retry.ok && (retry.data as { id: string }).id).toBe((first[i]!.data as { id: string }).id);
      }
    });

    // Capacity: one seat per slot, one active booking per slot, and nothing held that no live booking owns.
    const active = await db.collection<BookingDoc>('bookings').find({ status: { $in: ['requested', 'confirmed'] } }).toArray();
    const perPool = new Map<string, number>();
    for (const booking of active) perPool.set(booking.pool, (perPool.get(booking.pool) ?? 0) + 1);
    expect([...perPool.values()].filter((n) => n > 1)).toEqual([]);
    const activeIds = new Set(active.map((b) => b._id));
    const seats = await db.collection<{ subject: { id: string }; pool: string }>('seats').find({}).toArray();
    expect(seats.filter((seat) => !activeIds.has(seat.subject.id))).toEqual([]);
    expect(seats).toHaveLength(active.length);
    const locks = await db.collection<{ subject: { id: string } }>('timelocks').find({}).toArray();
    expect(locks.filter((lock) => !activeIds.has(lock.subject.id))).toEqual([]);
    for (const [i, reply] of first.entries()) {
      if (reply.ok) expect(activeIds.has((reply.data as { id: string }).id)).toBe(true);
      else expect(retries[i]!.ok).toBe(activeIds.has(retries[i]!.ok ? (retries[i]!.data as { id: string }).id : '-'));
    }
    expect(engineLog.filter((l) => /restarted at/.test(l))).toHaveLength(round + 1);
  });
});
