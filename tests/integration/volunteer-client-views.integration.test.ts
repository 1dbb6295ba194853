/**
 * What the volunteer's own pages read beyond the actions' core results (issue 12, item 10): the
 * `activity` reply carries the caller's own check-in and check-out (the check-in page's state), and
 * `myPlaces` says each place's kind, end and whether the caller teaches the class (the links to the
 * check-in page and the roll). Against the real engine, a fresh database per test.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, type TestApp } from '../helpers/test-app';
import { classInput, makeStaff, makeVolunteer } from '../helpers/activity-fixtures';

jest.setTimeout(60_000);

const clock = manualClock('2026-11-30T00:00:00Z');
let t: TestApp;

beforeEach(async () => {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock });
  await seedDemoDistrict(t.app);
});
afterEach(() => t.close());

const MIN = 60_000;
const call = (token: string, event: Record<string, unknown>) => t.callAs(token, 'volunteer', event);

type Attendance = { checkedInAt: string | null; checkedOutAt: string | null; autoClosed: boolean } | null;
type Place = { activityId: string; role: string; kind: string; endsAt: string; teaches: boolean };

describe('the volunteer pages’ views', () => {
  it('the activity reply follows the caller’s own check-in and check-out, and nobody else’s', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = expectOk<{ id: string; startsAt: string }>(await call(staff.token, classInput(clock.now())));
    const teacher = await makeVolunteer(t, 'v-lead');
    const helper = await makeVolunteer(t, 'v-assist');
    const outsider = await makeVolunteer(t, 'v-none');
    expectOk(await call(teacher.token, { action: 'signUp', activityId: activity.id, role: 'lead' }));
    expectOk(await call(helper.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));
    const attendanceOf = async (token: string) => expectOk<{ attendance: Attendance }>(await call(token, { action: 'activity', activityId: activity.id })).attendance;

    expect(await attendanceOf(teacher.token)).toEqual({ checkedInAt: null, checkedOutAt: null, autoClosed: false });
    expect(await attendanceOf(outsider.token)).toBeNull();

    const start = new Date(activity.startsAt).getTime();
    clock.set(new Date(start - 5 * MIN));
    const code = () => call(staff.token, { action: 'attendanceCode', activityId: activity.id }).then((e) => expectOk<{ code: string }>(e).code);
    const checkedIn = expectOk<{ checkedInAt: string }>(await call(teacher.token, { action: 'checkIn', activityId: activity.id, code: await code() }));
    expect(await attendanceOf(teacher.token)).toEqual({ checkedInAt: checkedIn.checkedInAt, checkedOutAt: null, autoClosed: false });
    // Another volunteer's check-in is not theirs.
    expect(await attendanceOf(helper.token)).toEqual({ checkedInAt: null, checkedOutAt: null, autoClosed: false });

    clock.set(new Date(start + 90 * MIN));
    const out = expectOk<{ checkedOutAt: string }>(await call(teacher.token, { action: 'checkOut', activityId: activity.id, code: await code() }));
    expect(await attendanceOf(teacher.token)).toEqual({ checkedInAt: checkedIn.checkedInAt, checkedOutAt: out.checkedOutAt, autoClosed: false });
  });

  it('myPlaces says the kind, the end and that only the placed holder of the teaching role teaches', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const lesson = expectOk<{ id: string; endsAt: string }>(await call(staff.token, classInput(clock.now())));
    const visit = expectOk<{ id: string }>(
      await call(staff.token, classInput(new Date(clock.now().getTime() + 3 * 24 * 3600_000), { kind: 'festival_visit', title: '重阳节探访', signUpOpensAt: clock.now().toISOString() })),
    );
    const teacher = await makeVolunteer(t, 'v-lead');
    const helper = await makeVolunteer(t, 'v-assist');
    const waiting = await makeVolunteer(t, 'v-wait');
    expectOk(await call(teacher.token, { action: 'signUp', activityId: lesson.id, role: 'lead' }));
    expectOk(await call(teacher.token, { action: 'signUp', activityId: visit.id, role: 'lead' }));
    expectOk(await call(helper.token, { action: 'signUp', activityId: lesson.id, role: 'assist' }));
    // The lead's one place is taken: this one waits, and a waiting lead does not teach.
    expect(expectOk<{ state: string }>(await call(waiting.token, { action: 'signUp', activityId: lesson.id, role: 'lead' })).state).toBe('waiting');

    const places = async (token: string) => expectOk<{ items: Place[] }>(await call(token, { action: 'myPlaces' })).items;
    const mine = await places(teacher.token);
    expect(mine.find((p) => p.activityId === lesson.id)).toMatchObject({ kind: 'tech_class', endsAt: new Date(lesson.endsAt).toISOString(), teaches: true });
    // 主讲 of a visit is no class: nothing to take a roll of.
    expect(mine.find((p) => p.activityId === visit.id)).toMatchObject({ kind: 'festival_visit', teaches: false });
    expect((await places(helper.token))[0]).toMatchObject({ role: 'assist', teaches: false });
    expect((await places(waiting.token))[0]).toMatchObject({ role: 'lead', teaches: false });
  });
});
