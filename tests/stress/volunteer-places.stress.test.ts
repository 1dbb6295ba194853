/**
 * The place guarantees under real concurrency: 100 volunteers at once, each from its own function
 * instance on its own connection to the local engine, STRESS_PLACE_ROUNDS rounds (default 3), each
 * on a fresh database with the demo district.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, type TestApp } from '../helpers/test-app';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { classInput, createActivityAs, makeStaff, makeVolunteer } from '../helpers/activity-fixtures';
import { claimNumber, placePool, waitPool } from '../../shared/domain/volunteer/activity-keys';

jest.setTimeout(300_000);

const CLIENTS = 100;
const ROUNDS = Number(process.env.STRESS_PLACE_ROUNDS ?? 3);
const clock = manualClock('2026-11-30T00:00:00Z');

let t: TestApp;
let racers: RacingClient[] & { close(): Promise<void> };
let volunteers: { token: string; userId: string }[];
let activityId: string;

const PLACES = 3;

async function openRound(): Promise<void> {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
  racers = await openRacingClients(t, CLIENTS, clock);
  volunteers = [];
  for (let i = 0; i < CLIENTS; i += 1) volunteers.push(await makeVolunteer(t, `vr-${i}`));
  const staff = await makeStaff(t, 'staff-r');
  activityId = (await createActivityAs(t, staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: PLACES, skills: [] }] }))).id;
}
async function closeRound(): Promise<void> {
  await racers?.close();
  await t?.close();
}

const states = async () => {
  return t.db.collection<{ _id: string; state: string; ticket: number | null; userId: string }>('activity_signups').find({ activityId }).toArray();
};

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('round %i', () => {
  beforeAll(openRound);
  afterAll(closeRound);

  it(`${CLIENTS} sign-ups at once: never more than ${PLACES} placed, the rest wait in claim order with no gap or duplicate`, async () => {
    const results = await raceAll(volunteers.map((v, i) => () => racers[i]!.call('volunteer', { action: 'signUp', activityId, role: 'assist' }, v.token)));
    const data = results.map((r) => expectOk<{ state: string }>(r));
    expect(data.filter((d) => d.state === 'placed')).toHaveLength(PLACES);
    expect(await t.app.repos.holds.seatsIn(placePool(activityId, 'assist'))).toHaveLength(PLACES);
    const tickets = (await t.app.repos.holds.seatsIn(waitPool(activityId, 'assist'))).map((s) => claimNumber(s._id)).sort((a, b) => a - b);
    expect(tickets).toEqual(Array.from({ length: CLIENTS - PLACES }, (_, n) => n));
    const all = await states();
    expect(all.filter((s) => s.state === 'waiting').map((s) => s.ticket).sort((a, b) => a! - b!)).toEqual(tickets);
  });

  it('withdrawals racing the promotion timer: each freed place goes to the next in line, none skipped or doubled', async () => {
    const placed = (await states()).filter((s) => s.state === 'placed').map((s) => s.userId);
    const tokens = volunteers.filter((v) => placed.includes(v.userId)).map((v) => v.token);
    const thunks = [
      ...tokens.map((token, i) => () => racers[i]!.call('volunteer', { action: 'withdraw', activityId }, token)),
      ...Array.from({ length: 20 }, (_, i) => () => racers[50 + i]!.app.services.activityMaintenance.repair()),
      ...Array.from({ length: 20 }, (_, i) => () => racers[70 + i]!.app.services.activityMaintenance.expireOffers()),
    ];
    await raceAll<unknown>(thunks);
    expect(await t.app.repos.holds.seatsIn(placePool(activityId, 'assist'))).toHaveLength(PLACES);
    const all = await states();
    const offered = all.filter((s) => s.state === 'offered').map((s) => s.ticket).sort((a, b) => a! - b!);
    expect(offered).toEqual([0, 1, 2]);
    const offers = await t.db.collection('activity_offers').find({ activityId }).toArray();
    expect(offers.map((o) => o._id).sort()).toEqual([0, 1, 2].map((n) => `${activityId}:assist:${n}`).sort());
  });

  it(`${CLIENTS} concurrent confirmations of one offer: exactly one wins`, async () => {
    const offeredTo = (await states()).find((s) => s.state === 'offered' && s.ticket === 0)!;
    const token = volunteers.find((v) => v.userId === offeredTo.userId)!.token;
    const results = await raceAll(racers.map((r) => () => r.call('volunteer', { action: 'confirmOffer', activityId }, token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)).every((c) => c === 'CONFLICT' || c === 'NO_OPEN_OFFER')).toBe(true);
    expect((await states()).find((s) => s._id === offeredTo._id)?.state).toBe('placed');
    expect(await t.app.repos.holds.seatsIn(placePool(activityId, 'assist'))).toHaveLength(PLACES);
  });

  it('a sign-up cut off after its seat, before its state, is finished by repair', async () => {
    const staff = await makeStaff(t, `staff-crash`);
    const crashId = (await createActivityAs(t, staff.token, classInput(new Date(clock.now().getTime() + 3 * 86400_000), { signUpOpensAt: clock.now().toISOString(), roles: [{ code: 'assist', label: '助教', count: 1, skills: [] }] }))).id;
    const v = await makeVolunteer(t, 'v-crash');
    const activity = (await t.app.repos.activities.findById(crashId))!;
    const signupId = `${crashId}:${v.userId}`;
    await t.app.repos.activities.insertSignup({ _id: signupId, activityId: crashId, userId: v.userId, role: 'assist', state: 'holding', ticket: null, offerId: null, offerExpiresAt: null, startsAt: activity.startsAt, createdAt: clock.now(), updatedAt: clock.now() });
    await t.app.repos.holds.takeSeat(placePool(crashId, 'assist'), 1, { kind: 'activity', id: signupId }, activity.startsAt, clock.now());
    clock.advance(3 * 60_000);
    await raceAll(racers.slice(0, 10).map((r) => () => r.app.services.activityMaintenance.repair()));
    expect(await t.app.repos.activities.findSignup(signupId)).toMatchObject({ state: 'placed' });
    expect(await t.app.repos.holds.seatsIn(placePool(crashId, 'assist'))).toHaveLength(1);
  });
});
