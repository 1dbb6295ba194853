/**
 * Elders' seats in smart-technology classes, the teacher's roll and the yearly counts, against the
 * real engine: the path (enrol, roll, walk-in, the counts move by exactly the new person-times) and
 * each refusal. Each test takes a fresh database with the demo district (streets, communities).
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { expectOk, loginAs, snapshot, type TestApp } from '../helpers/test-app';
import { openRacingClients, raceAll } from '../helpers/racing-clients';
import { classInput, createActivityAs, freshDistrictForEachTest, makeStaff, makeVolunteer, VOLUNTEER_TEST_START } from '../helpers/activity-fixtures';
import { codeOf } from '../helpers/volunteer-registration-fixtures';
import { classSeatPool } from '../../shared/domain/volunteer/training-rules';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { DEMO_TEACHER_OPENID, seedDemoTraining } from '../../host/seed/seed-demo-training';

jest.setTimeout(120_000);

const clock = manualClock(VOLUNTEER_TEST_START);
let t: TestApp;
freshDistrictForEachTest(clock, (app) => (t = app));

const call = (token: string, event: Record<string, unknown>) => t.callAs(token, 'volunteer', event);
// A stable code, or 'ok'.
const code = codeOf;
const fieldOf = (envelope: { ok: boolean; error?: { details?: unknown } }) => (envelope.error?.details as { fields: { path: string }[] } | undefined)?.fields[0]?.path;

type Progress = { district: { personTimes: number; persons: number; target: number | null; share: number | null } | null; streets: { streetId: string; personTimes: number; persons: number; target: number | null; share: number | null; communities: { communityId: string; personTimes: number; persons: number }[] }[] };

async function makeAdmin(openid = 'admin-1') {
  const user = await loginAs(t, openid);
  await t.app.services.users.grantRoles(user.userId, ['admin'], undefined);
  return user;
}

/** A weekly class of two sessions at 小营前社区 (南大街街道), `seats` seats each, its lead volunteer placed in both. */
async function weeklyClass(seats = 3) {
  const staff = await makeStaff(t, 'staff-nandajie');
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { startsAt, endsAt, signUpOpensAt, signUpClosesAt, withdrawCutoffAt, ...text } = classInput(clock.now(), { elderSeats: seats });
  const series = expectOk<{ seriesId: string; activities: { id: string }[] }>(
    await call(staff.token, {
      ...text,
      action: 'createSeries',
      firstDate: '2026-12-02',
      lastDate: '2026-12-09',
      startTime: '09:00',
      endTime: '11:00',
      signUpOpensDaysBefore: 14,
      signUpClosesHoursBefore: 1,
      withdrawCutoffHoursBefore: 24,
    }),
  );
  const [first, second] = series.activities.map((a) => a.id) as [string, string];
  const teacher = await makeVolunteer(t, 'teacher-1');
  const assistant = await makeVolunteer(t, 'assistant-1');
  for (const activityId of [first, second]) {
    expect(expectOk(await call(teacher.token, { action: 'signUp', activityId, role: 'lead' }))).toMatchObject({ state: 'placed' });
    expect(expectOk(await call(assistant.token, { action: 'signUp', activityId, role: 'assist' }))).toMatchObject({ state: 'placed' });
  }
  return { staff, teacher, assistant, first, second };
}

const elder = (name: string, communityId = 'cm-xiaoying', ageBand = '70_79') => ({ name, communityId, ageBand });

