/** The demo district seed is complete and idempotent. */
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { demoPeople } from '../../host/seed/demo-district.data';
import { createTestApp, snapshot, type TestApp } from '../helpers/test-app';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { callerOf } from '../../cloudfunctions/core/runtime/caller';
import { DEMO_TEACHER_OPENID, seedDemoPastClasses, seedDemoTraining } from '../../host/seed/seed-demo-training';
import { demoFestivalVisit, seedDemoVolunteers } from '../../host/seed/seed-demo-volunteers';
import { demoAccounts } from '../../shared/domain/demo-accounts';

jest.setTimeout(120_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('writes streets, communities, stations, services, providers and accounts, and a second run changes nothing', async () => {
  const first = await seedDemoDistrict(t.app);
  expect(first.created).toBe(true);
  const counts = async () => ({
    streets: await t.db.collection('streets').countDocuments(),
    communities: await t.db.collection('communities').countDocuments(),
    stations: await t.db.collection('stations').countDocuments(),
    services: await t.db.collection('services').countDocuments(),
    providers: await t.db.collection('providers').countDocuments(),
    users: await t.db.collection('users').countDocuments(),
  });
  const after = await counts();
  expect(after).toEqual({ streets: 3, communities: 6, stations: 6, services: 3, providers: 11, users: demoPeople.length });

  const users = await snapshot(t.db).then((s) => s.users);
  const second = await seedDemoDistrict(t.app);
  expect(second.created).toBe(false);
  expect(await counts()).toEqual(after);
  expect((await snapshot(t.db)).users).toEqual(users);

  const staff = await t.db.collection('users').findOne({ openid: 'demo-staff-1' });
  expect(staff).toMatchObject({ roles: ['resident', 'staff'], staffStreetId: 'st-nandajie' });
  const admin = await t.db.collection('users').findOne({ openid: 'demo-admin' });
  expect(admin?.roles).toContain('admin');
});

describe('the volunteers of the demo district', () => {
  const volunteerCounts = async (v: TestApp) => ({
    users: await v.db.collection('users').countDocuments(),
    applications: await v.db.collection('volunteer_applications').countDocuments(),
    activities: await v.db.collection('activities').countDocuments(),
    signups: await v.db.collection('activity_signups').countDocuments(),
    hours: await v.db.collection('volunteer_hours').countDocuments(),
    outbox: await v.db.collection('outbox').countDocuments(),
  });

  it('has a pending application, approved volunteers, a festival visit, a rehearsal with a waiting list and past hours; once only', async () => {
    const clock = manualClock('2026-12-01T02:00:00Z');
    const v = await createTestApp({ clock });
    try {
      const lines: string[] = [];
      const started = Date.now();
      await seedDemoDistrict(v.app);
      await seedDemoTraining(v.app);
      await seedDemoVolunteers(v.app, (line) => lines.push(line));
      expect(lines.filter((l) => l.includes('银龄行动'))).toHaveLength(4);

      // Every seeded person is an account the dev login offers, and the other way round.
      expect(demoPeople.map((p) => p.openid).sort()).toEqual(demoAccounts.map((a) => a.openid).sort());
      const user = async (openid: string) => (await v.db.collection<{ _id: string; roles: string[] }>('users').findOne({ openid }))!;
      const applicant = await user('demo-applicant');
      expect(applicant.roles).not.toContain('volunteer');
      expect(await v.db.collection('volunteer_applications').findOne({ userId: applicant._id })).toMatchObject({ status: 'pending' });
      for (const openid of ['demo-volunteer-1', 'demo-volunteer-2', 'demo-teacher']) expect((await user(openid)).roles).toContain('volunteer');

      // 2026-12-01: 重阳节 is past, so the visit is before 春节 2027 (6 February).
      const activities = v.db.collection<{ _id: string; kind: string; title: string; startsAt: Date; endsAt: Date }>('activities');
      const visit = (await activities.findOne({ kind: 'festival_visit' }))!;
      expect(visit.title).toContain('春节');
      expect(visit.startsAt.toISOString()).toBe('2027-02-03T01:30:00.000Z');

      const gala = (await activities.findOne({ kind: 'spring_gala' }))!;
      const signups = v.db.collection<{ activityId: string; role: string; state: string; userId: string }>('activity_signups');
      expect((await signups.find({ activityId: gala._id }).toArray()).map((s) => [s.role, s.state]).sort()).toEqual([
        ['host', 'placed'],
        ['host', 'waiting'],
      ]);

      // Two past activities, three volunteers each: one's hours wait for staff, the other's are confirmed.
      const past = await activities.find({ endsAt: { $lt: clock.now() } }).sort({ startsAt: 1 }).toArray();
      expect(past).toHaveLength(2);
      // What staff see to confirm, through the real action.
      const staff = callerOf(await v.app.services.users.ensureUser('demo-staff-1'));
      const hoursOf = async (activityId: string) => ((await v.app.services.hoursLedger.activityHours(staff, activityId)).items as { status: string; hours: number }[]).map((h) => [h.status, h.hours]);
      expect(await hoursOf(past[0]!._id)).toEqual(Array(3).fill(['confirmed', 2]));
      expect(await hoursOf(past[1]!._id)).toEqual(Array(3).fill(['pending', 2]));

      // A second run (a restart) writes nothing more, and quickly.
      const before = await volunteerCounts(v);
      const again = Date.now();
      await seedDemoDistrict(v.app);
      await seedDemoTraining(v.app);
      await seedDemoVolunteers(v.app);
      expect(await volunteerCounts(v)).toEqual(before);
      expect(Date.now() - again).toBeLessThan(Math.max(5_000, (again - started) / 2));
    } finally {
      await v.close();
    }
  });

  it("has the class's two past weeks: the earlier one counted, yesterday's roll left open for the teacher, whose roll moves the counter", async () => {
    const clock = manualClock('2026-12-01T02:00:00Z');
    const v = await createTestApp({ clock });
    try {
      await seedDemoDistrict(v.app);
      await seedDemoTraining(v.app);
      await seedDemoVolunteers(v.app);
      const lines: string[] = [];
      await seedDemoPastClasses(v.app, (line) => lines.push(line));
      expect(lines).toHaveLength(1);
      const admin = callerOf(await v.app.services.users.ensureUser('demo-admin'));
      const teacher = callerOf(await v.app.services.users.ensureUser(DEMO_TEACHER_OPENID));
      const district = async () => (await v.app.services.trainingProgress.progress(admin, { year: 2026 })).district;

      // 2026-11-23 and 2026-11-30 (Shanghai), 09:00–10:30: the first with 3 enrolled elders and a walk-in on its roll.
      const past = await v.db.collection<{ _id: string; startsAt: Date }>('activities').find({ kind: 'tech_class', startsAt: { $lt: clock.now() } }).sort({ startsAt: 1 }).toArray();
      expect(past.map((a) => a.startsAt.toISOString())).toEqual(['2026-11-23T01:00:00.000Z', '2026-11-30T01:00:00.000Z']);
      expect(await district()).toMatchObject({ personTimes: 4, persons: 4, target: 7000 });

      // Yesterday's roll: enrolled, none ticked; the teacher ticks the three and the district counts 3 more.
      const roll = await v.app.services.trainingRoll.roll(teacher, past[1]!._id);
      expect(roll.relation).toBe('teacher');
      expect(roll.items.filter((i) => i.enrolled).map((i) => i.name).sort()).toEqual(['张奶奶', '李大爷', '王阿姨'].sort());
      expect(roll.items.some((i) => i.present)).toBe(false);
      await v.app.services.trainingRoll.takeRoll(teacher, { activityId: past[1]!._id, present: roll.items.filter((i) => i.enrolled).map((i) => i.elderId), walkIns: [] });
      expect(await district()).toMatchObject({ personTimes: 7, persons: 4 });

      // The teacher's hours: the first class confirmed, yesterday's waiting for staff.
      const staff = callerOf(await v.app.services.users.ensureUser('demo-staff-1'));
      const hoursOf = async (activityId: string) => ((await v.app.services.hoursLedger.activityHours(staff, activityId)).items as { status: string; hours: number }[]).map((h) => [h.status, h.hours]);
      expect(await hoursOf(past[0]!._id)).toEqual([['confirmed', 1.5]]);
      expect(await hoursOf(past[1]!._id)).toEqual([['pending', 1.5]]);

      // A restart writes nothing more.
      const activities = await v.db.collection('activities').countDocuments();
      await seedDemoPastClasses(v.app, (line) => lines.push(line));
      expect(lines).toHaveLength(1);
      expect(await v.db.collection('activities').countDocuments()).toBe(activities);
    } finally {
      await v.close();
    }
  });

  it('names the visit for the festival that comes next, on any date', () => {
    expect(demoFestivalVisit('2026-09-01')).toMatchObject({ date: '2026-10-15', title: expect.stringContaining('重阳节') });
    expect(demoFestivalVisit('2026-10-14')).toMatchObject({ date: '2027-02-03', title: expect.stringContaining('春节') });
    expect(demoFestivalVisit('2027-02-02')).toMatchObject({ date: '2027-10-05', title: expect.stringContaining('重阳节') });
    // Past the table: a visit a week on, named for no festival.
    const later = demoFestivalVisit('2031-06-01');
    expect(later.date).toBe('2031-06-08');
    expect(later.title).not.toMatch(/重阳|春节/);
  });
});
