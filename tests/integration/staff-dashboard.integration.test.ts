/**
 * The dashboard's figures through `staff.dashboard`, each checked exactly: every measure against the
 * yearly targets set in the district settings (share, pace line, forecast), the volunteers
 * (registered, active in the last 90 days, confirmed hours), the activities and how full they were,
 * those short of volunteers in the next 7 days, by 街道 and 社区; staff see their 街道 only.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the aggregations. The
 * volunteer and booking records are inserted as their modules store them (those flows have their
 * own tests), so each figure here has a known answer. Manual clock: Monday 2026-11-30 08:00 Shanghai.
 */
import type { Db } from 'mongodb';
import { errorOf, freshWorldForEachTest, ids, worldCalls, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { expectOk, snapshot } from '../helpers/test-app';
import { yearElapsedShare } from '../../shared/domain/dashboard';
import { demoServiceTargets, seedDemoTargets } from '../../host/seed/seed-demo-targets';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));
const { call } = worldCalls(() => w);
const desk = (person: Person, action: string, event: Record<string, unknown> = {}) => call(person, 'staff', { action, ...event });

const NANDAJIE = ids.street;
const HEHUACHI = ids.otherStreet;
const TOPIC_NOTE = '夫妻分居两年想谈谈孩子抚养';
const sh = (text: string) => new Date(`${text}+08:00`);

type Figure = { actual: number; target: number | null; share: number | null; forecast: number | null };
type Measure = Figure & { measure: string; pace: { month: string; actual: number | null; pace: number | null }[] };
type Fill = { count: number; signedUp: number; capacity: number; fillRate: number | null };
type Community = { communityId: string; personTimes: number; advisorConsultations: number; volunteers: { registered: number }; activities: Fill };
type Street = {
  streetId: string;
  escortServices: number;
  escortForHardship: number;
  escortFree: number;
  measures: Record<string, Figure>;
  volunteers: { registered: number; active: number; hours: number };
  activities: Fill;
  communities: Community[];
};
type Board = {
  year: number;
  period: { from: string; to: string; wholeYear: boolean };
  elapsedShare: number;
  measures: Measure[];
  volunteers: { registered: number; active: number; hours: number; activeSince: string };
  activities: Fill;
  shortOfVolunteers: { activityId: string; title: string; date: string; streetId: string; streetName: string; shortBy: number }[];
  district: (Omit<Street, 'streetId' | 'communities'> & { counselingSessions: number }) | null;
  streets: Street[];
};

async function seedBookings(db: Db) {
  const booking = (id: string, service: string, status: string, startsAt: string, streetId: string, communityId: string, extra: Record<string, unknown> = {}) => ({
    _id: id, service, status, startsAt: sh(startsAt), streetId, communityId, details: {}, freeOfCharge: false, ...extra,
  });
  await db.collection('bookings').insertMany([
    booking('b-adv-mar', 'advisor', 'completed', '2026-03-10T10:00:00', NANDAJIE, 'cm-xiaoying'),
    booking('b-adv-nov', 'advisor', 'completed', '2026-11-12T10:00:00', NANDAJIE, 'cm-shuangguiping'),
    booking('b-adv-nov-2', 'advisor', 'completed', '2026-11-20T10:00:00', HEHUACHI, 'cm-hehua'),
    booking('b-adv-confirmed', 'advisor', 'confirmed', '2026-11-25T10:00:00', NANDAJIE, 'cm-xiaoying'),
    booking('b-adv-2025', 'advisor', 'completed', '2025-11-25T10:00:00', NANDAJIE, 'cm-xiaoying'),
    // Escorts: verified and free; claimed but never verified (not counted as a hardship group); no claim; a claim from before checks existed.
    booking('b-esc-verified', 'escort', 'completed', '2026-10-05T09:00:00', NANDAJIE, 'cm-xiaoying', {
      details: { eligibility: 'dibao' }, eligibilityCheck: { status: 'verified', reason: null, decidedAt: sh('2026-10-01T09:00:00') }, freeOfCharge: true,
    }),
    booking('b-esc-pending', 'escort', 'completed', '2026-10-06T09:00:00', NANDAJIE, 'cm-xiaoying', {
      details: { eligibility: 'dibao' }, eligibilityCheck: { status: 'pending', reason: null, decidedAt: null },
    }),
    booking('b-esc-none', 'escort', 'completed', '2026-10-07T09:00:00', HEHUACHI, 'cm-hehua', { details: { eligibility: 'none' } }),
    booking('b-esc-legacy', 'escort', 'completed', '2026-04-07T09:00:00', NANDAJIE, 'cm-shuangguiping', { details: { eligibility: 'tekun' }, freeOfCharge: true }),
    booking('b-cns', 'counseling', 'completed', '2026-11-03T14:00:00', NANDAJIE, 'cm-xiaoying', { details: { topic: TOPIC_NOTE, notes: TOPIC_NOTE } }),
  ] as never[]);
}

