/** Fixtures for certificate tests: a volunteer worth certifying and activities they serve in full. */
import { AttendanceCodes } from '../../cloudfunctions/core/services/attendance/attendance-code';
import { windowOf } from '../../shared/domain/volunteer/attendance-window';
import { classInput, makeStaff } from './activity-fixtures';
import { expectOk, loginAs, TEST_ATTENDANCE_SECRET, type TestApp } from './test-app';
import { applicationInput, SAMPLE_ID_NUMBER } from './volunteer-registration-fixtures';

const MIN = 60_000;
const DAY = 24 * 3600_000;
const codes = new AttendanceCodes(TEST_ATTENDANCE_SECRET);

type SettableClock = { now(): Date; set(at: Date | string): void };

/**
 * 王喆 (喆 is one of the characters GB2312 fonts lack) applies from 小营前社区 with an ID number and
 * is approved by 陈干事, staff of 南大街街道; the clock stays where it was.
 */
export async function certifiableVolunteer(t: TestApp, openid = 'cert-volunteer') {
  const approver = await makeStaff(t, 'cert-approver');
  expectOk(await t.callAs(approver.token, 'user', { action: 'updateProfile', name: '陈干事', phone: '13900000002' }));
  const user = await loginAs(t, openid);
  const application = expectOk<{ id: string }>(await t.callAs(user.token, 'volunteer', applicationInput({ name: '王喆', idNumber: SAMPLE_ID_NUMBER, communityId: 'cm-xiaoying' })));
  expectOk(await t.callAs(approver.token, 'volunteer', { action: 'approve', applicationId: application.id, skills: ['smartphone_teaching'] }));
  const volunteer = await loginAs(t, openid);
  const number = (await t.app.repos.volunteers.numberOf(volunteer.userId))!;
  return { approver, volunteer, number };
}

/**
 * An activity `daysOn` days after the clock (2 h) that `volunteer` serves in full: checked in 5
 * minutes early and out 5 minutes late, so the record is exactly 2 h (pending until decided).
 */
export async function serveActivity(
  t: TestApp,
  clock: SettableClock,
  staffToken: string,
  volunteer: { token: string },
  title: string,
  daysOn: number,
  /** exports: another 社区 (an activity of another 街道) and such. */
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const base = clock.now();
  const startsAt = new Date(base.getTime() + daysOn * DAY);
  const activity = expectOk<{ id: string }>(
    await t.callAs(staffToken, 'volunteer', classInput(base, {
      title,
      roles: [{ code: 'assist', label: '助教', count: 3, skills: [] }],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      signUpClosesAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
      withdrawCutoffAt: new Date(startsAt.getTime() - DAY).toISOString(),
      ...overrides,
    })),
  );
  expectOk(await t.callAs(volunteer.token, 'volunteer', { action: 'signUp', activityId: activity.id, role: 'assist' }));
  clock.set(new Date(startsAt.getTime() - 5 * MIN));
  expectOk(await t.callAs(volunteer.token, 'volunteer', { action: 'checkIn', activityId: activity.id, code: codes.codeFor(activity.id, windowOf(clock.now())) }));
  clock.set(new Date(startsAt.getTime() + 2 * 3600_000 + 5 * MIN));
  expectOk(await t.callAs(volunteer.token, 'volunteer', { action: 'checkOut', activityId: activity.id, code: codes.codeFor(activity.id, windowOf(clock.now())) }));
  clock.set(base);
  return activity.id;
}