describe('volunteer training', () => {
  it('enrols elders, takes the roll with a walk-in, and moves the counts by exactly the new person-times', async () => {
    const admin = await makeAdmin();
    expectOk(
      await call(admin.token, {
        action: 'setTrainingTargets',
        year: 2026,
        districtTotal: 7000,
        streets: [
          { streetId: 'st-nandajie', target: 3000 },
          { streetId: 'st-hehuachi', target: 2000 },
          { streetId: 'st-wuxing', target: 2000 },
        ],
      }),
    );
    const { teacher, first, second } = await weeklyClass();
    const resident = await loginAs(t, 'resident-1');
    const self = expectOk<{ elderId: string; state: string }>(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'self', ...elder('王大妈') }));
    const mother = expectOk<{ elderId: string }>(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'family', ...elder('李奶奶', 'cm-shuangguiping', '80_89') }));
    expect(self.state).toBe('enrolled');
    // Enrolling again is the same enrolment, not a second seat.
    expect(expectOk<{ elderId: string }>(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'self', ...elder('王大妈') })).elderId).toBe(self.elderId);
    expect(await t.app.repos.holds.seatsIn(classSeatPool(first))).toHaveLength(2);
    expect(expectOk<{ items: { elderName: string }[] }>(await call(resident.token, { action: 'myEnrolments' })).items.map((i) => i.elderName).sort()).toEqual(['李奶奶', '王大妈']);
    expect(expectOk<{ items: { id: string; seatsLeft: number }[] }>(await call(resident.token, { action: 'classes' })).items.find((c) => c.id === first)?.seatsLeft).toBe(1);

    // No phone, no ID number: an elder on a roll is a name, a community and an age band.
    const stored = await t.db.collection('training_elders').find({}).toArray();
    for (const doc of stored) expect(Object.keys(doc).sort()).toEqual(['_id', 'ageBand', 'communityId', 'createdAt', 'enrolledBy', 'name', 'source', 'streetId', 'userId']);

    const before = expectOk<Progress>(await call(admin.token, { action: 'trainingProgress', year: 2026 }));
    expect(before.district).toMatchObject({ personTimes: 0, persons: 0, target: 7000 });

    const roll = expectOk<{ relation: string; items: { elderId: string; enrolled: boolean; present: boolean }[] }>(await call(teacher.token, { action: 'classRoll', activityId: first }));
    expect(roll.relation).toBe('teacher');
    expect(roll.items.map((i) => [i.elderId, i.enrolled, i.present]).sort()).toEqual([[mother.elderId, true, false], [self.elderId, true, false]].sort());

    clock.set('2026-12-02T00:45:00Z'); // 08:45 in Shanghai, a quarter hour before the class
    const taken = expectOk<{ added: number; walkIns: { elderId: string }[]; personTimes: number }>(
      await call(teacher.token, { action: 'takeRoll', activityId: first, present: [self.elderId, mother.elderId], walkIns: [{ key: 'w1', ...elder('张大爷', 'cm-hehua', '60_69') }] }),
    );
    expect(taken).toMatchObject({ added: 3, personTimes: 3 });
    // The same roll sent again (a retry) counts nothing new and adds no second walk-in.
    expect(
      expectOk(await call(teacher.token, { action: 'takeRoll', activityId: first, present: [self.elderId], walkIns: [{ key: 'w1', ...elder('张大爷', 'cm-hehua', '60_69') }] })),
    ).toMatchObject({ added: 0, personTimes: 3 });
    expect(await t.db.collection('training_elders').countDocuments({ source: 'walk_in' })).toBe(1);

    const afterFirst = expectOk<Progress>(await call(admin.token, { action: 'trainingProgress', year: 2026 }));
    expect(afterFirst.district).toMatchObject({ personTimes: 3, persons: 3, target: 7000, share: 0 });
    const nandajie = afterFirst.streets.find((s) => s.streetId === 'st-nandajie')!;
    expect(nandajie).toMatchObject({ personTimes: 3, persons: 3, target: 3000, share: 0.001 });
    // Counted where the class was held: all at 小营前, none at the walk-in's own community.
    expect(nandajie.communities.find((c) => c.communityId === 'cm-xiaoying')).toMatchObject({ personTimes: 3, persons: 3 });
    expect(afterFirst.streets.find((s) => s.streetId === 'st-hehuachi')).toMatchObject({ personTimes: 0, persons: 0 });

    // The next week: the walk-in came back (a regular, ticked from the roll) with one enrolled elder.
    clock.set('2026-12-09T01:30:00Z');
    // A week on: fresh sessions (tokens last less than a week).
    const [teacherNow, staffNow] = [await loginAs(t, 'teacher-1'), await loginAs(t, 'staff-nandajie')];
    const regulars = expectOk<{ items: { elderId: string; enrolled: boolean }[] }>(await call(teacherNow.token, { action: 'classRoll', activityId: second })).items;
    expect(regulars.map((i) => i.elderId).sort()).toEqual([self.elderId, mother.elderId, taken.walkIns[0]!.elderId].sort());
    expectOk(await call(teacherNow.token, { action: 'takeRoll', activityId: second, present: [self.elderId, taken.walkIns[0]!.elderId] }));
    const afterSecond = expectOk<Progress>(await call(staffNow.token, { action: 'trainingProgress', year: 2026 }));
    // Two more person-times, no new person; staff see their 街道 only.
    expect(afterSecond.district).toBeNull();
    expect(afterSecond.streets).toHaveLength(1);
    expect(afterSecond.streets[0]).toMatchObject({ streetId: 'st-nandajie', personTimes: 5, persons: 3, target: 3000 });
  });

  it('refuses the roll to anyone but the teacher and staff of the street, and seats beyond the count', async () => {
    const { staff, assistant, first } = await weeklyClass(2);
    const otherStaff = await makeStaff(t, 'staff-wuxing', 'st-wuxing');
    const stranger = await makeVolunteer(t, 'stranger-1');
    expect(code(await call(assistant.token, { action: 'classRoll', activityId: first }))).toBe('NOT_FOUND');
    expect(code(await call(stranger.token, { action: 'classRoll', activityId: first }))).toBe('NOT_FOUND');
    expect(code(await call(otherStaff.token, { action: 'classRoll', activityId: first }))).toBe('NOT_FOUND');
    expect(expectOk<{ relation: string }>(await call(staff.token, { action: 'classRoll', activityId: first })).relation).toBe('staff');
    const resident = await loginAs(t, 'resident-1');
    expect(code(await call(assistant.token, { action: 'takeRoll', activityId: first, present: [] }))).toBe('NOT_FOUND');
    // A plain resident does not pass the door of the roll.
    expect(code(await call(resident.token, { action: 'classRoll', activityId: first }))).toBe('FORBIDDEN');

    expectOk(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'family', ...elder('甲') }));
    expectOk(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'family', ...elder('乙') }));
    expect(code(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'family', ...elder('丙') }))).toBe('CLASS_FULL');
    expect(await t.db.collection('training_enrolments').countDocuments({ activityId: first })).toBe(2);
    // One account names at most three elders per session; the refused one leaves its seat free.
    const second = (await createActivityAs(t, staff.token, classInput(clock.now(), { elderSeats: 10, title: '大教室' }))).id;
    for (const name of ['甲', '乙', '丙']) expectOk(await call(resident.token, { action: 'enrollElder', activityId: second, who: 'family', ...elder(name) }));
    expect(code(await call(resident.token, { action: 'enrollElder', activityId: second, who: 'family', ...elder('丁') }))).toBe('ENROLMENT_LIMIT');
    expect(await t.app.repos.holds.seatsIn(classSeatPool(second))).toHaveLength(3);

    const festival = await createActivityAs(t, staff.token, classInput(clock.now(), { kind: 'festival_visit', title: '重阳探访', startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:00:00.000Z' }));
    expect(code(await call(resident.token, { action: 'enrollElder', activityId: festival.id, who: 'self', ...elder('丁') }))).toBe('NOT_A_CLASS');
    expect(fieldOf(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'self', ...elder('戊', 'cm-nowhere') }))).toBe('communityId');
  });

  it('refuses a roll out of its window and bad entries, writing nothing', async () => {
    const { teacher, first } = await weeklyClass();
    expect(code(await call(teacher.token, { action: 'takeRoll', activityId: first, present: [] }))).toBe('ROLL_CLOSED');
    clock.set('2026-12-02T01:00:00Z');
    const before = await snapshot(t.db);
    const unknown = await call(teacher.token, { action: 'takeRoll', activityId: first, present: ['el-nobody'], walkIns: [{ key: 'w1', ...elder('张大爷') }] });
    expect([code(unknown), fieldOf(unknown)]).toEqual(['VALIDATION_FAILED', 'present.0']);
    const badCommunity = await call(teacher.token, { action: 'takeRoll', activityId: first, walkIns: [{ key: 'w1', ...elder('张大爷') }, { key: 'w2', ...elder('赵大爷', 'cm-nowhere') }] });
    expect([code(badCommunity), fieldOf(badCommunity)]).toEqual(['VALIDATION_FAILED', 'walkIns.1.communityId']);
    expect(await snapshot(t.db)).toEqual(before);
    clock.set('2026-12-04T03:00:01Z');
    expect(code(await call(teacher.token, { action: 'takeRoll', activityId: first, walkIns: [{ key: 'w1', ...elder('张大爷') }] }))).toBe('ROLL_CLOSED');
  });

  it('keeps targets to known streets adding up to the total, and staff to their own street', async () => {
    const admin = await makeAdmin();
    const uneven = await call(admin.token, { action: 'setTrainingTargets', year: 2026, districtTotal: 7000, streets: [{ streetId: 'st-nandajie', target: 3000 }] });
    expect([code(uneven), fieldOf(uneven)]).toEqual(['VALIDATION_FAILED', 'streets']);
    const unknown = await call(admin.token, { action: 'setTrainingTargets', year: 2026, districtTotal: 10, streets: [{ streetId: 'st-nowhere', target: 10 }] });
    expect([code(unknown), fieldOf(unknown)]).toEqual(['VALIDATION_FAILED', 'streets.0.streetId']);
    expect(await t.db.collection('training_targets').countDocuments({})).toBe(0);
    const staff = await makeStaff(t, 'staff-wuxing', 'st-wuxing');
    expect(code(await call(staff.token, { action: 'setTrainingTargets', year: 2026, districtTotal: 0, streets: [] }))).toBe('FORBIDDEN');
    // Asking for another street gets their own.
    const own = expectOk<Progress>(await call(staff.token, { action: 'trainingProgress', year: 2026, streetId: 'st-nandajie' }));
    expect(own.streets.map((s) => s.streetId)).toEqual(['st-wuxing']);
  });

  it('counts one elder ticked by many concurrent rolls once', async () => {
    const { teacher, staff, first } = await weeklyClass();
    const resident = await loginAs(t, 'resident-1');
    const { elderId } = expectOk<{ elderId: string }>(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'self', ...elder('王大妈') }));
    clock.set('2026-12-02T01:00:00Z');
    const racers = await openRacingClients(t, 20, clock);
    try {
      for (let round = 0; round < 3; round += 1) {
        await t.db.collection('training_attendance').deleteMany({});
        const results = await raceAll(racers.map((r, i) => () => r.call('volunteer', { action: 'takeRoll', activityId: first, present: [elderId] }, i % 2 === 0 ? teacher.token : staff.token)));
        expect(results.map((r) => expectOk<{ added: number }>(r).added).reduce((a, b) => a + b, 0)).toBe(1);
        expect(await t.db.collection('training_attendance').countDocuments({ activityId: first })).toBe(1);
      }
    } finally {
      await racers.close();
    }
  });

  it('seeds the demo training once: targets, an approved teacher, a weekly class with enrolled elders', async () => {
    const first = await seedDemoTraining(t.app);
    const counts = async () => ({
      series: (await t.db.collection('activities').distinct('seriesId', { kind: 'tech_class' })).length,
      sessions: await t.db.collection('activities').countDocuments({ kind: 'tech_class' }),
      enrolments: await t.db.collection('training_enrolments').countDocuments({ state: 'enrolled' }),
      applications: await t.db.collection('volunteer_applications').countDocuments({}),
      signups: await t.db.collection('activity_signups').countDocuments({}),
    });
    const after = await counts();
    expect(after).toEqual({ series: 1, sessions: 8, enrolments: 3, applications: 1, signups: 8 });
    expect(await seedDemoTraining(t.app)).toEqual(first);
    expect(await counts()).toEqual(after);
    const admin = await loginAs(t, 'demo-admin');
    const progress = expectOk<Progress>(await call(admin.token, { action: 'trainingProgress', year: 2026 }));
    expect(progress.district).toMatchObject({ target: 7000, personTimes: 0 });
    expect(progress.streets.map((s) => s.target)).toEqual([2000, 3000, 2000]);
    const teacher = await loginAs(t, DEMO_TEACHER_OPENID);
    const session = (await t.db.collection<{ _id: string }>('activities').find({ kind: 'tech_class' }).sort({ startsAt: 1 }).limit(1).toArray())[0]!;
    const roll = expectOk<{ relation: string; items: { name: string }[] }>(await call(teacher.token, { action: 'classRoll', activityId: session._id }));
    expect(roll.relation).toBe('teacher');
    expect(roll.items.map((i) => i.name).sort()).toEqual(['张奶奶', '李大爷', '王阿姨'].sort());
  });

  it('repair finishes an enrolment interrupted before its seat and frees a seat left without one', async () => {
    const { first } = await weeklyClass(2);
    const resident = await loginAs(t, 'resident-1');
    const done = expectOk<{ id: string }>(await call(resident.token, { action: 'enrollElder', activityId: first, who: 'family', ...elder('甲') }));
    // A crash after the record, before the seat: the record stays `holding`, no seat taken.
    const session = (await t.app.repos.activities.findById(first))!;
    await t.app.repos.training.insertEnrolment({ _id: `${first}:el-crashed`, activityId: first, elderId: 'el-crashed', enrolledBy: resident.userId, state: 'holding', seatId: null, startsAt: session.startsAt, createdAt: clock.now() });
    // A seat whose enrolment went (a crash the other way round): it must not keep an elder out.
    await t.app.repos.holds.takeSeat(classSeatPool(first), 2, { kind: 'class_seat', id: `${first}:el-gone` }, session.startsAt, clock.now());
    expect(await t.app.repos.holds.seatsIn(classSeatPool(first))).toHaveLength(2);
    // Inside the grace period repair leaves both alone: the writer may still be running.
    expect(expectOk(await cloudFunctions.volunteer!.runTimer(t.app, 'repairTraining'))).toEqual({ resumed: 0, freed: 0 });
    clock.advance(3 * 60_000);
    expect(expectOk(await cloudFunctions.volunteer!.runTimer(t.app, 'repairTraining'))).toEqual({ resumed: 1, freed: 1 });
    const seats = await t.app.repos.holds.seatsIn(classSeatPool(first));
    expect(seats.map((seat) => seat.subject.id).sort()).toEqual([done.id, `${first}:el-crashed`].sort());
    expect(await t.db.collection('training_enrolments').findOne({ _id: `${first}:el-crashed` as never })).toMatchObject({ state: 'enrolled' });
  });
});
