/**
 * volunteer — staff: the reads behind the staff pages against the real engine: the hub's counts, the
 * 街道's activities with how full each is, one activity to edit, the corrections waiting. Staff of
 * another 街道 see nothing of it; no staff view carries an ID number; roster phones are masked
 * except on the activity's day. Each test takes a fresh database with the demo district.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { createTestApp, expectOk, type TestApp } from '../helpers/test-app';
import { classInput, makeStaff, makeVolunteer } from '../helpers/activity-fixtures';
import { SAMPLE_ID_NUMBER, applicationInput } from '../helpers/volunteer-registration-fixtures';
import { loginAs } from '../helpers/test-app';

jest.setTimeout(90_000);

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
const code = (envelope: { ok: boolean; error?: { code: string } }) => (envelope.ok ? 'ok' : envelope.error!.code);

type Overview = { pendingApplications: number; todayActivities: number; pendingHours: number; openCorrections: number };
type Managed = { id: string; title: string; streetId: string; status: string; waiting: number; pendingHours: number; roles: { code: string; count: number; filled: number }[]; contactPhone: string };
type ManagedList = { items: Managed[]; total: number };
type Corrections = { items: { activityId: string; volunteerId: string; name: string | null; hours: number; requestedHours: number; reason: string }[] };

describe('the 街道 staff see their own 街道', () => {
  it('lists the 街道\'s activities with places filled and people waiting; another 街道 sees none of them', async () => {
    const nandajie = await makeStaff(t, 'staff-nan', 'st-nandajie');
    const hehuachi = await makeStaff(t, 'staff-he', 'st-hehuachi');
    const admin = await loginAs(t, 'admin-1');
    await t.app.services.users.grantRoles(admin.userId, ['admin'], undefined);
    const ours = expectOk<{ id: string }>(await call(nandajie.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: 1, skills: [] }] }))).id;
    const theirs = expectOk<{ id: string }>(await call(hehuachi.token, classInput(clock.now(), { title: '荷花池的课', communityId: 'cm-hehua' }))).id;
    const [a, b] = [await makeVolunteer(t, 'v-a'), await makeVolunteer(t, 'v-b')];
    expectOk(await call(a.token, { action: 'signUp', activityId: ours, role: 'assist' }));
    expectOk(await call(b.token, { action: 'signUp', activityId: ours, role: 'assist' }));

    const list = expectOk<ManagedList>(await call(nandajie.token, { action: 'managedActivities' }));
    expect(list.items.map((i) => i.id)).toEqual([ours]);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ streetId: 'st-nandajie', status: 'open', waiting: 1, pendingHours: 0, roles: [{ code: 'assist', count: 1, filled: 1 }], contactPhone: '13800000001' });
    // Staff cannot widen their scope with the admin's filter.
    expect(expectOk<ManagedList>(await call(nandajie.token, { action: 'managedActivities', streetId: 'st-hehuachi' })).items.map((i) => i.id)).toEqual([ours]);
    expect(expectOk<ManagedList>(await call(hehuachi.token, { action: 'managedActivities' })).items.map((i) => i.id)).toEqual([theirs]);
    expect(code(await call(hehuachi.token, { action: 'managedActivity', activityId: ours }))).toBe('NOT_FOUND');
    expect(expectOk<Managed>(await call(nandajie.token, { action: 'managedActivity', activityId: ours }))).toMatchObject({ id: ours, waiting: 1 });

    // Admin: the district, or one 街道.
    expect(expectOk<ManagedList>(await call(admin.token, { action: 'managedActivities' })).items.map((i) => i.id).sort()).toEqual([ours, theirs].sort());
    expect(expectOk<ManagedList>(await call(admin.token, { action: 'managedActivities', streetId: 'st-hehuachi' })).items.map((i) => i.id)).toEqual([theirs]);

    // A date range: the class is two days on, so a window ending tomorrow holds nothing.
    expect(expectOk<ManagedList>(await call(nandajie.token, { action: 'managedActivities', to: '2026-12-01' })).items).toEqual([]);
    expect(expectOk<ManagedList>(await call(nandajie.token, { action: 'managedActivities', from: '2026-12-02', to: '2026-12-02' })).items.map((i) => i.id)).toEqual([ours]);
    expect(code(await call(nandajie.token, { action: 'managedActivities', from: '2026-13-01' }))).toBe('VALIDATION_FAILED');
    const backwards = await call(nandajie.token, { action: 'managedActivities', from: '2026-12-05', to: '2026-12-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'to' }] } } });
  });

  it('counts applications to decide, today\'s activities, hours to confirm and corrections to decide, per 街道', async () => {
    const staff = await makeStaff(t, 'staff-nan', 'st-nandajie');
    const other = await makeStaff(t, 'staff-he', 'st-hehuachi');
    const base = expectOk<Overview>(await call(staff.token, { action: 'manageOverview' }));
    const applicant = await loginAs(t, 'applicant-1');
    expectOk(await call(applicant.token, applicationInput()));
    const activity = expectOk<{ id: string; startsAt: string; endsAt: string }>(
      await call(staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: 3, skills: [] }] })),
    );
    const volunteer = await makeVolunteer(t, 'v-hours');
    expectOk(await call(volunteer.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));

    const before = expectOk<Overview>(await call(staff.token, { action: 'manageOverview' }));
    expect(before.pendingApplications).toBe(base.pendingApplications + 1);
    expect(before.todayActivities).toBe(base.todayActivities);

    // The activity's day: it counts as today's; the volunteer checks in and out.
    const startsAt = new Date(activity.startsAt).getTime();
    clock.set(new Date(startsAt - 10 * MIN));
    const shown = () => call(staff.token, { action: 'attendanceCode', activityId: activity.id }).then((e) => expectOk<{ code: string }>(e).code);
    expectOk(await call(volunteer.token, { action: 'checkIn', activityId: activity.id, code: await shown() }));
    clock.set(new Date(startsAt + 61 * MIN));
    expectOk(await call(volunteer.token, { action: 'checkOut', activityId: activity.id, code: await shown() }));

    const during = expectOk<Overview>(await call(staff.token, { action: 'manageOverview' }));
    expect(during).toMatchObject({ todayActivities: base.todayActivities + 1, pendingHours: base.pendingHours + 1, openCorrections: base.openCorrections });
    const listed = expectOk<ManagedList>(await call(staff.token, { action: 'managedActivities' })).items.find((i) => i.id === activity.id)!;
    expect(listed.pendingHours).toBe(1);
    // Another 街道's staff count none of it.
    const elsewhere = expectOk<Overview>(await call(other.token, { action: 'manageOverview' }));
    expect(elsewhere).toMatchObject({ pendingApplications: 0, todayActivities: 0, pendingHours: 0, openCorrections: 0 });

    expectOk(await call(staff.token, { action: 'confirmHours', activityId: activity.id, volunteerId: volunteer.userId }));
    expect(expectOk<Overview>(await call(staff.token, { action: 'manageOverview' })).pendingHours).toBe(base.pendingHours);

    // The volunteer asks for a correction: it waits for the 街道, not for anyone else.
    expectOk(await call(volunteer.token, { action: 'requestCorrection', activityId: activity.id, hours: 2, reason: '课后帮老人设置了手机' }));
    const corrections = expectOk<Corrections>(await call(staff.token, { action: 'pendingCorrections' }));
    expect(corrections.items).toEqual([
      expect.objectContaining({ activityId: activity.id, volunteerId: volunteer.userId, name: '李老师', hours: 1, requestedHours: 2, reason: '课后帮老人设置了手机' }),
    ]);
    expect(expectOk<Overview>(await call(staff.token, { action: 'manageOverview' })).openCorrections).toBe(base.openCorrections + 1);
    expect(expectOk<Corrections>(await call(other.token, { action: 'pendingCorrections' })).items).toEqual([]);
    expect(expectOk<Corrections>(await call(other.token, { action: 'pendingCorrections', streetId: 'st-nandajie' })).items).toEqual([]);
    expect(code(await call(other.token, { action: 'decideCorrection', activityId: activity.id, volunteerId: volunteer.userId, decision: 'approve', hours: 2 }))).toBe('FORBIDDEN');

    expectOk(await call(staff.token, { action: 'decideCorrection', activityId: activity.id, volunteerId: volunteer.userId, decision: 'approve', hours: 2 }));
    expect(expectOk<Corrections>(await call(staff.token, { action: 'pendingCorrections' })).items).toEqual([]);
    expect(expectOk<Overview>(await call(staff.token, { action: 'manageOverview' })).openCorrections).toBe(base.openCorrections);
  });

  it('staff with no 街道 are refused; volunteers are not let in at all', async () => {
    const nobody = await loginAs(t, 'staff-nowhere');
    // The grant refuses staff without a 街道; a record from before that rule is written directly.
    await t.db.collection<{ _id: string }>('users').updateOne({ _id: nobody.userId }, { $set: { roles: ['resident', 'staff'], staffStreetId: null } });
    expect(code(await call(nobody.token, { action: 'manageOverview' }))).toBe('FORBIDDEN');
    expect(code(await call(nobody.token, { action: 'managedActivities' }))).toBe('FORBIDDEN');
    const volunteer = await makeVolunteer(t, 'v-curious');
    expect(code(await call(volunteer.token, { action: 'pendingCorrections' }))).toBe('FORBIDDEN');
  });
});

describe('privacy in the staff views', () => {
  it('never shows an ID number; roster phones are masked but on the activity\'s day', async () => {
    const staff = await makeStaff(t, 'staff-nan', 'st-nandajie');
    const person = await loginAs(t, 'v-with-id');
    const application = expectOk<{ id: string }>(await call(person.token, applicationInput({ idNumber: SAMPLE_ID_NUMBER, skills: ['smartphone_teaching'] })));
    expectOk(await call(staff.token, { action: 'approve', applicationId: application.id, skills: ['smartphone_teaching'] }));
    const volunteer = await loginAs(t, 'v-with-id');
    const activity = expectOk<{ id: string; startsAt: string }>(await call(staff.token, classInput(clock.now())));
    expectOk(await call(volunteer.token, { action: 'signUp', activityId: activity.id, role: 'lead' }));

    const dayBefore = expectOk<{ phonesMasked: boolean; items: { phone: string }[] }>(await call(staff.token, { action: 'roster', activityId: activity.id }));
    expect(dayBefore.phonesMasked).toBe(true);
    expect(dayBefore.items[0]!.phone).toBe('139****5678');
    clock.set(new Date(new Date(activity.startsAt).getTime() - 30 * MIN));
    const onTheDay = expectOk<{ phonesMasked: boolean; items: { phone: string }[] }>(await call(staff.token, { action: 'roster', activityId: activity.id }));
    expect(onTheDay).toMatchObject({ phonesMasked: false, items: [{ phone: '13912345678' }] });

    const replies = [
      await call(staff.token, { action: 'roster', activityId: activity.id }),
      await call(staff.token, { action: 'managedActivities' }),
      await call(staff.token, { action: 'managedActivity', activityId: activity.id }),
      await call(staff.token, { action: 'pendingCorrections' }),
      await call(staff.token, { action: 'applications' }),
      await call(staff.token, { action: 'application', applicationId: application.id }),
      await call(staff.token, { action: 'activityHours', activityId: activity.id }),
    ];
    for (const reply of replies) {
      expect(reply.ok).toBe(true);
      expect(JSON.stringify(reply)).not.toContain(SAMPLE_ID_NUMBER);
      expect(JSON.stringify(reply)).not.toContain(SAMPLE_ID_NUMBER.slice(4, 14));
    }
    // The detail names it masked, which is all staff need to know there is one.
    expect(JSON.stringify(replies[5])).toContain(`3204**********${SAMPLE_ID_NUMBER.slice(-4)}`);
  });
});
