/**
 * Volunteer registration under real concurrency: CLIENTS attempts at once (default 100), each from
 * its own function instance on its own connection to the real local engine, STRESS_RACE_ROUNDS
 * rounds (default 3), each on a fresh database seeded with the demo district.
 *
 * - Staff and admin deciding one application at once: exactly one decision wins, every other gets
 *   ALREADY_DECIDED, and the roles, the record and the notice are the winner's alone.
 * - One person applying CLIENTS times at once: one application, the rest APPLICATION_OPEN.
 * - CLIENTS applications approved at once: CLIENTS different volunteer numbers.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { UserDoc } from '../../cloudfunctions/core/repositories/user.repository';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { VOLUNTEER_NUMBER_PATTERN } from '../../shared/domain/volunteer/registration-number';
import { openRacingClients, raceAll, type RacingClient } from '../helpers/racing-clients';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';
import { applicationInput, codeOf } from '../helpers/volunteer-registration-fixtures';

jest.setTimeout(300_000);

const CLIENTS = Number(process.env.STRESS_VOLUNTEER_CLIENTS ?? 100);
const ROUNDS = Number(process.env.STRESS_RACE_ROUNDS ?? 3);
const clock = manualClock('2026-11-30T00:00:00Z');

type Person = { token: string; userId: string };
let t: TestApp;
let racers: RacingClient[] & { close(): Promise<void> };
let staff: Person;
let admin: Person;

async function openRound(): Promise<void> {
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
  racers = await openRacingClients(t, CLIENTS, clock);
  staff = await loginAs(t, 'demo-staff-1');
  admin = await loginAs(t, 'demo-admin');
}
async function closeRound(): Promise<void> {
  await racers?.close();
  await t?.close();
}

let applicantCounter = 0;
async function applicantWithApplication(): Promise<{ person: Person; applicationId: string }> {
  applicantCounter += 1;
  const person = await loginAs(t, `stress-applicant-${applicantCounter}`);
  const view = expectOk<{ id: string }>(await t.callAs(person.token, 'volunteer', applicationInput()));
  return { person, applicationId: view.id };
}
const rolesOf = async (userId: string) => (await t.db.collection<UserDoc>('users').findOne({ _id: userId }))?.roles ?? [];

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('round %i', () => {
  beforeAll(openRound);
  afterAll(closeRound);

  it(`one decision wins when ${CLIENTS} approvals and rejections of one application race`, async () => {
    const { person, applicationId } = await applicantWithApplication();
    const results = await raceAll(
      racers.map((racer, i) => () =>
        i % 2 === 0
          ? racer.call('volunteer', { action: 'approve', applicationId, skills: ['escort'] }, i % 4 === 0 ? staff.token : admin.token)
          : racer.call('volunteer', { action: 'reject', applicationId, reason: `理由 ${i}` }, i % 4 === 1 ? staff.token : admin.token),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'ALREADY_DECIDED')).toBe(true);
    const winner = results.findIndex((r) => r.ok);
    const approved = winner % 2 === 0;
    const doc = await t.app.repos.volunteers.findById(applicationId);
    expect(doc?.status).toBe(approved ? 'approved' : 'rejected');
    if (!approved) expect(doc?.decision?.reason).toBe(`理由 ${winner}`);
    expect(await t.db.collection('volunteer_transitions').countDocuments({ applicationId })).toBe(1);
    expect((await rolesOf(person.userId)).includes('volunteer')).toBe(approved);
    expect((await rolesOf(person.userId)).includes('escort')).toBe(approved);
    expect(await t.db.collection('notifications').countDocuments({ userId: person.userId })).toBe(1);
    expect(await t.db.collection('volunteer_numbers').countDocuments({ holder: person.userId })).toBe(approved ? 1 : 0);
  });

  it(`one application when one person applies ${CLIENTS} times at once, and again after a rejection`, async () => {
    const person = await loginAs(t, `stress-solo-${applicantCounter++}`);
    for (const attempt of [1, 2]) {
      const codes = (await raceAll(racers.map((racer) => () => racer.call('volunteer', applicationInput(), person.token)))).map(codeOf);
      expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'ok').every((c) => c === 'APPLICATION_OPEN')).toBe(true);
      const docs = await t.db.collection('volunteer_applications').find({ userId: person.userId }).toArray();
      expect(docs.map((d) => d.status).sort()).toEqual(attempt === 1 ? ['pending'] : ['pending', 'rejected']);
      const open = docs.find((d) => d.status === 'pending')!;
      if (attempt === 1) expectOk(await t.callAs(staff.token, 'volunteer', { action: 'reject', applicationId: open._id, reason: '请补充信息' }));
    }
  });

  it(`${CLIENTS} approvals across applicants at once: no two volunteers share a number`, async () => {
    const applicants: { person: Person; applicationId: string }[] = [];
    for (let i = 0; i < CLIENTS; i += 1) applicants.push(await applicantWithApplication());
    const started = Date.now();
    const results = await raceAll(
      racers.map((racer, i) => () => racer.call('volunteer', { action: 'approve', applicationId: applicants[i]!.applicationId, skills: ['smartphone_teaching'] }, i % 2 ? staff.token : admin.token)),
    );
    const elapsed = Date.now() - started;
    expect(results.map(codeOf).filter((c) => c !== 'ok')).toEqual([]);
    const numbers = results.map((r) => (r.ok ? (r.data as { volunteerNumber: string }).volunteerNumber : ''));
    expect(new Set(numbers).size).toBe(CLIENTS);
    expect(numbers.every((n) => VOLUNTEER_NUMBER_PATTERN.test(n))).toBe(true);
    // What is stored agrees: one number per approved applicant, each held by that applicant.
    const stored = await t.db.collection('volunteer_numbers').find({ holder: { $in: applicants.map((a) => a.person.userId) } }).toArray();
    expect(stored.map((d) => d._id).sort()).toEqual([...numbers].sort());
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    // A burst may leave a gap near its end; the next approval fills the lowest one.
    const used = new Set((await t.db.collection('volunteer_numbers').find({}).toArray()).map((d) => d.seq as number));
    let lowestFree = 1;
    while (used.has(lowestFree)) lowestFree += 1;
    const next = await applicantWithApplication();
    const view = expectOk<{ volunteerNumber: string }>(await t.callAs(staff.token, 'volunteer', { action: 'approve', applicationId: next.applicationId, skills: ['smartphone_teaching'] }));
    expect(Number(view.volunteerNumber.slice(-6))).toBe(lowestFree);
    console.log(`[volunteer stress] ${CLIENTS} approvals at once in ${elapsed} ms; numbers ${seqs[0]}…${seqs[seqs.length - 1]}, lowest free after: ${lowestFree}`);
  });
});
