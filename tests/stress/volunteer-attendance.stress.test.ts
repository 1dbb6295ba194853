/**
 * The attendance guarantees under real concurrency, each call from its own function instance on its
 * own connection to the local engine: STRESS_ATTENDANCE_VOLUNTEERS volunteers (default 10) each
 * racing themselves STRESS_ATTENDANCE_ATTEMPTS times (default 12, so 120 calls at once), and
 * confirm against correct on one record; STRESS_ATTENDANCE_ROUNDS rounds (default 2), each on a
 * fresh database with the demo district.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, type TestApp } from '../helpers/test-app';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { classInput, createActivityAs, makeStaff, makeVolunteer } from '../helpers/activity-fixtures';
import type { Envelope } from '../../shared/errors';

jest.setTimeout(300_000);

const VOLUNTEERS = Number(process.env.STRESS_ATTENDANCE_VOLUNTEERS ?? 10);
const ATTEMPTS = Number(process.env.STRESS_ATTENDANCE_ATTEMPTS ?? 12);
const ROUNDS = Number(process.env.STRESS_ATTENDANCE_ROUNDS ?? 2);
const CLIENTS = VOLUNTEERS * ATTEMPTS;
const clock = manualClock('2026-11-30T00:00:00Z');

let t: TestApp;
let racers: RacingClient[] & { close(): Promise<void> };
let volunteers: { token: string; userId: string }[];
let staff: { token: string; userId: string };
let activityId: string;
let startsAt: number;

async function openRound(): Promise<void> {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
  racers = await openRacingClients(t, CLIENTS, clock);
  staff = await makeStaff(t, 'staff-r');
  const activity = await createActivityAs(t, staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: VOLUNTEERS, skills: [] }] }));
  activityId = activity.id;
  startsAt = new Date(activity.startsAt).getTime();
  volunteers = [];
  for (let i = 0; i < VOLUNTEERS; i += 1) {
    const v = await makeVolunteer(t, `va-${i}`);
    expectOk(await t.callAs(v.token, 'volunteer', { action: 'signUp', activityId, role: 'assist' }));
    volunteers.push(v);
  }
}
async function closeRound(): Promise<void> {
  await racers?.close();
  await t?.close();
}

const shownCode = async () => expectOk<{ code: string }>(await t.callAs(staff.token, 'volunteer', { action: 'attendanceCode', activityId })).code;
const codeOf = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.error.code);

/** Every volunteer sends `step` ATTEMPTS times at once, each attempt from its own instance. */
async function raceStep(step: 'checkIn' | 'checkOut', code: string) {
  const thunks = volunteers.flatMap((v, i) => Array.from({ length: ATTEMPTS }, (_, k) => () => racers[i * ATTEMPTS + k]!.call('volunteer', { action: step, activityId, code }, v.token)));
  const results = await raceAll(thunks);
  return volunteers.map((_, i) => results.slice(i * ATTEMPTS, (i + 1) * ATTEMPTS).map(codeOf));
}

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('round %i', () => {
  beforeAll(openRound);
  afterAll(closeRound);

  it(`${CLIENTS} check-ins at once (${VOLUNTEERS} volunteers × ${ATTEMPTS}): one check-in each, the rest told it was this code again`, async () => {
    clock.set(new Date(startsAt - 5 * 60_000));
    const perVolunteer = await raceStep('checkIn', await shownCode());
    for (const codes of perVolunteer) {
      expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'ok').every((c) => c === 'CODE_REPLAYED')).toBe(true);
    }
    const marks = await t.db.collection<{ step: string; userId: string }>('attendance_marks').find({ activityId }).toArray();
    expect(marks.filter((m) => m.step === 'in').map((m) => m.userId).sort()).toEqual(volunteers.map((v) => v.userId).sort());
  });

  it(`${CLIENTS} check-outs at once: one check-out and one hours record each`, async () => {
    clock.set(new Date(startsAt + 90 * 60_000));
    const perVolunteer = await raceStep('checkOut', await shownCode());
    for (const codes of perVolunteer) expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    const marks = await t.db.collection<{ step: string }>('attendance_marks').find({ activityId, step: 'out' }).toArray();
    expect(marks).toHaveLength(VOLUNTEERS);
    const records = await t.db.collection<{ userId: string; computedHours: number }>('volunteer_hours').find({ activityId }).toArray();
    expect(records.map((r) => r.userId).sort()).toEqual(volunteers.map((v) => v.userId).sort());
    expect(records.every((r) => r.computedHours === 1.5)).toBe(true);
  });

  it(`${CLIENTS} organizers' confirm and correct of one record at once: one decision kept, the rest refused`, async () => {
    const target = volunteers[0]!;
    const record = { activityId, volunteerId: target.userId };
    const thunks = Array.from({ length: CLIENTS }, (_, i) => () =>
      racers[i]!.call('volunteer', i % 2 === 0 ? { action: 'confirmHours', ...record } : { action: 'correctHours', ...record, hours: 1, reason: `更正 ${i}` }, staff.token),
    );
    const codes = (await raceAll(thunks)).map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'CONFLICT' || c === 'HOURS_LOCKED')).toBe(true);
    const log = await t.db.collection('volunteer_hours_log').find({ recordId: `${activityId}:${target.userId}` }).toArray();
    expect(log).toHaveLength(1);
    const winner = codes.indexOf('ok');
    expect(log[0]).toMatchObject(winner % 2 === 0 ? { type: 'confirmed', hours: 1.5 } : { type: 'corrected', hours: 1, reason: `更正 ${winner}` });
    const events = await t.db.collection('outbox').find({ 'subject.kind': 'volunteer_hours' }).toArray();
    expect(events).toHaveLength(1);
  });

  it(`${CLIENTS} decisions on one open correction request at once: one decision kept`, async () => {
    const target = volunteers[0]!;
    expectOk(await t.callAs(target.token, 'volunteer', { action: 'requestCorrection', activityId, hours: 2, reason: '提前到场' }));
    const record = { activityId, volunteerId: target.userId };
    const thunks = Array.from({ length: CLIENTS }, (_, i) => () =>
      racers[i]!.call('volunteer', i % 2 === 0 ? { action: 'decideCorrection', ...record, decision: 'approve', hours: 2 } : { action: 'decideCorrection', ...record, decision: 'reject', reason: '无记录' }, staff.token),
    );
    const codes = (await raceAll(thunks)).map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'CONFLICT' || c === 'NO_OPEN_CORRECTION')).toBe(true);
    const log = await t.db.collection('volunteer_hours_log').find({ recordId: `${activityId}:${target.userId}` }).toArray();
    expect(log.map((e) => e.seq).sort()).toEqual([1, 2, 3]);
  });
});
