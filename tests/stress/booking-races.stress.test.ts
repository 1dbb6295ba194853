/**
 * The booking guarantees under real concurrency: at least 100 attempts at once, each from its own
 * function instance on its own connection to the real local engine, repeated several rounds.
 * Sized by STRESS_RACE_ROUNDS (default 3). Each round races on a fresh database of its own, seeded
 * with the demo district: the local engine scans whole collections, so a round on the leftovers of
 * the ones before it would only be slower, not a harder race.
 */
import type { BookingDoc } from '../../cloudfunctions/core/repositories/booking.repository';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';

jest.setTimeout(300_000);

const CLIENTS = 100;
const ROUNDS = Number(process.env.STRESS_RACE_ROUNDS ?? 3);
// Monday 2026-11-30 08:00 in Shanghai: the demo advisors' slots that day start at 09:00.
const clock = manualClock('2026-11-30T00:00:00Z');
const slotAt = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 30, hour - 8, minute)).toISOString();

let t: TestApp;
let racers: RacingClient[] & { close(): Promise<void> };
let residents: { token: string; userId: string }[];

/** A fresh database with the demo district, CLIENTS racing function instances and CLIENTS residents. */
async function openRound(): Promise<void> {
  t = await createTestApp({ clock, env: { BOOKING_DAILY_LIMIT: '1000' } });
  await seedDemoDistrict(t.app);
  racers = await openRacingClients(t, CLIENTS, clock);
  residents = [];
  for (let i = 0; i < CLIENTS; i += 1) residents.push(await loginAs(t, `racer-${i}`));
}
async function closeRound(): Promise<void> {
  await racers?.close();
  await t?.close();
}

const advisorCreate = (requestId: string, providerId: string, startsAt: string) => ({
  action: 'create',
  requestId,
  providerId,
  startsAt,
  details: { kind: 'advisor', topic: 'policy', mode: 'station' },
  contactPhone: '13800000009',
});

