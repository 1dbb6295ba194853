/**
 * Volunteer registration end to end on the real engine: apply, the 街道's decision, the notice, the
 * volunteer's own views, leaving and coming back, and every refusal. Real parts: the local engine,
 * the seeded demo district, session tokens, the invoke path of the host, the notify intake; the
 * clock is Monday 2026-11-30 08:00 in Shanghai. The demo staff member serves 南大街 (小营前社区);
 * `otherStaff` serves 荷花池.
 */
import { freshResident, freshWorldForEachTest, errorOf, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { expectOk, snapshot } from '../helpers/test-app';
import { applicationInput, codeOf, SAMPLE_ID_NUMBER, type AppView } from '../helpers/volunteer-registration-fixtures';
import type { UserDoc } from '../../cloudfunctions/core/repositories/user.repository';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const vol = (person: Person | null, action: string, event: Record<string, unknown> = {}) => w.as(person, 'volunteer', { action, ...event });
const rolesOf = async (userId: string) => ((await w.t.db.collection<UserDoc>('users').findOne({ _id: userId }))?.roles ?? []).slice().sort();
const inbox = async (person: Person) => expectOk<{ items: { title: string; body: string; page: string; type: string }[] }>(await w.as(person, 'notify', { action: 'list' })).items;

async function applied(person: Person, overrides: Record<string, unknown> = {}): Promise<AppView> {
  return expectOk<AppView>(await w.as(person, 'volunteer', applicationInput(overrides)));
}

describe('the whole path', () => {
  it('apply → staff approve a subset → roles, number, notice → leave → re-apply keeps the number', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant, { idNumber: SAMPLE_ID_NUMBER.toLowerCase() });
    expect(mine).toMatchObject({ status: 'pending', idNumber: '3204**********' + SAMPLE_ID_NUMBER.slice(-4), hasIdNumber: true, phone: '13912345678' });
    expect(JSON.stringify(mine)).not.toContain(SAMPLE_ID_NUMBER.slice(6, 14));

    // Stored sealed: the plain number and its birth date are nowhere in the database.
    const stored = JSON.stringify(await snapshot(w.t.db));
    expect(stored).not.toContain(SAMPLE_ID_NUMBER);
    expect(stored).not.toContain(SAMPLE_ID_NUMBER.slice(6, 14));

    // The list masks the phone and the ID and leaves health and the emergency contact out.
    const list = expectOk<{ items: Record<string, unknown>[]; total: number }>(await vol(w.people.staff, 'applications', { status: 'pending' }));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: mine.id, phone: '139****5678', idNumber: mine.idNumber, communityName: '小营前社区' });
    expect(list.items[0]).not.toHaveProperty('health');
    expect(list.items[0]).not.toHaveProperty('emergencyContact');
    // The detail is for deciding: the street sees the health declaration.
    const detail = expectOk<AppView>(await vol(w.people.staff, 'application', { applicationId: mine.id }));
    expect(detail.health).toEqual({ fitForService: true, conditions: '不宜久站' });

    const approved = expectOk<AppView>(await vol(w.people.staff, 'approve', { applicationId: mine.id, skills: ['smartphone_teaching', 'escort'] }));
    expect(approved).toMatchObject({ status: 'approved', volunteerNumber: 'ZL-2026-000001', decision: { action: 'approve', skills: ['smartphone_teaching', 'escort'] } });
    expect(await rolesOf(applicant.userId)).toEqual(['escort', 'resident', 'volunteer']);

    const notices = await inbox(applicant);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '志愿者申请已通过', type: 'volunteer_application_approved' });
    expect(notices[0]!.body).toContain('ZL-2026-000001');
    expect(notices[0]!.page).toMatch(/^subpackages\/volunteer\/pages\/status\/index\?applicationId=.+&nid=/);
    expect(JSON.stringify(notices)).not.toContain(SAMPLE_ID_NUMBER.slice(-4));

    const me = expectOk<Record<string, unknown>>(await vol(applicant, 'me'));
    expect(me).toMatchObject({ volunteer: true, volunteerNumber: 'ZL-2026-000001', skills: ['smartphone_teaching', 'escort'], escort: true, idNumber: mine.idNumber });

    expect(codeOf(await vol(applicant, 'apply', applicationInput()))).toBe('APPLICATION_OPEN');

    const left = expectOk<AppView>(await vol(applicant, 'leave', { reason: '搬去外地' }));
    expect(left.status).toBe('left');
    expect(await rolesOf(applicant.userId)).toEqual(['resident']);
    expect(expectOk<Record<string, unknown>>(await vol(applicant, 'me'))).toMatchObject({ volunteer: false, status: 'left', volunteerNumber: 'ZL-2026-000001' });

    const again = await applied(applicant);
    expectOk(await vol(w.people.admin, 'approve', { applicationId: again.id, skills: ['smartphone_teaching'] }));
    const back = expectOk<Record<string, unknown>>(await vol(applicant, 'me'));
    expect(back).toMatchObject({ volunteer: true, volunteerNumber: 'ZL-2026-000001', escort: false });
    expect(await rolesOf(applicant.userId)).toEqual(['resident', 'volunteer']);
    const history = expectOk<{ history: { status: string }[] }>(await vol(applicant, 'myApplication')).history;
    expect(history.map((h) => h.status)).toEqual(['approved', 'left']);
  });

  it('reject with a reason → the applicant is told why and may apply again; history kept', async () => {
    const applicant = await freshResident(w);
    const first = await applied(applicant);
    const rejected = expectOk<AppView>(await vol(w.people.staff, 'reject', { applicationId: first.id, reason: '请补充可服务时间' }));
    expect(rejected).toMatchObject({ status: 'rejected', decision: { action: 'reject', reason: '请补充可服务时间' }, volunteerNumber: null });
    expect(await rolesOf(applicant.userId)).toEqual(['resident']);
    const [notice] = await inbox(applicant);
    expect(notice).toMatchObject({ title: '志愿者申请未通过', type: 'volunteer_application_rejected' });
    expect(notice!.body).toContain('原因：请补充可服务时间');

    const mine = expectOk<{ mayApply: boolean; current: AppView }>(await vol(applicant, 'myApplication'));
    expect(mine).toMatchObject({ mayApply: true, current: { status: 'rejected' } });
    const second = await applied(applicant);
    expect(second.id).not.toBe(first.id);
    const after = expectOk<{ mayApply: boolean; history: { id: string; status: string; reason: string | null }[] }>(await vol(applicant, 'myApplication'));
    expect(after.mayApply).toBe(false);
    expect(after.history).toEqual([
      expect.objectContaining({ id: second.id, status: 'pending' }),
      expect.objectContaining({ id: first.id, status: 'rejected', reason: '请补充可服务时间' }),
    ]);
  });

  it('陪诊 approved: the volunteer joins the escorts of the 街道 and sees the pool; after leaving, not any more', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant);
    // Before: a resident has no pool.
    expect(codeOf(await w.as(applicant, 'provider', { action: 'pool' }))).toBe('FORBIDDEN');
    expectOk(await vol(w.people.staff, 'approve', { applicationId: mine.id, skills: ['escort'] }));
    const pool = await w.as(applicant, 'provider', { action: 'pool' });
    expect(codeOf(pool)).toBe('ok');
    const record = await w.t.db.collection('providers').findOne({ userId: applicant.userId, kind: 'escort' });
    expect(record).toMatchObject({ name: '李老师', streetId: 'st-nandajie', stationId: null, active: true });

    expectOk(await vol(applicant, 'leave'));
    expect(codeOf(await w.as(applicant, 'provider', { action: 'pool' }))).toBe('FORBIDDEN');
    expect(await w.t.db.collection('providers').findOne({ userId: applicant.userId, kind: 'escort' })).toMatchObject({ active: false });
    // Back again with 陪诊: the same record, active again.
    const again = await applied(applicant);
    expectOk(await vol(w.people.staff, 'approve', { applicationId: again.id, skills: ['escort'] }));
    expect(codeOf(await w.as(applicant, 'provider', { action: 'pool' }))).toBe('ok');
    expect(await w.t.db.collection('providers').countDocuments({ userId: applicant.userId })).toBe(1);
  });

  it('an approval of someone who is an escort already takes back only what it granted', async () => {
    const applicant = await freshResident(w);
    await w.t.app.services.users.grantRoles(applicant.userId, ['escort'], undefined);
    const mine = await applied(applicant);
    expectOk(await vol(w.people.staff, 'approve', { applicationId: mine.id, skills: ['escort'] }));
    expect(await rolesOf(applicant.userId)).toEqual(['escort', 'resident', 'volunteer']);
    expectOk(await vol(applicant, 'leave'));
    expect(await rolesOf(applicant.userId)).toEqual(['escort', 'resident']);
  });
});

