/**
 * Check-in and check-out with the rotating code, the roster and the hours ledger against the real
 * engine: the path and each refusal. Each test takes a fresh database with the demo district.
 */
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { AttendanceCodes } from '../../cloudfunctions/core/services/attendance/attendance-code';
import { windowOf } from '../../shared/domain/volunteer/attendance-window';
import { expectOk, TEST_ATTENDANCE_SECRET, type TestApp } from '../helpers/test-app';
import { classInput, createActivityAs, freshDistrictForEachTest, makeStaff, makeVolunteer, VOLUNTEER_TEST_START } from '../helpers/activity-fixtures';
import { codeOf } from '../helpers/volunteer-registration-fixtures';

jest.setTimeout(60_000);

const clock = manualClock(VOLUNTEER_TEST_START);
let t: TestApp;
freshDistrictForEachTest(clock, (app) => (t = app));

const MIN = 60_000;
const call = (token: string, event: Record<string, unknown>) => t.callAs(token, 'volunteer', event);
// A stable code, or 'ok'.
const code = codeOf;
const marks = () => t.db.collection('attendance_marks').find({}).toArray();

type Roster = { counts: Record<string, number>; phonesMasked: boolean; items: { userId: string; state: string; phone: string; autoClosed: boolean }[] };
type Hours = { items: { status: string; hours: number; computedHours: number; history: { type: string; actorId: string; reason: string | null }[] }[]; yearTotal: number; allTimeTotal: number; pendingTotal: number };

/** A class (09:00–11:00 Shanghai two days on) with `placed` volunteers in it; the clock still at creation. */
async function classWith(placed: number) {
  const staff = await makeStaff(t, 'staff-1');
  const activity = await createActivityAs(t, staff.token, classInput(clock.now(), { roles: [{ code: 'assist', label: '助教', count: 5, skills: [] }] }));
  const volunteers = [];
  for (let i = 0; i < placed; i += 1) {
    const v = await makeVolunteer(t, `v-${i}`);
    expectOk(await call(v.token, { action: 'signUp', activityId: activity.id, role: 'assist' }));
    volunteers.push(v);
  }
  const startsAt = new Date(activity.startsAt).getTime();
  const endsAt = new Date(activity.endsAt).getTime();
  return { staff, activityId: activity.id, startsAt, endsAt, volunteers };
}

const shownCode = async (staffToken: string, activityId: string) => expectOk<{ code: string; qr: string; refreshAt: string }>(await call(staffToken, { action: 'attendanceCode', activityId }));