async function setCapacity(providerId: string, capacity: number) {
  const availability = await t.app.repos.availability.get(providerId);
  await t.app.repos.availability.save({ ...availability, rules: availability.rules.map((rule) => ({ ...rule, capacity })) });
}

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('round %i', (round) => {
  beforeAll(openRound);
  afterAll(closeRound);

  it(`never puts more than capacity in a slot (${CLIENTS} residents at once)`, async () => {
    const capacity = 3;
    const providerId = 'pv-advisor-2';
    await setCapacity(providerId, capacity);
    const startsAt = slotAt(14, 30);
    const results = await raceAll(racers.map((racer, i) => () => racer.call('booking', advisorCreate(`capacity-${round}-${i}`, providerId, startsAt), residents[i]!.token)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(capacity);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(CLIENTS - capacity).fill('SLOT_FULL'));
    const active = await t.db.collection('bookings').countDocuments({ providerId, startsAt: new Date(startsAt), status: { $in: ['requested', 'confirmed'] } });
    expect(active).toBe(capacity);
    expect(await t.db.collection('seats').countDocuments({ pool: `slot:${providerId}:${startsAt}` })).toBe(capacity);
  });

  it(`keeps create idempotent when one request id is sent ${CLIENTS} times at once`, async () => {
    const resident = residents[0]!;
    const startsAt = slotAt(9, 30);
    const results = await raceAll(racers.map((racer) => () => racer.call('booking', advisorCreate(`same-request-${round}`, 'pv-advisor-3', startsAt), resident.token)));
    const ids = new Set(results.map((r) => expectOk<{ id: string }>(r).id));
    expect(ids.size).toBe(1);
    expect(await t.db.collection('bookings').countDocuments({ requestId: `same-request-${round}`, bookerId: resident.userId })).toBe(1);
    expect(await t.db.collection('seats').countDocuments({ 'subject.id': [...ids][0] })).toBe(1);
  });

  it(`never lets one resident hold two overlapping bookings (${CLIENTS} attempts at once)`, async () => {
    const resident = residents[1]!;
    // Six advisors with the same slot free: capacity is no limit, only the resident's own time is.
    for (let n = 1; n <= 6; n += 1) await setCapacity(`pv-advisor-${n}`, 50);
    const startsAt = slotAt(15, 30);
    const results = await raceAll(
      racers.map((racer, i) => () => racer.call('booking', advisorCreate(`overlap-${round}-${i}`, `pv-advisor-${(i % 6) + 1}`, startsAt), resident.token)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(CLIENTS - 1).fill('OVERLAPPING_BOOKING'));
    const start = new Date(startsAt);
    const overlapping = await t.db
      .collection('bookings')
      .countDocuments({ bookerId: resident.userId, status: { $in: ['requested', 'confirmed'] }, startsAt: { $lt: new Date(start.getTime() + 30 * 60_000) }, endsAt: { $gt: start } });
    expect(overlapping).toBe(1);
  });

  // Accept and cancel race on each booking. Both may succeed only one after the other (the resident
  // cancels what was just confirmed, which the cut-off allows); never both from the same state.
  it('lets accept and cancel never both win from the same state on each of 50 bookings (100 actors at once)', async () => {
    const advisor = await loginAs(t, 'demo-advisor-4');
    await setCapacity('pv-advisor-4', 50);
    const startsAt = slotAt(10, 30);
    const booked: { id: string; token: string }[] = [];
    for (let i = 0; i < 50; i += 1) {
      const result = await t.callAs(residents[i + 10]!.token, 'booking', advisorCreate(`accept-cancel-${round}-${i}`, 'pv-advisor-4', startsAt));
      booked.push({ id: expectOk<{ id: string }>(result).id, token: residents[i + 10]!.token });
    }
    const thunks = booked.flatMap((b, i) => [
      () => racers[2 * i]!.call('provider', { action: 'accept', bookingId: b.id }, advisor.token),
      () => racers[2 * i + 1]!.call('booking', { action: 'cancel', bookingId: b.id }, b.token),
    ]);
    const results = await raceAll(thunks);
    let contested = 0;
    for (let i = 0; i < booked.length; i += 1) {
      const [accept, cancel] = [results[2 * i]!, results[2 * i + 1]!];
      const doc = await t.db.collection<BookingDoc>('bookings').findOne({ _id: booked[i]!.id });
      // Transition #1 is stored with the booking (its insert decided the create), the rest as records.
      const history = await t.app.repos.bookings.history(doc!);
      const seats = await t.db.collection('seats').countDocuments({ 'subject.id': booked[i]!.id });
      if (accept.ok && cancel.ok) {
        // Serial, not a race: confirmed first, then cancelled from confirmed.
        expect(history.map((h) => `${h.from}>${h.to}`)).toEqual(['holding>requested', 'requested>confirmed', 'confirmed>cancelled']);
        expect(doc).toMatchObject({ status: 'cancelled', version: 3 });
        expect(seats).toBe(0);
        continue;
      }
      contested += 1;
      expect([accept.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
      const loser = accept.ok ? cancel : accept;
      expect(!loser.ok && loser.error.code).toBe('CONFLICT');
      const won = accept.ok ? 'confirmed' : 'cancelled';
      expect(history.map((h) => `${h.from}>${h.to}`)).toEqual(['holding>requested', `requested>${won}`]);
      expect(doc).toMatchObject({ status: won, version: 2 });
      expect(seats).toBe(accept.ok ? 1 : 0);
    }
    // With 100 actors released at once most pairs really collide; a round of only serial pairs proves nothing.
    expect(contested).toBeGreaterThan(booked.length / 2);
  });

  it(`lets exactly one of ${CLIENTS} escort claims win`, async () => {
    const escorts: { token: string }[] = [];
    const admin = await loginAs(t, 'demo-admin');
    for (let i = 0; i < CLIENTS; i += 1) {
      const escort = await loginAs(t, `escort-${i}`);
      expectOk(await t.callAs(admin.token, 'admin', { action: 'grantRoles', userId: escort.userId, roles: ['escort'] }));
      expectOk(await t.callAs(admin.token, 'admin', { action: 'upsertProvider', userId: escort.userId, kind: 'escort', name: `陪诊员${i}`, venue: '区陪诊服务队' }));
      escorts.push(escort);
    }
    const request = expectOk<{ id: string }>(
      await t.callAs(residents[70]!.token, 'booking', {
        action: 'create',
        requestId: `escort-request-${round}`,
        startsAt: new Date(Date.UTC(2026, 11, 2, 1, 0)).toISOString(),
        details: { kind: 'escort', hospital: '市第一人民医院', department: '心内科', pickupAddress: '小营前社区 3 幢', eligibility: 'dibao', streetId: 'st-nandajie' },
        contactPhone: '13800000010',
      }),
    );
    const results = await raceAll(racers.map((racer, i) => () => racer.call('provider', { action: 'claim', bookingId: request.id }, escorts[i]!.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && (r.error.code === 'CONFLICT' || r.error.code === 'NOT_FOUND'))).toBe(true);
    const doc = await t.db.collection<BookingDoc>('bookings').findOne({ _id: request.id });
    expect(doc).toMatchObject({ status: 'confirmed', version: 2 });
    expect((await t.app.repos.bookings.history(doc!)).map((h) => `${h.seq}:${h.from}>${h.to}`)).toEqual(['1:holding>requested', '2:requested>confirmed']);
  });

  it(`never gives one escort two overlapping jobs (${CLIENTS} claims at once over 20 requests at one time)`, async () => {
    const escort = await loginAs(t, 'escort-0'); // made an escort by the claim test of this round
    const [record] = await t.app.repos.providers.findByUser(escort.userId);
    const street = (await t.app.repos.district.findStreet('st-nandajie'))!;
    await t.app.repos.district.upsertStreet({ ...street, escortDailyCapacity: 50 });
    const startsAt = new Date(Date.UTC(2026, 11, 8, 1, 0)).toISOString();
    const requests: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await t.callAs(residents[20 + i]!.token, 'booking', {
        action: 'create',
        requestId: `escort-overlap-${round}-${i}`,
        startsAt,
        details: { kind: 'escort', hospital: '市第一人民医院', department: '骨科', pickupAddress: '小营前社区 5 幢', eligibility: 'none', streetId: 'st-nandajie' },
        contactPhone: '13800000011',
      });
      requests.push(expectOk<{ id: string }>(created).id);
    }
    const results = await raceAll(racers.map((racer, k) => () => racer.call('provider', { action: 'claim', bookingId: requests[k % 20] }, escort.token)));
    const codes = new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code));
    expect([...codes].every((code) => code === 'ESCORT_BUSY' || code === 'CONFLICT')).toBe(true);
    const mine = await t.db.collection('bookings').find({ _id: { $in: requests as never[] }, providerId: record!._id }).toArray();
    expect(mine.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.ok)).toHaveLength(mine.length);
    // The escort's time is held for the job they got, and for nothing else.
    const locks = await t.db.collection('timelocks').find({ personKey: `escort:${record!._id}`, 'subject.id': { $in: requests } }).toArray();
    expect(locks.map((l) => l.subject.id)).toEqual(Array(mine.length * 48).fill(mine[0]?._id));
  });
});
