/**
 * Every notice a volunteer is owed (issue 12, item 8) reaches their inbox through notify's real
 * intake: application result, place or waiting list, offer with its deadline, offer lapsed, the 24 h
 * and 2 h reminders, changed, cancelled, hours confirmed/corrected and a correction decided. Reminders
 * go to volunteers with a place only and never stay behind a withdrawal, a cancellation or a move.
 * Real parts: the local engine and the whole app; a manual clock.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { NotificationDoc } from '../../cloudfunctions/core/repositories/notification.repository';
import { classInput, createActivityAs, freshDistrictForEachTest, makeStaff, makeVolunteer, VOLUNTEER_TEST_START } from '../helpers/activity-fixtures';
import { notificationsOf } from '../helpers/notify-fixtures';
import { expectOk, loginAs, type TestApp } from '../helpers/test-app';
import { applicationInput, SAMPLE_ID_NUMBER } from '../helpers/volunteer-registration-fixtures';

jest.setTimeout(90_000);

const HOUR = 3_600_000;
const clock = manualClock(VOLUNTEER_TEST_START);
let t: TestApp;
freshDistrictForEachTest(clock, (app) => (t = app));

const call = (token: string, event: Record<string, unknown>) => t.callAs(token, 'volunteer', event);
const inboxTypes = async (token: string): Promise<string[]> =>
  expectOk<{ items: { type: string }[] }>(await t.callAs(token, 'notify', { action: 'list', page: 1, pageSize: 50 })).items.map((i) => i.type).sort();
const reminders = (userId: string, extra: Record<string, unknown> = {}): Promise<NotificationDoc[]> => notificationsOf(t, { userId, kind: 'reminder', ...extra });
const live = (docs: NotificationDoc[]) => docs.filter((d) => d.withdrawnAt === null);

/** Nothing a notice says names an ID number or a phone: title, body and the WeChat fields. */
function expectNoIdOrPhone(docs: NotificationDoc[]): void {
  expect(docs.length).toBeGreaterThan(0);
  for (const doc of docs) {
    const text = JSON.stringify({ title: doc.title, body: doc.body, fields: doc.fields, page: doc.page });
    expect(text).not.toMatch(/1\d{10}/);
    expect(text).not.toContain(SAMPLE_ID_NUMBER.slice(0, 14));
  }
}