describe('check-in and check-out', () => {
  it('checks in and out with the shown code, the roster follows, the hours start pending and are confirmed', async () => {
    const { staff, activityId, startsAt, endsAt, volunteers } = await classWith(2);
    const [a, b] = volunteers as [{ token: string; userId: string }, { token: string; userId: string }];
    clock.set(new Date(startsAt - 10 * MIN));
    const shown = await shownCode(staff.token, activityId);
    expect(shown.qr).toBe(`yinling-checkin:1:${activityId}:${shown.code}`);
    expect(new Date(shown.refreshAt).getTime() - clock.now().getTime()).toBeLessThanOrEqual(30_000);
    expect(expectOk(await call(a.token, { action: 'checkIn', activityId, code: shown.code }))).toMatchObject({ checkedInAt: clock.now().toISOString() });

    const roster = expectOk<Roster>(await call(staff.token, { action: 'roster', activityId }));
    expect(roster.counts).toEqual({ arrived: 1, notYet: 1, withdrawn: 0 });
    expect(roster.items.find((i) => i.userId === a.userId)!.state).toBe('arrived');
    // The activity's day (Shanghai): the organizer sees the full phone to call a latecomer.
    expect(roster.phonesMasked).toBe(false);
    expect(roster.items[0]!.phone).toMatch(/^1\d{10}$/);

    clock.set(new Date(endsAt - 25 * MIN));
    const out = expectOk<{ hours: number; status: string }>(await call(a.token, { action: 'checkOut', activityId, code: (await shownCode(staff.token, activityId)).code }));
    // 09:00 (clipped from 08:50) to 10:35: 95 minutes, down to the half hour.
    expect(out).toMatchObject({ hours: 1.5, status: 'pending' });
    expect(expectOk<Roster>(await call(staff.token, { action: 'roster', activityId })).items.find((i) => i.userId === a.userId)!.state).toBe('left');

    const mine = expectOk<Hours>(await call(a.token, { action: 'myHours' }));
    expect(mine).toMatchObject({ yearTotal: 0, allTimeTotal: 0, pendingTotal: 1.5 });
    expect(mine.items[0]).toMatchObject({ status: 'pending', hours: 1.5 });

    expectOk(await call(staff.token, { action: 'confirmHours', activityId, volunteerId: a.userId }));
    const after = expectOk<Hours>(await call(a.token, { action: 'myHours' }));
    expect(after).toMatchObject({ yearTotal: 1.5, allTimeTotal: 1.5, pendingTotal: 0 });
    expect(after.items[0]!.history).toEqual([expect.objectContaining({ type: 'confirmed', actorId: staff.userId })]);
    const events = await t.app.repos.outbox.list({ subject: { kind: 'volunteer_hours', id: `${activityId}:${a.userId}` } });
    expect(events.map((e) => [e.type, e.recipients])).toEqual([['volunteer_hours_confirmed', [a.userId]]]);
    const inbox = await t.db.collection('notifications').find({ userId: a.userId }).toArray();
    expect(inbox.map((n) => n.title)).toContain('服务时长已确认');
    expect(b).toBeDefined();
  });

  it('refuses outside the time window, a foreign code, an expired code, a replay and someone without a place; none writes', async () => {
    const { staff, activityId, startsAt, endsAt, volunteers } = await classWith(2);
    const [a, b] = volunteers as [{ token: string; userId: string }, { token: string; userId: string }];
    const outsider = await makeVolunteer(t, 'v-out');
    // Signed up, then withdrew: a sign-up that holds no place.
    const quitter = await makeVolunteer(t, 'v-quit');
    expectOk(await call(quitter.token, { action: 'signUp', activityId, role: 'assist' }));
    expectOk(await call(quitter.token, { action: 'withdraw', activityId }));
    const other = (await createActivityAs(t, staff.token, classInput(clock.now(), { title: '另一节课', startsAt: new Date(startsAt + 3 * 24 * 3600_000).toISOString(), endsAt: new Date(endsAt + 3 * 24 * 3600_000).toISOString() }))).id;
    const codes = new AttendanceCodes(TEST_ATTENDANCE_SECRET);

    clock.set(new Date(startsAt - 31 * MIN));
    expect(code(await call(staff.token, { action: 'attendanceCode', activityId }))).toBe('ATTENDANCE_CLOSED');
    expect(code(await call(a.token, { action: 'checkIn', activityId, code: codes.codeFor(activityId, windowOf(clock.now())) }))).toBe('ATTENDANCE_CLOSED');

    clock.set(new Date(startsAt - 5 * MIN));
    expect(code(await call(a.token, { action: 'checkIn', activityId, code: codes.codeFor(other, windowOf(clock.now())) }))).toBe('CODE_INVALID');
    const old = (await shownCode(staff.token, activityId)).code;
    clock.advance(60_000);
    expect(code(await call(a.token, { action: 'checkIn', activityId, code: old }))).toBe('CODE_EXPIRED');
    expect(code(await call(outsider.token, { action: 'checkIn', activityId, code: (await shownCode(staff.token, activityId)).code }))).toBe('NOT_PLACED');
    expect(code(await call(quitter.token, { action: 'checkIn', activityId, code: (await shownCode(staff.token, activityId)).code }))).toBe('NOT_PLACED');
    expect(code(await call(b.token, { action: 'checkOut', activityId, code: (await shownCode(staff.token, activityId)).code }))).toBe('NOT_CHECKED_IN');
    expect(await marks()).toEqual([]);

    // The previous window's code still counts (a scan at the turn of a window).
    const fresh = (await shownCode(staff.token, activityId)).code;
    clock.advance(30_000);
    expectOk(await call(a.token, { action: 'checkIn', activityId, code: fresh }));
    expect(code(await call(a.token, { action: 'checkIn', activityId, code: fresh }))).toBe('CODE_REPLAYED');
    clock.advance(60_000);
    expect(code(await call(a.token, { action: 'checkIn', activityId, code: (await shownCode(staff.token, activityId)).code }))).toBe('ALREADY_CHECKED_IN');
    const now = (await shownCode(staff.token, activityId)).code;
    expectOk(await call(a.token, { action: 'checkOut', activityId, code: now }));
    expect(code(await call(a.token, { action: 'checkOut', activityId, code: now }))).toBe('CODE_REPLAYED');
    expect(await marks()).toHaveLength(2);

    clock.set(new Date(endsAt + 61 * MIN));
    expect(code(await call(b.token, { action: 'checkIn', activityId, code: codes.codeFor(activityId, windowOf(clock.now())) }))).toBe('ATTENDANCE_CLOSED');
    expect(await marks()).toHaveLength(2);
  });

  it('only the organizers see the code and the roster: staff of another 街道 are refused', async () => {
    const { activityId, startsAt } = await classWith(0);
    const foreign = await makeStaff(t, 'staff-far', 'st-wuxing');
    clock.set(new Date(startsAt));
    expect(code(await call(foreign.token, { action: 'attendanceCode', activityId }))).toBe('FORBIDDEN');
    expect(code(await call(foreign.token, { action: 'roster', activityId }))).toBe('FORBIDDEN');
    const colleague = await makeStaff(t, 'staff-2');
    expectOk(await call(colleague.token, { action: 'attendanceCode', activityId }));
  });

  it('masks phones on another day and shows withdrawn volunteers', async () => {
    const { staff, activityId, volunteers } = await classWith(2);
    expectOk(await call(volunteers[1]!.token, { action: 'withdraw', activityId }));
    const roster = expectOk<Roster>(await call(staff.token, { action: 'roster', activityId }));
    expect(roster.phonesMasked).toBe(true);
    expect(roster.counts).toEqual({ arrived: 0, notYet: 1, withdrawn: 1 });
    for (const item of roster.items) expect(item.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('a forgotten check-out is closed at the end once check-out has closed, and marked for confirmation', async () => {
    const { staff, activityId, startsAt, endsAt, volunteers } = await classWith(1);
    const a = volunteers[0]!;
    clock.set(new Date(startsAt + 20 * MIN));
    expectOk(await call(a.token, { action: 'checkIn', activityId, code: (await shownCode(staff.token, activityId)).code }));
    clock.set(new Date(endsAt + 59 * MIN));
    expect(await t.app.services.attendance.closeForgotten()).toEqual({ closed: 0, repaired: 0 });
    clock.set(new Date(endsAt + 61 * MIN));
    expect(await t.app.services.attendance.closeForgotten()).toEqual({ closed: 1, repaired: 0 });
    expect(await t.app.services.attendance.closeForgotten()).toEqual({ closed: 0, repaired: 0 });
    const hours = expectOk<{ items: { autoClosed: boolean; hours: number; status: string; checkOutAt: string }[] }>(await call(staff.token, { action: 'activityHours', activityId }));
    // 09:20 to the end at 11:00: 100 minutes → 1.5 h, pending for the organizer to look at.
    expect(hours.items).toEqual([expect.objectContaining({ autoClosed: true, hours: 1.5, status: 'pending', checkOutAt: new Date(endsAt).toISOString() })]);
    expect(expectOk<Roster>(await call(staff.token, { action: 'roster', activityId })).items[0]).toMatchObject({ state: 'left', autoClosed: true });
  });

  it('a check-out cut off between its two writes is finished by the timer', async () => {
    const { staff, activityId, startsAt, endsAt, volunteers } = await classWith(1);
    const a = volunteers[0]!;
    clock.set(new Date(startsAt));
    expectOk(await call(a.token, { action: 'checkIn', activityId, code: (await shownCode(staff.token, activityId)).code }));
    clock.set(new Date(startsAt + 60 * MIN));
    // The crash: the check-out is stored, the record is not.
    await t.db.collection('attendance_marks').insertOne({ _id: `out:${activityId}:${a.userId}` as never, step: 'out', signupId: `${activityId}:${a.userId}`, activityId, userId: a.userId, at: clock.now(), window: windowOf(clock.now()), auto: false, closesAt: null, open: false });
    clock.set(new Date(endsAt + 61 * MIN));
    expect(await t.app.services.attendance.closeForgotten()).toEqual({ closed: 0, repaired: 1 });
    const hours = expectOk<Hours>(await call(a.token, { action: 'myHours' }));
    expect(hours.items[0]).toMatchObject({ hours: 1, status: 'pending' });
  });
});

describe('the hours ledger', () => {
  async function checkedOut() {
    const ctx = await classWith(1);
    const a = ctx.volunteers[0]!;
    clock.set(new Date(ctx.startsAt));
    expectOk(await call(a.token, { action: 'checkIn', activityId: ctx.activityId, code: (await shownCode(ctx.staff.token, ctx.activityId)).code }));
    clock.set(new Date(ctx.endsAt));
    expectOk(await call(a.token, { action: 'checkOut', activityId: ctx.activityId, code: (await shownCode(ctx.staff.token, ctx.activityId)).code }));
    return { ...ctx, a };
  }

  it('a correction with its reason locks the record; later only a request the volunteer makes and staff decide', async () => {
    const { staff, activityId, a } = await checkedOut();
    const record = { activityId, volunteerId: a.userId };
    expect(code(await call(a.token, { action: 'requestCorrection', activityId, hours: 3, reason: '提前到场布置' }))).toBe('HOURS_PENDING');
    expectOk(await call(staff.token, { action: 'correctHours', ...record, hours: 1.5, reason: '中途离开半小时' }));
    expect(code(await call(staff.token, { action: 'confirmHours', ...record }))).toBe('HOURS_LOCKED');
    expect(code(await call(staff.token, { action: 'correctHours', ...record, hours: 2, reason: '改回' }))).toBe('HOURS_LOCKED');
    expect(code(await call(staff.token, { action: 'decideCorrection', ...record, decision: 'approve', hours: 2 }))).toBe('NO_OPEN_CORRECTION');

    expectOk(await call(a.token, { action: 'requestCorrection', activityId, hours: 2, reason: '我没有离开' }));
    expect(code(await call(a.token, { action: 'requestCorrection', activityId, hours: 2, reason: '再问一次' }))).toBe('CORRECTION_OPEN');
    expectOk(await call(staff.token, { action: 'decideCorrection', ...record, decision: 'reject', reason: '签到记录显示离开' }));
    expect(expectOk<Hours>(await call(a.token, { action: 'myHours' })).items[0]).toMatchObject({ status: 'corrected', hours: 1.5 });

    expectOk(await call(a.token, { action: 'requestCorrection', activityId, hours: 2, reason: '有照片为证' }));
    expectOk(await call(staff.token, { action: 'decideCorrection', ...record, decision: 'approve', hours: 2, reason: '看了照片' }));
    const mine = expectOk<Hours>(await call(a.token, { action: 'myHours' }));
    expect(mine).toMatchObject({ yearTotal: 2, allTimeTotal: 2 });
    expect(mine.items[0]!.history.map((h) => [h.type, h.actorId, h.reason])).toEqual([
      ['corrected', staff.userId, '中途离开半小时'],
      ['correction_requested', a.userId, '我没有离开'],
      ['correction_rejected', staff.userId, '签到记录显示离开'],
      ['correction_requested', a.userId, '有照片为证'],
      ['correction_approved', staff.userId, '看了照片'],
    ]);
    const types = (await t.app.repos.outbox.list({ subject: { kind: 'volunteer_hours', id: `${activityId}:${a.userId}` } })).map((e) => e.type).sort();
    expect(types).toEqual(['volunteer_hours_corrected', 'volunteer_hours_correction_approved', 'volunteer_hours_correction_rejected']);
  });

  it('a decision a crash left untold is told by the repair timer, once', async () => {
    const { activityId, a, staff } = await checkedOut();
    const recordId = `${activityId}:${a.userId}`;
    // The crash: the entry is stored, its event is not.
    await t.app.repos.attendance.append({ _id: `${recordId}#1`, recordId, userId: a.userId, seq: 1, type: 'confirmed', actorId: staff.userId, at: clock.now(), reason: null, hours: 2, notifiedAt: null });
    expect(await t.app.services.hoursLedger.repairNotices()).toEqual({ told: 0 });
    clock.advance(2 * 60_000);
    expect(await t.app.services.hoursLedger.repairNotices()).toEqual({ told: 1 });
    expect(await t.app.services.hoursLedger.repairNotices()).toEqual({ told: 0 });
    const events = await t.app.repos.outbox.list({ subject: { kind: 'volunteer_hours', id: recordId } });
    expect(events.map((e) => e.type)).toEqual(['volunteer_hours_confirmed']);
    expect(await t.db.collection('notifications').countDocuments({ userId: a.userId, type: 'volunteer_hours_confirmed' })).toBe(1);
  });

  it('a volunteer cannot touch another record, nor staff of another 街道; hours must be half hours', async () => {
    const { activityId, a } = await checkedOut();
    const stranger = await makeVolunteer(t, 'v-stranger');
    expect(code(await call(stranger.token, { action: 'requestCorrection', activityId, hours: 2, reason: '想要时长' }))).toBe('NOT_FOUND');
    const far = await makeStaff(t, 'staff-far', 'st-wuxing');
    expect(code(await call(far.token, { action: 'confirmHours', activityId, volunteerId: a.userId }))).toBe('FORBIDDEN');
    const staff = await makeStaff(t, 'staff-1');
    const bad = await call(staff.token, { action: 'correctHours', activityId, volunteerId: a.userId, hours: 1.2, reason: '误差' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'hours' })] } } });
    const noHours = await call(staff.token, { action: 'decideCorrection', activityId, volunteerId: a.userId, decision: 'approve' });
    expect(noHours).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'hours' })] } } });
    const noReason = await call(staff.token, { action: 'decideCorrection', activityId, volunteerId: a.userId, decision: 'reject' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'reason' })] } } });
    expect(await t.db.collection('volunteer_hours_log').countDocuments()).toBe(0);
  });
});
