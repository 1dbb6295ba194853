/**
 * The daily limit on creates (config BOOKING_DAILY_LIMIT): one account cannot drain a day, not even
 * with many requests at once. Real app, real local engine, racing function instances.
 */
import {
  advisorCreate,
  at,
  createBookingWorld,
  DAY,
  DEMO_WEEK,
  freshResident,
  ids,
  outcome,
  type BookingWorld,
} from '../helpers/booking-fixtures';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { snapshot } from '../helpers/test-app';

jest.setTimeout(120_000);

const LIMIT = 3;
const { TUE, WED } = DEMO_WEEK;
// Eleven half-hour slots of one advisor on one day, none overlapping another.
const DAY_SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];

let w: BookingWorld;
let racers: RacingClient[] & { close(): Promise<void> };

beforeAll(async () => {
  w = await createBookingWorld({ env: { BOOKING_DAILY_LIMIT: String(LIMIT) } });
  racers = await openRacingClients(w.t, DAY_SLOTS.length, w.clock);
});
afterAll(async () => {
  await racers?.close();
  await w?.close();
});

it(`allows ${LIMIT} creates a day, refuses the next with RATE_LIMITED and nothing written, and allows again the next day`, async () => {
  const resident = await freshResident(w);
  for (const time of DAY_SLOTS.slice(0, LIMIT)) {
    expect(outcome(await w.as(resident, 'booking', advisorCreate(at(TUE, time))))).toBe('ok');
  }
  const before = await snapshot(w.t.db);
  expect(outcome(await w.as(resident, 'booking', advisorCreate(at(TUE, DAY_SLOTS[LIMIT]!))))).toBe('RATE_LIMITED');
  expect(await snapshot(w.t.db)).toEqual(before);

  // Another resident is not affected.
  const neighbour = await freshResident(w);
  expect(outcome(await w.as(neighbour, 'booking', advisorCreate(at(TUE, DAY_SLOTS[LIMIT]!))))).toBe('ok');

  w.clock.advance(DAY);
  expect(outcome(await w.as(resident, 'booking', advisorCreate(at(WED, '14:00'))))).toBe('ok');
  w.clock.advance(-DAY);
});

it('does not count attempts at a full slot, which write nothing', async () => {
  const first = await freshResident(w);
  const late = await freshResident(w);
  const full = at(TUE, '11:00');
  expect(outcome(await w.as(first, 'booking', advisorCreate(full, { providerId: ids.advisor2 })))).toBe('ok');
  const before = await snapshot(w.t.db);
  for (let i = 0; i < LIMIT + 2; i += 1) {
    expect(outcome(await w.as(late, 'booking', advisorCreate(full, { providerId: ids.advisor2 })))).toBe('SLOT_FULL');
  }
  expect(await snapshot(w.t.db)).toEqual(before);
  for (const time of DAY_SLOTS.slice(0, LIMIT)) {
    expect(outcome(await w.as(late, 'booking', advisorCreate(at(TUE, time), { providerId: ids.advisor2 })))).toBe('ok');
  }
});

describe.each([0, 1, 2])('round %i', (round) => {
  it(`lets exactly ${LIMIT} of ${DAY_SLOTS.length} creates sent at once by one account through`, async () => {
    const resident = await freshResident(w);
    const providerId = [ids.advisor1, ids.advisor2, ids.advisor3][round]!;
    const day = ['2026-12-03', '2026-12-04', '2026-12-07'][round]!;
    const results = await raceAll(racers.map((racer, i) => () => racer.call('booking', advisorCreate(at(day, DAY_SLOTS[i]!), { providerId }), resident.token)));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(LIMIT);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(DAY_SLOTS.length - LIMIT).fill('RATE_LIMITED'));
    expect(await w.t.db.collection('bookings').countDocuments({ bookerId: resident.userId })).toBe(LIMIT);
    expect(await w.t.db.collection('daily_allowances').countDocuments({ pool: { $regex: `^creates:${resident.userId}:` } as never })).toBe(LIMIT);
  });

  it(`spends one allowance for ${DAY_SLOTS.length} copies of one request sent at once, all answered with the booking`, async () => {
    const resident = await freshResident(w);
    const providerId = [ids.advisor3, ids.advisor1, ids.advisor2][round]!;
    const day = ['2026-12-08', '2026-12-09', '2026-12-10'][round]!;
    const event = advisorCreate(at(day, DAY_SLOTS[0]!), { providerId });
    const results = await raceAll(racers.map((racer) => () => racer.call('booking', event, resident.token)));
    expect(results.map(outcome)).toEqual(Array(DAY_SLOTS.length).fill('ok'));
    const bookingIds = new Set(results.map((r) => (r.ok ? (r.data as { id: string }).id : null)));
    expect(bookingIds.size).toBe(1);
    expect(await w.t.db.collection('daily_allowances').countDocuments({ pool: { $regex: `^creates:${resident.userId}:` } as never })).toBe(1);
    // The rest of the day's allowance is still there for genuine bookings.
    for (const time of DAY_SLOTS.slice(1, LIMIT)) {
      expect(outcome(await w.as(resident, 'booking', advisorCreate(at(day, time), { providerId })))).toBe('ok');
    }
    expect(outcome(await w.as(resident, 'booking', advisorCreate(at(day, DAY_SLOTS[LIMIT]!), { providerId })))).toBe('RATE_LIMITED');
  });
});