async function seedVolunteers(db: Db) {
  const application = (id: string, status: string, streetId: string, communityId: string) => ({ _id: id, userId: `u-${id}`, seq: 1, status, streetId, communityId });
  await db.collection('volunteer_applications').insertMany([
    application('va-1', 'approved', NANDAJIE, 'cm-xiaoying'),
    application('va-2', 'approved', NANDAJIE, 'cm-xiaoying'),
    application('va-3', 'approved', HEHUACHI, 'cm-hehua'),
    application('va-4', 'left', NANDAJIE, 'cm-xiaoying'),
    application('va-5', 'pending', NANDAJIE, 'cm-shuangguiping'),
  ] as never[]);

  const activity = (id: string, startsAt: string, streetId: string, communityId: string, counts: number[], status = 'open') => ({
    _id: id, title: `活动${id}`, status, startsAt: sh(startsAt), endsAt: sh(startsAt), streetId, communityId,
    roles: counts.map((count, i) => ({ code: `r${i}`, label: `岗位${i}`, count, skills: [] })),
  });
  await db.collection('activities').insertMany([
    activity('a1', '2026-11-10T09:00:00', NANDAJIE, 'cm-xiaoying', [2, 3]),
    activity('a2', '2026-11-20T09:00:00', HEHUACHI, 'cm-hehua', [2]),
    activity('a3', '2026-11-21T09:00:00', NANDAJIE, 'cm-xiaoying', [5], 'cancelled'),
    activity('a4', '2026-12-03T09:00:00', NANDAJIE, 'cm-shuangguiping', [1, 3]),
    activity('a5', '2026-12-05T09:00:00', HEHUACHI, 'cm-hehua', [2]),
    activity('a6', '2026-12-10T09:00:00', NANDAJIE, 'cm-xiaoying', [3]),
    activity('a7', '2026-12-01T09:00:00', HEHUACHI, 'cm-qingtan', [1]),
    activity('a-2025', '2025-06-01T09:00:00', NANDAJIE, 'cm-xiaoying', [9]),
  ] as never[]);
  const signup = (activityId: string, n: number, state: string) => ({ _id: `${activityId}:u${n}`, activityId, userId: `u${n}`, role: 'r0', state });
  await db.collection('activity_signups').insertMany([
    signup('a1', 1, 'placed'), signup('a1', 2, 'placed'), signup('a1', 3, 'placed'), signup('a1', 4, 'waiting'), signup('a1', 5, 'withdrawn'),
    signup('a2', 1, 'placed'), signup('a2', 2, 'placed'),
    signup('a3', 1, 'placed'),
    signup('a4', 1, 'placed'), signup('a4', 2, 'offered'),
    signup('a5', 1, 'placed'), signup('a5', 2, 'placed'),
    signup('a7', 1, 'placed'),
  ] as never[]);

  const record = (id: string, userId: string, streetId: string, activityId: string, startsAt: string, computedHours: number) => ({
    _id: id, userId, streetId, activityId, startsAt: sh(startsAt), computedHours,
  });
  await db.collection('volunteer_hours').insertMany([
    record('h1', 'u1', NANDAJIE, 'a1', '2026-11-10T09:00:00', 2),
    record('h2', 'u2', NANDAJIE, 'a1', '2026-11-10T09:00:00', 3),
    record('h3', 'u3', HEHUACHI, 'a2', '2026-11-20T09:00:00', 1.5),
    record('h4', 'u1', NANDAJIE, 'a-may', '2026-05-01T09:00:00', 4),
    record('h5', 'u1', HEHUACHI, 'a-oct', '2026-10-15T09:00:00', 1),
    record('h6', 'u9', NANDAJIE, 'a-2025', '2025-06-01T09:00:00', 5),
  ] as never[]);
  const entry = (recordId: string, seq: number, type: string, hours: number | null) => ({ _id: `${recordId}#${seq}`, recordId, seq, type, hours, actorId: 'u-org', at: sh('2026-11-21T09:00:00') });
  await db.collection('volunteer_hours_log').insertMany([
    entry('h1', 1, 'confirmed', 2),
    // h2 pending (no entry); h3 corrected, then a correction approved: 2 h stand.
    entry('h3', 1, 'corrected', 1), entry('h3', 2, 'correction_requested', 2), entry('h3', 3, 'correction_approved', 2),
    entry('h4', 1, 'confirmed', 4),
    // h5 pending; h6 of 2025.
    entry('h6', 1, 'confirmed', 5),
  ] as never[]);
}

