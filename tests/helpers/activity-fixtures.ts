import type { TestApp } from './test-app';
import { createTestApp, expectOk, loginAs } from './test-app';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import type { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { VolunteerSkill } from '../../shared/domain/volunteer/registration-codes';
import { applicationInput } from './volunteer-registration-fixtures';

/**
 * A volunteer the way one comes to be: they apply with these skills and staff of their 街道 approve
 * them all (the role, and the skills activities read, come from that approval).
 */
export async function makeVolunteer(t: TestApp, openid: string, skills: VolunteerSkill[] = ['smartphone_teaching']): Promise<{ token: string; userId: string }> {
  const user = await loginAs(t, openid);
  const approver = await makeStaff(t, 'volunteer-approver');
  const application = expectOk<{ id: string }>(await t.callAs(user.token, 'volunteer', applicationInput({ skills })));
  expectOk(await t.callAs(approver.token, 'volunteer', { action: 'approve', applicationId: application.id, skills }));
  // A fresh token: roles are read from the session's user at each call, but keep the shape explicit.
  return loginAs(t, openid);
}

export async function makeStaff(t: TestApp, openid: string, streetId = 'st-nandajie'): Promise<{ token: string; userId: string }> {
  const user = await loginAs(t, openid);
  await t.app.services.users.grantRoles(user.userId, ['staff'], streetId);
  return user;
}

/** A class two days after `now` at 09:00–11:00 Shanghai, sign-up open from now, cut-off a day before. */
export function classInput(now: Date, overrides: Record<string, unknown> = {}) {
  const start = new Date(now.getTime() + 2 * 24 * 3600_000);
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    action: 'createActivity',
    kind: 'tech_class',
    title: '智能手机入门课',
    description: '教老人用手机挂号',
    place: '小营前社区活动室',
    communityId: 'cm-xiaoying',
    roles: [
      { code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] },
      { code: 'assist', label: '助教', count: 2, skills: [] },
    ],
    riskNote: '',
    insuranceRequired: false,
    bring: '老花镜',
    contactPhone: '13800000001',
    startsAt: at(start.getTime()),
    endsAt: at(start.getTime() + 2 * 3600_000),
    signUpOpensAt: at(now.getTime() - 60_000),
    signUpClosesAt: at(start.getTime() - 3600_000),
    withdrawCutoffAt: at(start.getTime() - 24 * 3600_000),
    ...overrides,
  };
}

/** What `createActivity` answers (the view `activity` shows), as far as the tests read it. */
export type CreatedActivity = { id: string; startsAt: string; endsAt: string };

/** Creates an activity through the API as the given staff member (input as `classInput` makes it). */
export async function createActivityAs(t: TestApp, staffToken: string, input: Record<string, unknown>): Promise<CreatedActivity> {
  return expectOk<CreatedActivity>(await t.callAs(staffToken, 'volunteer', input));
}

/** The moment the volunteer integration tests start at (a Monday, 08:00 Shanghai). */
export const VOLUNTEER_TEST_START = '2026-11-30T00:00:00Z';

/**
 * Gives each test of the file a fresh database with the demo district (communities and streets),
 * its manual clock set back to `start` first, and hands the app to `set`, so a file keeps a plain
 * `let t` for its tests to use.
 */
export function freshDistrictForEachTest(clock: ReturnType<typeof manualClock>, set: (t: TestApp) => void, start = VOLUNTEER_TEST_START): void {
  let current: TestApp | undefined;
  beforeEach(async () => {
    clock.set(start);
    current = await createTestApp({ clock });
    await seedDemoDistrict(current.app);
    set(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}
