/**
 * The training guarantees under real concurrency: 100 residents at once, each from its own function
 * instance on its own connection to the local engine, STRESS_TRAINING_ROUNDS rounds (default 2), each
 * on a fresh database with the demo district. Seats never exceed the class's count, nor one account's
 * enrolments its allowance; a roll ticked by every racer at once counts each elder once.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { classInput, createActivityAs, makeStaff, makeVolunteer } from '../helpers/activity-fixtures';
import { classSeatPool } from '../../shared/domain/volunteer/training-rules';

jest.setTimeout(300_000);

const CLIENTS = Number(process.env.STRESS_TRAINING_CLIENTS ?? 100);
const ROUNDS = Number(process.env.STRESS_TRAINING_ROUNDS ?? 2);
const SEATS = 3;
const clock = manualClock('2026-11-30T00:00:00Z');

let t: TestApp;
let racers: RacingClient[] & { close(): Promise<void> };
let residents: { token: string; userId: string }[];
let teacher: { token: string };
let activityId: string;

async function openRound(): Promise<void> {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
  racers = await openRacingClients(t, CLIENTS, clock);
  residents = [];
  for (let i = 0; i < CLIENTS; i += 1) residents.push(await loginAs(t, `resident-${i}`));
  const staff = await makeStaff(t, 'staff-r');
  activityId = (await createActivityAs(t, staff.token, classInput(clock.now(), { elderSeats: SEATS }))).id;
  teacher = await makeVolunteer(t, 'teacher-r');
  expectOk(await t.callAs(teacher.token, 'volunteer', { action: 'signUp', activityId, role: 'lead' }));
}
async function closeRound(): Promise<void> {
  await racers?.close();
  await t?.close();
}

const elder = (name: string) => ({ name, communityId: 'cm-xiaoying', ageBand: '70_79' });

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('round %i', () => {
  beforeAll(openRound);
  afterAll(closeRound);

  it(`${CLIENTS} enrolments at once for ${SEATS} seats: exactly ${SEATS} enrolled, the rest told the class is full`, async () => {
    const results = await raceAll(residents.map((r, i) => () => racers[i]!.call('volunteer', { action: 'enrollElder', activityId, who: 'self', ...elder(`老人${i}`) }, r.token)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(SEATS);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'CLASS_FULL')).toBe(true);
    expect(await t.app.repos.holds.seatsIn(classSeatPool(activityId))).toHaveLength(SEATS);
    expect(await t.db.collection('training_enrolments').countDocuments({ activityId })).toBe(SEATS);
  });

  it(`one family member enrolled by ${CLIENTS} concurrent retries of one resident holds one seat`, async () => {
    // A fresh class with seats to spare: only the holder's uniqueness can keep this to one.
    const staff = await loginAs(t, 'staff-r');
    const spare = (await createActivityAs(t, staff.token, classInput(clock.now(), { elderSeats: 50, title: '另一节课', startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:00:00.000Z' }))).id;
    const owner = residents[0]!;
    const results = await raceAll(racers.map((r) => () => r.call('volunteer', { action: 'enrollElder', activityId: spare, who: 'family', ...elder('李奶奶') }, owner.token)));
    const elderIds = new Set(results.map((r) => expectOk<{ elderId: string; state: string }>(r).elderId));
    expect(elderIds.size).toBe(1);
    expect(await t.app.repos.holds.seatsIn(classSeatPool(spare))).toHaveLength(1);
    expect(await t.db.collection('training_enrolments').countDocuments({ activityId: spare, state: 'enrolled' })).toBe(1);
  });

  it(`${CLIENTS} different family members enrolled at once by one account: three enrolled, their seats only`, async () => {
    const staff = await loginAs(t, 'staff-r');
    const spare = (await createActivityAs(t, staff.token, classInput(clock.now(), { elderSeats: 50, title: '第三节课', startsAt: '2026-12-04T01:00:00.000Z', endsAt: '2026-12-04T03:00:00.000Z' }))).id;
    const owner = residents[1]!;
    const results = await raceAll(racers.map((r, i) => () => r.call('volunteer', { action: 'enrollElder', activityId: spare, who: 'family', ...elder(`家人${i}`) }, owner.token)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(new Set(codes.filter((c) => c !== 'ok'))).toEqual(new Set(['ENROLMENT_LIMIT']));
    expect(await t.app.repos.holds.seatsIn(classSeatPool(spare))).toHaveLength(3);
  });

  it(`the enrolled elders ticked by ${CLIENTS} concurrent rolls count once each`, async () => {
    clock.set('2026-12-02T00:45:00Z');
    const fresh = await loginAs(t, 'teacher-r');
    const enrolled = (await t.db.collection<{ elderId: string }>('training_enrolments').find({ activityId }).toArray()).map((e) => e.elderId);
    const results = await raceAll(racers.map((r) => () => r.call('volunteer', { action: 'takeRoll', activityId, present: enrolled }, fresh.token)));
    expect(results.map((r) => expectOk<{ added: number }>(r).added).reduce((a, b) => a + b, 0)).toBe(SEATS);
    expect(await t.db.collection('training_attendance').countDocuments({ activityId })).toBe(SEATS);
    void teacher;
  });
});