async function setTargets() {
  expectOk(await call(w.people.admin, 'volunteer', { action: 'setTrainingTargets', year: 2026, districtTotal: 7000, streets: [
    { streetId: NANDAJIE, target: 3000 }, { streetId: HEHUACHI, target: 2000 }, { streetId: 'st-wuxing', target: 2000 }] }));
  expectOk(await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'advisorConsultations', districtTotal: 100, streets: [
    { streetId: NANDAJIE, target: 50 }, { streetId: HEHUACHI, target: 30 }, { streetId: 'st-wuxing', target: 20 }] }));
  expectOk(await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'escortServices', districtTotal: 40, streets: [
    { streetId: NANDAJIE, target: 20 }, { streetId: HEHUACHI, target: 10 }, { streetId: 'st-wuxing', target: 10 }] }));
}

describe('the dashboard’s figures', () => {
  it('counts every measure against its yearly target, the volunteers and the activities, by 街道 and 社区', async () => {
    await setTargets();
    await seedBookings(w.t.db);
    await seedVolunteers(w.t.db);
    await w.t.app.repos.training.markPresent([
      { _id: 'roll-1', activityId: 'c1', seriesId: null, elderId: 'e1', year: 2026, communityId: 'cm-xiaoying', streetId: NANDAJIE, walkIn: true, markedBy: 'u-t', sessionStartsAt: sh('2026-03-10T10:00:00'), at: sh('2026-03-10T10:00:00') },
      { _id: 'roll-2', activityId: 'c2', seriesId: null, elderId: 'e1', year: 2026, communityId: 'cm-xiaoying', streetId: NANDAJIE, walkIn: true, markedBy: 'u-t', sessionStartsAt: sh('2026-11-10T10:00:00'), at: sh('2026-11-10T10:00:00') },
    ]);

    const board = expectOk<Board>(await desk(w.people.admin, 'dashboard', { year: 2026 }));
    const elapsed = yearElapsedShare(2026, w.clock.now());
    const byMeasure = Object.fromEntries(board.measures.map((m) => [m.measure, m]));
    expect(byMeasure.advisorConsultations).toMatchObject({ actual: 3, target: 100, share: 0.03, forecast: Math.round(3 / elapsed) });
    expect(byMeasure.advisorConsultations!.pace.map((p) => p.actual)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 3, null]);
    expect(byMeasure.advisorConsultations!.pace[11]!.pace).toBe(100);
    expect(byMeasure.escortServices).toMatchObject({ actual: 4, target: 40, share: 0.1 });
    expect(byMeasure.escortServices!.pace.map((p) => p.actual).slice(0, 11)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 4, 4]);
    expect(byMeasure.counselingSessions).toMatchObject({ actual: 1, target: null, share: null });
    expect(byMeasure.training).toMatchObject({ actual: 2, target: 7000 });
    expect(board.district).toMatchObject({ escortServices: 4, escortForHardship: 2, escortFree: 2, counselingSessions: 1, persons: 1 });

    // Volunteers: approved and not left; active = served (an hours record) since 2026-09-01; hours decided, the approved correction counted.
    expect(board.volunteers).toEqual({ registered: 3, active: 3, hours: 8, activeSince: '2026-09-01' });
    expect(board.activities).toEqual({ count: 6, signedUp: 9, capacity: 17, fillRate: 0.529 });

    const nandajie = board.streets.find((s) => s.streetId === NANDAJIE)!;
    const hehuachi = board.streets.find((s) => s.streetId === HEHUACHI)!;
    expect(nandajie.measures.advisorConsultations).toEqual({ actual: 2, target: 50, share: 0.04, forecast: Math.round(2 / elapsed) });
    expect(nandajie).toMatchObject({ escortServices: 3, escortForHardship: 2, escortFree: 2 });
    expect(nandajie.volunteers).toEqual({ registered: 2, active: 2, hours: 6 });
    expect(hehuachi.volunteers).toEqual({ registered: 1, active: 2, hours: 2 });
    expect(nandajie.activities).toEqual({ count: 3, signedUp: 4, capacity: 12, fillRate: 0.333 });
    expect(hehuachi.activities).toEqual({ count: 3, signedUp: 5, capacity: 5, fillRate: 1 });
    const xiaoying = nandajie.communities.find((c) => c.communityId === 'cm-xiaoying')!;
    expect(xiaoying).toMatchObject({ personTimes: 2, advisorConsultations: 1, volunteers: { registered: 2 }, activities: { count: 2, signedUp: 3, capacity: 8, fillRate: 0.375 } });
    expect(nandajie.communities.find((c) => c.communityId === 'cm-shuangguiping')).toMatchObject({ advisorConsultations: 1, activities: { count: 1, signedUp: 1, capacity: 4 } });

    // The next 7 days: a4 has 1 of 4 places taken (an offer is not a place yet), a7 is full, a5 full, a6 is later.
    expect(board.shortOfVolunteers).toEqual([
      { activityId: 'a4', title: '活动a4', date: '2026-12-03', startsAt: sh('2026-12-03T09:00:00').toISOString(), streetId: NANDAJIE, streetName: '南大街街道', shortBy: 3 },
    ]);
    // Counseling is a number: nothing said there reaches the dashboard.
    expect(JSON.stringify(board)).not.toContain(TOPIC_NOTE);
  });

  it('gives staff their own 街道 only, whatever they ask for, and admin the 街道 asked for', async () => {
    await setTargets();
    await seedBookings(w.t.db);
    await seedVolunteers(w.t.db);
    const staffBoard = expectOk<Board>(await desk(w.people.otherStaff, 'dashboard', { year: 2026, streetId: NANDAJIE }));
    expect(staffBoard.district).toBeNull();
    expect(staffBoard.streets.map((s) => s.streetId)).toEqual([HEHUACHI]);
    expect(staffBoard.measures.find((m) => m.measure === 'advisorConsultations')).toMatchObject({ actual: 1, target: 30 });
    expect(staffBoard.volunteers).toMatchObject({ registered: 1, active: 2, hours: 2 });
    expect(staffBoard.activities).toEqual({ count: 3, signedUp: 5, capacity: 5, fillRate: 1 });
    expect(staffBoard.shortOfVolunteers).toEqual([]);

    const adminOne = expectOk<Board>(await desk(w.people.admin, 'dashboard', { streetId: NANDAJIE }));
    expect(adminOne.streets.map((s) => s.streetId)).toEqual([NANDAJIE]);
    expect(adminOne.shortOfVolunteers.map((a) => a.activityId)).toEqual(['a4']);
    expect(adminOne.volunteers).toMatchObject({ registered: 2, active: 2, hours: 6 });
    expect(errorOf(await desk(w.people.admin, 'dashboard', { streetId: 'st-nowhere' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'streetId' }] });
    expect(errorOf(await desk(w.people.resident1, 'dashboard', {})).code).toBe('FORBIDDEN');
  });

  it('counts a period of days within a year, without a forecast, beside the year’s pace line', async () => {
    await setTargets();
    await seedBookings(w.t.db);
    await seedVolunteers(w.t.db);
    const board = expectOk<Board>(await desk(w.people.admin, 'dashboard', { from: '2026-11-01', to: '2026-11-30' }));
    expect(board.period).toEqual({ from: '2026-11-01', to: '2026-11-30', wholeYear: false });
    const advisor = board.measures.find((m) => m.measure === 'advisorConsultations')!;
    expect(advisor).toMatchObject({ actual: 2, target: 100, share: 0.02, forecast: null });
    expect(advisor.pace.map((p) => p.actual)[2]).toBe(1);
    expect(board.volunteers.hours).toBe(4);
    expect(board.activities).toMatchObject({ count: 2, signedUp: 5, capacity: 7 });

    expect(errorOf(await desk(w.people.admin, 'dashboard', { from: '2026-11-01' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'to' }] });
    expect(errorOf(await desk(w.people.admin, 'dashboard', { from: '2026-12-01', to: '2027-01-31' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'to' }] });
  });
});

