/**
 * Activities, sign-up, waiting list and offers against the real engine: the path and each refusal.
 * Each test takes a fresh database with the demo district (communities and streets).
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { expectOk, type TestApp } from '../helpers/test-app';
import { classInput, createActivityAs, freshDistrictForEachTest, makeStaff, makeVolunteer, VOLUNTEER_TEST_START } from '../helpers/activity-fixtures';
import { codeOf } from '../helpers/volunteer-registration-fixtures';

jest.setTimeout(60_000);

const clock = manualClock(VOLUNTEER_TEST_START);
let t: TestApp;
freshDistrictForEachTest(clock, (app) => (t = app));

const call = (token: string, event: Record<string, unknown>) => t.callAs(token, 'volunteer', event);
// A stable code, or 'ok'.
const code = codeOf;

async function createClass(overrides: Record<string, unknown> = {}) {
  const staff = await makeStaff(t, 'staff-1');
  const activity = await createActivityAs(t, staff.token, classInput(clock.now(), overrides));
  return { staff, activityId: activity.id };
}

describe('volunteer activities', () => {
  it('signs up, fills a role, waits, offers the freed place and confirms it', async () => {
    const { activityId } = await createClass();
    const [a, b, c] = [await makeVolunteer(t, 'v-a'), await makeVolunteer(t, 'v-b'), await makeVolunteer(t, 'v-c')];
    expect(expectOk(await call(a.token, { action: 'signUp', activityId, role: 'lead' }))).toMatchObject({ state: 'placed' });
    expect(expectOk(await call(b.token, { action: 'signUp', activityId, role: 'lead' }))).toMatchObject({ state: 'waiting' });
    expect(expectOk(await call(c.token, { action: 'signUp', activityId, role: 'lead' }))).toMatchObject({ state: 'waiting' });
    expect(expectOk<{ items: { position: number }[] }>(await call(c.token, { action: 'myPlaces' })).items[0]).toMatchObject({ state: 'waiting', position: 2 });

    expect(expectOk(await call(a.token, { action: 'withdraw', activityId }))).toMatchObject({ state: 'withdrawn' });
    const offered = expectOk<{ items: { state: string; offerExpiresAt: string }[] }>(await call(b.token, { action: 'myPlaces' })).items[0]!;
    expect(offered.state).toBe('offered');
    // 12 h from now: the start is two days away.
    expect(offered.offerExpiresAt).toBe(new Date(clock.now().getTime() + 12 * 3600_000).toISOString());
    expect(expectOk(await call(b.token, { action: 'confirmOffer', activityId }))).toMatchObject({ state: 'placed' });
    expect(code(await call(b.token, { action: 'confirmOffer', activityId }))).toBe('NO_OPEN_OFFER');
    const events = await t.app.repos.outbox.list({ subject: { kind: 'activity', id: activityId } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['activity_signup_placed', 'activity_signup_waiting', 'activity_offer']));
  });

  it('an offer not confirmed in time passes to the next', async () => {
    const { activityId } = await createClass();
    const [a, b, c] = [await makeVolunteer(t, 'v-a'), await makeVolunteer(t, 'v-b'), await makeVolunteer(t, 'v-c')];
    for (const v of [a, b, c]) expectOk(await call(v.token, { action: 'signUp', activityId, role: 'lead' }));
    expectOk(await call(a.token, { action: 'withdraw', activityId }));
    clock.advance(12 * 3600_000 + 1);
    expect(code(await call(b.token, { action: 'confirmOffer', activityId }))).toBe('OFFER_EXPIRED');
    expect(expectOk(await t.app.services.activityMaintenance.expireOffers().then((r) => ({ ok: true as const, data: r })))).toEqual({ lapsed: 1 });
    expect(expectOk<{ items: unknown[] }>(await call(b.token, { action: 'myPlaces' })).items).toEqual([]);
    expect(expectOk<{ items: { state: string }[] }>(await call(c.token, { action: 'myPlaces' })).items[0]).toMatchObject({ state: 'offered' });
    const lapsed = await t.app.repos.outbox.list({ subject: { kind: 'activity', id: activityId }, type: 'activity_offer_lapsed' });
    expect(lapsed.map((e) => e.recipients)).toEqual([[b.userId]]);
  });

  it('refuses a second place, an overlap, a skill that does not fit, a closed window and a late withdrawal', async () => {
    const { staff, activityId } = await createClass();
    const a = await makeVolunteer(t, 'v-a');
    const noSkill = await makeVolunteer(t, 'v-n', ['performing_arts']);
    expectOk(await call(a.token, { action: 'signUp', activityId, role: 'assist' }));
    expect(code(await call(a.token, { action: 'signUp', activityId, role: 'lead' }))).toBe('ALREADY_SIGNED_UP');
    const other = (await createActivityAs(t, staff.token, classInput(clock.now(), { title: '同一时间的课' }))).id;
    expect(code(await call(a.token, { action: 'signUp', activityId: other, role: 'assist' }))).toBe('OVERLAPPING_ACTIVITY');
    expect(code(await call(noSkill.token, { action: 'signUp', activityId, role: 'lead' }))).toBe('SKILLS_MISMATCH');
    clock.advance(47 * 3600_000);
    expect(code(await call(noSkill.token, { action: 'signUp', activityId, role: 'assist' }))).toBe('SIGNUP_CLOSED');
    const late = await call(a.token, { action: 'withdraw', activityId });
    expect(late).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_CLOSED', details: { contactPhone: '13800000001' } } });
    expect((late as { error: { message: string } }).error.message).toContain('13800000001');
  });

  it('staff of another 街道 cannot organize here; cancelling tells those signed up and frees their time', async () => {
    const { staff, activityId } = await createClass();
    const stranger = await makeStaff(t, 'staff-2', 'st-wuxing');
    expect(code(await call(stranger.token, classInput(clock.now())))).toBe('FORBIDDEN');
    expect(code(await call(stranger.token, { action: 'cancelActivity', activityId, reason: '下雨' }))).toBe('NOT_FOUND');
    const a = await makeVolunteer(t, 'v-a');
    expectOk(await call(a.token, { action: 'signUp', activityId, role: 'lead' }));
    expect(code(await call(staff.token, { action: 'updateActivity', activityId, changes: { startsAt: new Date(clock.now().getTime() + 3 * 86400_000).toISOString() } }))).toBe('ACTIVITY_HAS_SIGNUPS');
    expectOk(await call(staff.token, { action: 'cancelActivity', activityId, reason: '场地维修' }));
    const cancelled = await t.app.repos.outbox.list({ subject: { kind: 'activity', id: activityId }, type: 'activity_cancelled' });
    expect(cancelled[0]?.recipients).toEqual([a.userId]);
    expect(await t.app.repos.holds.locksOf({ kind: 'activity', id: `${activityId}:${a.userId}` })).toEqual([]);
    expect(code(await call(a.token, { action: 'signUp', activityId, role: 'assist' }))).toBe('ACTIVITY_CANCELLED');
  });

  it('a weekly series creates its sessions and is cancelled from a date on', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const { action: _a, startsAt: _s, endsAt: _e, signUpOpensAt: _o, signUpClosesAt: _c, withdrawCutoffAt: _w, ...text } = classInput(clock.now());
    const series = expectOk<{ seriesId: string; activities: { startsAt: string }[] }>(
      await call(staff.token, {
        ...text,
        action: 'createSeries',
        firstDate: '2026-12-02',
        lastDate: '2026-12-30',
        startTime: '09:00',
        endTime: '11:00',
        signUpOpensDaysBefore: 14,
        signUpClosesHoursBefore: 2,
        withdrawCutoffHoursBefore: 24,
      }),
    );
    expect(series.activities.map((a) => new Date(a.startsAt).toISOString())).toEqual(['02', '09', '16', '23', '30'].map((d) => `2026-12-${d}T01:00:00.000Z`));
    expect(expectOk(await call(staff.token, { action: 'cancelSeriesFrom', seriesId: series.seriesId, fromDate: '2026-12-16', reason: '寒假' }))).toEqual({ cancelled: 3 });
    const v = await makeVolunteer(t, 'v-a');
    expect(expectOk<{ total: number }>(await call(v.token, { action: 'activities' })).total).toBe(2);
  });

  it('a sign-up cut off between its two writes is finished by repair', async () => {
    const { activityId } = await createClass();
    const a = await makeVolunteer(t, 'v-a');
    const signupId = `${activityId}:${a.userId}`;
    const activity = (await t.app.repos.activities.findById(activityId))!;
    // The record went in, the seat too, then the process died before the state was written.
    await t.app.repos.activities.insertSignup({ _id: signupId, activityId, userId: a.userId, role: 'lead', state: 'holding', ticket: null, offerId: null, offerExpiresAt: null, startsAt: activity.startsAt, createdAt: clock.now(), updatedAt: clock.now() });
    await t.app.repos.holds.takeSeat(`place:${activityId}:lead`, 1, { kind: 'activity', id: signupId }, activity.startsAt, clock.now());
    clock.advance(3 * 60_000);
    expect((await t.app.services.activityMaintenance.repair()).resumed).toBe(1);
    expect(await t.app.repos.activities.findSignup(signupId)).toMatchObject({ state: 'placed' });
    expect(await t.app.repos.holds.seatsIn(`place:${activityId}:lead`)).toHaveLength(1);
    expect(await t.app.repos.holds.locksOf({ kind: 'activity', id: signupId })).toHaveLength(24);
  });
});