describe('ID numbers', () => {
  it('the volunteer deletes it from every application, history included', async () => {
    const applicant = await freshResident(w);
    const first = await applied(applicant, { idNumber: SAMPLE_ID_NUMBER });
    expectOk(await vol(w.people.staff, 'reject', { applicationId: first.id, reason: '信息不全' }));
    await applied(applicant, { idNumber: SAMPLE_ID_NUMBER });
    expect(expectOk<{ deleted: number }>(await vol(applicant, 'deleteIdNumber'))).toEqual({ deleted: 2 });
    expect(expectOk<Record<string, unknown>>(await vol(applicant, 'me'))).toMatchObject({ idNumber: null, hasIdNumber: false });
    const docs = await w.t.db.collection('volunteer_applications').find({ userId: applicant.userId }).toArray();
    expect(docs.map((d) => d.idNumber)).toEqual([null, null]);
  });

  it('a stored one opens with the configured key and only for its owner', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant, { idNumber: SAMPLE_ID_NUMBER });
    const doc = await w.t.app.repos.volunteers.findById(mine.id);
    const { IdNumberCipher, parseIdNumberKey } = await import('../../cloudfunctions/core/services/volunteer/id-number-crypto');
    const cipher = new IdNumberCipher(parseIdNumberKey(w.t.app.config.idNumberKey!));
    expect(cipher.open(doc!.idNumber!.sealed, applicant.userId)).toBe(SAMPLE_ID_NUMBER);
    expect(() => cipher.open(doc!.idNumber!.sealed, 'someone-else')).toThrow();
  });
});