describe('the yearly service targets', () => {
  it('are set by admin in the district settings, the 街道 adding up to the district', async () => {
    await setTargets();
    const settings = expectOk<{ serviceTargets: { measure: string; districtTotal: number | null; streets: { streetId: string; target: number }[] }[] }>(
      await desk(w.people.admin, 'districtSettings', { year: 2026 }),
    );
    expect(settings.serviceTargets.map((t) => [t.measure, t.districtTotal])).toEqual([['advisorConsultations', 100], ['escortServices', 40], ['counselingSessions', null]]);
    expect(settings.serviceTargets[0]!.streets).toContainEqual({ streetId: HEHUACHI, target: 30 });

    const before = await snapshot(w.t.db);
    const uneven = await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'counselingSessions', districtTotal: 10, streets: [{ streetId: NANDAJIE, target: 3 }] });
    expect(errorOf(uneven)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'streets' }] });
    const unknown = await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'counselingSessions', districtTotal: 3, streets: [{ streetId: 'st-nowhere', target: 3 }] });
    expect(errorOf(unknown)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'streets.0.streetId' }] });
    const twice = await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'counselingSessions', districtTotal: 6, streets: [{ streetId: NANDAJIE, target: 3 }, { streetId: NANDAJIE, target: 3 }] });
    expect(errorOf(twice)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'streets.1.streetId' }] });
    expect(errorOf(await desk(w.people.staff, 'setServiceTargets', { year: 2026, measure: 'counselingSessions', districtTotal: 3, streets: [{ streetId: NANDAJIE, target: 3 }] })).code).toBe('FORBIDDEN');
    const after = await snapshot(w.t.db);
    // Refused calls leave the targets as they were.
    expect(after.service_targets).toEqual(before.service_targets);
  });
});

describe('the demo district’s targets', () => {
  it('puts a target beside every service measure of the year once, leaving an admin’s own', async () => {
    expectOk(await desk(w.people.admin, 'setServiceTargets', { year: 2026, measure: 'counselingSessions', districtTotal: 3, streets: [{ streetId: NANDAJIE, target: 3 }] }));
    await seedDemoTargets(w.t.app);
    await seedDemoTargets(w.t.app);
    const board = expectOk<Board>(await desk(w.people.admin, 'dashboard', { year: 2026 }));
    expect(board.measures.map((m) => [m.measure, m.target])).toEqual([
      ['training', null],
      ['advisorConsultations', demoServiceTargets.advisorConsultations.districtTotal],
      ['escortServices', demoServiceTargets.escortServices.districtTotal],
      ['counselingSessions', 3],
    ]);
    expect(await w.t.db.collection('service_targets').countDocuments({})).toBe(3);
  });
});