describe('volunteer notices', () => {
  it('tells the applicant the result either way, without their ID number or phone', async () => {
    const staff = await makeStaff(t, 'approver');
    const a = await loginAs(t, 'applicant-a');
    const b = await loginAs(t, 'applicant-b');
    const first = expectOk<{ id: string }>(await call(a.token, applicationInput({ idNumber: SAMPLE_ID_NUMBER })));
    const second = expectOk<{ id: string }>(await call(b.token, applicationInput({ idNumber: SAMPLE_ID_NUMBER, phone: '13955556666' })));
    expectOk(await call(staff.token, { action: 'approve', applicationId: first.id, skills: ['smartphone_teaching'] }));
    expectOk(await call(staff.token, { action: 'reject', applicationId: second.id, reason: '请补充可服务时间' }));
    expect(await inboxTypes(a.token)).toEqual(['volunteer_application_approved']);
    expect(await inboxTypes(b.token)).toEqual(['volunteer_application_rejected']);
    const [rejected] = await notificationsOf(t, { userId: b.userId });
    expect(rejected!.body).toContain('请补充可服务时间');
    expectNoIdOrPhone(await notificationsOf(t));
  });

  it('place, waiting list, offer with its deadline, lapse; reminders 24 h and 2 h before for those with a place', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = await createActivityAs(t, staff.token, classInput(clock.now()));
    const startsAt = new Date(activity.startsAt);
    const [a, b, c] = [await makeVolunteer(t, 'v-a'), await makeVolunteer(t, 'v-b'), await makeVolunteer(t, 'v-c')];
    for (const v of [a, b, c]) expectOk(await call(v.token, { action: 'signUp', activityId: activity.id, role: 'lead' }));
    expect(await inboxTypes(a.token)).toEqual(['activity_signup_placed', 'volunteer_application_approved']);
    expect(await inboxTypes(b.token)).toEqual(['activity_signup_waiting', 'volunteer_application_approved']);

    // Only the placed volunteer has reminders, due 24 h and 2 h before, for the activity's start.
    expect((await reminders(a.userId)).map((r) => [r.type, r.dueAt.toISOString(), r.startsAt?.toISOString(), r.group]).sort()).toEqual([
      ['activity_reminder_24h', new Date(startsAt.getTime() - 24 * HOUR).toISOString(), startsAt.toISOString(), 'booking_reminder'],
      ['activity_reminder_2h', new Date(startsAt.getTime() - 2 * HOUR).toISOString(), startsAt.toISOString(), 'booking_reminder'],
    ]);
    expect(await reminders(b.userId)).toEqual([]);
    const [dayBefore] = await reminders(a.userId, { type: 'activity_reminder_24h' });
    expect(dayBefore).toMatchObject({ title: '活动提醒', fields: { service: '志愿活动', place: '小营前社区活动室', note: '还有一天，请按时到场' } });
    expect(dayBefore!.body).toContain('智能手机入门课');
    expect(dayBefore!.page).toContain(`activityId=${activity.id}`);

    // a gives the place up: their reminders go, b is offered it with a deadline.
    expectOk(await call(a.token, { action: 'withdraw', activityId: activity.id }));
    expect(live(await reminders(a.userId))).toEqual([]);
    const [offer] = await notificationsOf(t, { userId: b.userId, type: 'activity_offer' });
    expect(offer!.body).toMatch(/请在 .+ 前确认/);
    expect(await inboxTypes(a.token)).toEqual(['activity_signup_placed', 'volunteer_application_approved']);

    // b lets it lapse: told so, and c is offered it next; neither has reminders.
    clock.advance(12 * HOUR + 1);
    await t.app.services.activityMaintenance.expireOffers();
    expect(await inboxTypes(b.token)).toEqual(['activity_offer', 'activity_offer_lapsed', 'activity_signup_waiting', 'volunteer_application_approved']);
    expect(await reminders(b.userId)).toEqual([]);

    // c confirms: a place now, with both reminders.
    expectOk(await call(c.token, { action: 'confirmOffer', activityId: activity.id }));
    expect(await inboxTypes(c.token)).toEqual(['activity_offer', 'activity_signup_placed', 'activity_signup_waiting', 'volunteer_application_approved']);
    expect(live(await reminders(c.userId)).map((r) => r.type).sort()).toEqual(['activity_reminder_24h', 'activity_reminder_2h']);

    // The reminder shows in the inbox once due, not before.
    expect(await inboxTypes(c.token)).not.toContain('activity_reminder_24h');
    clock.set(new Date(startsAt.getTime() - 24 * HOUR));
    expect(await inboxTypes(c.token)).toContain('activity_reminder_24h');
    expectNoIdOrPhone(await notificationsOf(t));
  });

  it('volunteers signing up at once each keep both reminders: one event never withdraws another volunteer\'s', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = await createActivityAs(t, staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: 8, skills: [] }] }));
    const volunteers = [];
    for (let i = 0; i < 8; i += 1) volunteers.push(await makeVolunteer(t, `v-${i}`));
    await Promise.all(volunteers.map(async (v) => expectOk(await call(v.token, { action: 'signUp', activityId: activity.id, role: 'assist' }))));
    for (const v of volunteers) expect(live(await reminders(v.userId)).map((r) => r.type).sort()).toEqual(['activity_reminder_24h', 'activity_reminder_2h']);
  });

  it('a changed activity is told to those signed up; a cancelled one is told with its reason and its reminders withdrawn', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = await createActivityAs(t, staff.token, classInput(clock.now()));
    const a = await makeVolunteer(t, 'v-a');
    expectOk(await call(a.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));
    expectOk(await call(staff.token, { action: 'updateActivity', activityId: activity.id, changes: { place: '小营前社区二楼' } }));
    expect(await inboxTypes(a.token)).toContain('activity_changed');
    expect(live(await reminders(a.userId))).toHaveLength(2);

    expectOk(await call(staff.token, { action: 'cancelActivity', activityId: activity.id, reason: '场地维修' }));
    const [cancelled] = await notificationsOf(t, { userId: a.userId, type: 'activity_cancelled' });
    expect(cancelled!.body).toContain('原因：场地维修');
    expect(live(await reminders(a.userId))).toEqual([]);
    // Nothing of it goes out on WeChat when the time comes either.
    clock.set(new Date(new Date(activity.startsAt).getTime() - 24 * HOUR));
    await t.app.services.notify.deliver();
    expect((await reminders(a.userId)).map((r) => r.push)).toEqual(['withdrawn', 'withdrawn']);
    expect(await inboxTypes(a.token)).not.toContain('activity_reminder_24h');
  });

  it('a moved activity: the old time is not reminded of, the new one is', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = await createActivityAs(t, staff.token, classInput(clock.now()));
    const a = await makeVolunteer(t, 'v-a');
    expectOk(await call(a.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));
    const oldStart = new Date(activity.startsAt);
    const newStart = new Date(oldStart.getTime() + 24 * HOUR);
    // The API refuses to move an activity someone holds a place in; the record moved underneath
    // (as a later change could) must still not send a reminder of the old time.
    await t.app.repos.activities.updateActivity(activity.id, { startsAt: newStart, endsAt: new Date(newStart.getTime() + 2 * HOUR) }, clock.now());
    clock.set(new Date(oldStart.getTime() - 24 * HOUR));
    await t.app.services.notify.deliver();
    const [oldDayBefore] = await reminders(a.userId, { type: 'activity_reminder_24h', startsAt: oldStart });
    expect(oldDayBefore).toMatchObject({ push: 'withdrawn' });

    // The next event about the volunteer's place brings the reminders of the new time.
    expectOk(await call(staff.token, { action: 'updateActivity', activityId: activity.id, changes: { bring: '老花镜、手机' } }));
    expect(live(await reminders(a.userId)).map((r) => [r.type, r.startsAt?.toISOString()]).sort()).toEqual([
      ['activity_reminder_24h', newStart.toISOString()],
      ['activity_reminder_2h', newStart.toISOString()],
    ]);
  });

  it('hours confirmed, corrected, and a correction approved or not are each told to the volunteer', async () => {
    const staff = await makeStaff(t, 'staff-1');
    const activity = await createActivityAs(t, staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: 3, skills: [] }] }));
    const [a, b] = [await makeVolunteer(t, 'v-a'), await makeVolunteer(t, 'v-b')];
    for (const v of [a, b]) expectOk(await call(v.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));
    const startsAt = new Date(activity.startsAt).getTime();
    const code = async () => expectOk<{ code: string }>(await call(staff.token, { action: 'attendanceCode', activityId: activity.id })).code;
    clock.set(new Date(startsAt - 10 * 60_000));
    for (const v of [a, b]) expectOk(await call(v.token, { action: 'checkIn', activityId: activity.id, code: await code() }));
    clock.set(new Date(startsAt + 2 * HOUR - 5 * 60_000));
    for (const v of [a, b]) expectOk(await call(v.token, { action: 'checkOut', activityId: activity.id, code: await code() }));

    expectOk(await call(staff.token, { action: 'confirmHours', activityId: activity.id, volunteerId: a.userId }));
    expectOk(await call(staff.token, { action: 'correctHours', activityId: activity.id, volunteerId: b.userId, hours: 1, reason: '中途离开' }));
    expectOk(await call(b.token, { action: 'requestCorrection', activityId: activity.id, hours: 1.5, reason: '我没有离开' }));
    expectOk(await call(staff.token, { action: 'decideCorrection', activityId: activity.id, volunteerId: b.userId, decision: 'reject', reason: '签到记录为准' }));
    expectOk(await call(b.token, { action: 'requestCorrection', activityId: activity.id, hours: 1.5, reason: '有照片' }));
    expectOk(await call(staff.token, { action: 'decideCorrection', activityId: activity.id, volunteerId: b.userId, decision: 'approve', hours: 1.5 }));

    const hoursOf = async (userId: string) => (await notificationsOf(t, { userId, 'subject.kind': 'volunteer_hours' })).map((n) => n.type).sort();
    expect(await hoursOf(a.userId)).toEqual(['volunteer_hours_confirmed']);
    expect(await hoursOf(b.userId)).toEqual(['volunteer_hours_corrected', 'volunteer_hours_correction_approved', 'volunteer_hours_correction_rejected']);
    const [rejected] = await notificationsOf(t, { userId: b.userId, type: 'volunteer_hours_correction_rejected' });
    expect(rejected!.body).toContain('签到记录为准');
    expectNoIdOrPhone(await notificationsOf(t));
  });
});