describe('refusals', () => {
  it.each([
    ['a wrong check character', { idNumber: `${SAMPLE_ID_NUMBER.slice(0, 17)}${SAMPLE_ID_NUMBER[17] === '0' ? '1' : '0'}` }, 'idNumber'],
    ['an unknown community', { communityId: 'cm-nowhere' }, 'communityId'],
    ['born too late', { birthYear: 2015 }, 'birthYear'],
    ['the emergency contact on the own phone', { emergencyContact: { name: '李明', phone: '13912345678' } }, 'emergencyContact.phone'],
    ['no consent', { consent: { version: '2026-1', agreed: false } }, 'consent.agreed'],
    ['an old consent text', { consent: { version: '2025-1', agreed: true } }, 'consent.version'],
    ['no skills', { skills: [] }, 'skills'],
    ['a repeated time', { availability: [{ weekday: 1, part: 'morning' }, { weekday: 1, part: 'morning' }] }, 'availability'],
  ])('apply with %s: VALIDATION_FAILED at the field, nothing written', async (_what, overrides, path) => {
    const applicant = await freshResident(w);
    const before = await snapshot(w.t.db);
    const result = errorOf(await w.as(applicant, 'volunteer', applicationInput(overrides)));
    expect(result.code).toBe('VALIDATION_FAILED');
    expect(result.fields?.map((f) => f.path)).toContain(path);
    expect(await snapshot(w.t.db)).toEqual(before);
  });

  it('a second application while one is pending', async () => {
    const applicant = await freshResident(w);
    await applied(applicant);
    expect(codeOf(await w.as(applicant, 'volunteer', applicationInput()))).toBe('APPLICATION_OPEN');
    expect(await w.t.db.collection('volunteer_applications').countDocuments({ userId: applicant.userId })).toBe(1);
  });

  it('staff of another 街道 neither see nor decide it; residents cannot list', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant);
    expect(expectOk<{ total: number }>(await vol(w.people.otherStaff, 'applications')).total).toBe(0);
    expect(codeOf(await vol(w.people.otherStaff, 'application', { applicationId: mine.id }))).toBe('NOT_FOUND');
    expect(codeOf(await vol(w.people.otherStaff, 'approve', { applicationId: mine.id, skills: ['escort'] }))).toBe('NOT_FOUND');
    expect(codeOf(await vol(w.people.otherStaff, 'reject', { applicationId: mine.id, reason: '不符合' }))).toBe('NOT_FOUND');
    expect(codeOf(await vol(w.people.resident1, 'applications'))).toBe('FORBIDDEN');
    expect(codeOf(await vol(applicant, 'approve', { applicationId: mine.id, skills: ['escort'] }))).toBe('FORBIDDEN');
    // Admin sees the district, and one 街道 when asked.
    expect(expectOk<{ total: number }>(await vol(w.people.admin, 'applications')).total).toBe(1);
    expect(expectOk<{ total: number }>(await vol(w.people.admin, 'applications', { streetId: 'st-hehuachi' })).total).toBe(0);
    expect((await w.t.app.repos.volunteers.findById(mine.id))?.status).toBe('pending');
  });

  it('staff never decide their own application', async () => {
    const applicant = await freshResident(w);
    await w.t.app.services.users.grantRoles(applicant.userId, ['staff'], 'st-nandajie');
    const mine = await applied(applicant);
    expect(codeOf(await vol(applicant, 'approve', { applicationId: mine.id, skills: ['escort'] }))).toBe('FORBIDDEN');
    expect(codeOf(await vol(w.people.staff, 'approve', { applicationId: mine.id, skills: ['escort'] }))).toBe('ok');
  });

  it('approving a skill not claimed, rejecting without a reason, deciding twice, leaving when not a volunteer', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant, { skills: ['performing_arts'] });
    const unclaimed = errorOf(await vol(w.people.staff, 'approve', { applicationId: mine.id, skills: ['escort'] }));
    expect(unclaimed.code).toBe('VALIDATION_FAILED');
    expect(unclaimed.fields?.[0]?.path).toBe('skills');
    const noReason = errorOf(await vol(w.people.staff, 'reject', { applicationId: mine.id, reason: '  ' }));
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'reason' })] });
    expect(codeOf(await vol(applicant, 'leave'))).toBe('NOT_A_VOLUNTEER');
    expect(await rolesOf(applicant.userId)).toEqual(['resident']);

    expectOk(await vol(w.people.staff, 'reject', { applicationId: mine.id, reason: '暂无合适岗位' }));
    expect(codeOf(await vol(w.people.admin, 'approve', { applicationId: mine.id, skills: ['performing_arts'] }))).toBe('ALREADY_DECIDED');
    expect(codeOf(await vol(w.people.staff, 'reject', { applicationId: mine.id, reason: '再次' }))).toBe('ALREADY_DECIDED');
    expect(await rolesOf(applicant.userId)).toEqual(['resident']);
  });
});

describe('repair', () => {
  it('finishes an approval cut off after its record was written', async () => {
    const applicant = await freshResident(w);
    const mine = await applied(applicant);
    const doc = (await w.t.app.repos.volunteers.findById(mine.id))!;
    // The crash: the decision is recorded, nothing after it happened.
    await w.t.app.repos.volunteers.insertTransition({
      _id: `${doc._id}#1`, applicationId: doc._id, userId: doc.userId, seq: 1, action: 'approve', from: 'pending', to: 'approved',
      actorId: w.people.staff.userId, at: w.clock.now(), reason: null, note: null, skills: ['escort'], roles: ['volunteer', 'escort'], appliedAt: null,
    });
    // Someone else deciding meanwhile loses to the record.
    expect(codeOf(await vol(w.people.admin, 'reject', { applicationId: mine.id, reason: '不合适' }))).toBe('ALREADY_DECIDED');
    expect(await w.t.app.services.volunteerRegistrationRepair.repair()).toEqual({ finished: 0 });
    w.clock.advance(3 * 60_000);
    const run = await cloudRepair();
    expect(run).toEqual({ finished: 1 });
    expect((await w.t.app.repos.volunteers.findById(mine.id))).toMatchObject({ status: 'approved', volunteerNumber: 'ZL-2026-000001' });
    expect(await rolesOf(applicant.userId)).toEqual(['escort', 'resident', 'volunteer']);
    expect((await inbox(applicant)).map((n) => n.type)).toEqual(['volunteer_application_approved']);
    expect(await cloudRepair()).toEqual({ finished: 0 });
  });
});

async function cloudRepair(): Promise<unknown> {
  const { cloudFunctions } = await import('../../cloudfunctions/registry');
  return expectOk(await cloudFunctions.volunteer!.runTimer(w.t.app, 'repairRegistrations'));
}
