/**
 * Who may do what with bookings: every action of catalog, booking, provider and admin against every
 * role, through the same invoke path the host and WeChat Cloud take. Real parts: the local engine,
 * the driver, session tokens, the seeded demo district. Only the clock is swapped (a Monday, 08:00).
 *
 * Booking actions run against a target booking made for the case by a fresh resident (the owner) in
 * 南大街: an advisor booking with pv-advisor-1, a counseling booking with pv-counselor-1, an escort
 * request for 南大街 (confirmed ones were claimed by pv-escort-2). A refused call must leave the
 * target exactly as it was; a call that changed it makes the next role get a new target.
 *
 * That a caller without the roles an action names is refused before anything runs is swept for
 * every registered action by tests/unit/access-sweep.test.ts; this file is about relations to a
 * record (owner, assigned provider, staff of its 街道), which only data can decide.
 */
import {
  at,
  book,
  COUNSELING_NOTE,
  COUNSELING_SERVICE_NOTES,
  COUNSELING_TOPIC,
  CONTACT_PHONE,
  counselingCreate,
  createBookingWorld,
  detailOf,
  directBooking,
  directOutbox,
  escortCreate,
  advisorCreate,
  freshResident,
  ids,
  nextFreeSlot,
  outcome,
  PICKUP_ADDRESS,
  setEscortCapacity,
  type BookingView,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';
import type { ServiceKind } from '../../shared/domain/service-kinds';
import { demoCalendar, demoWeeklyRules } from '../../host/seed/demo-district.data';

let w: BookingWorld;
beforeAll(async () => {
  w = await createBookingWorld();
  // Many escort targets land on one day; the quota itself is tested in booking-escort.
  await setEscortCapacity(w, ids.street, 1000);
});
afterAll(async () => {
  await w.close();
});

const roles = [
  'anonymous',
  'owner',
  'otherResident',
  'advisorAssigned',
  'otherAdvisor',
  'counselorAssigned',
  'otherCounselor',
  'escort',
  'assignedEscort',
  'staffSameStreet',
  'staffOtherStreet',
  'admin',
] as const;
type RoleName = (typeof roles)[number];

type TargetKind = ServiceKind;
type TargetStatus = 'requested' | 'confirmed';
type Target = { id: string; owner: Person; kind: TargetKind; status: TargetStatus };

/**
 * Who plays each role. `escort` (pv-escort-1) is never assigned to a target; `assignedEscort`
 * (pv-escort-2) is assigned to confirmed escort targets and is just another escort for open ones.
 * Without a target, `owner` is demo-resident-1.
 */
function personFor(role: RoleName, target: Target | undefined): Person | null {
  const p = w.people;
  const byRole: Record<RoleName, Person | null> = {
    anonymous: null,
    owner: target?.owner ?? p.resident1,
    otherResident: p.resident2,
    advisorAssigned: p.advisor1,
    otherAdvisor: p.advisor2,
    counselorAssigned: p.counselor1,
    otherCounselor: p.counselor2,
    escort: p.escort1,
    assignedEscort: p.escort2,
    staffSameStreet: p.staff,
    staffOtherStreet: p.otherStaff,
    admin: p.admin,
  };
  return byRole[role];
}

const TUESDAY = '2026-12-01';
const ESCORT_TIME = at('2026-12-02', '09:00');
/** An escort job lasts 4 hours and one escort never holds two at once: each target gets its own time. */
let escortTargets = 0;
const nextEscortTime = () => new Date(new Date(ESCORT_TIME).getTime() + 4 * 3600_000 * escortTargets++).toISOString();

async function makeTarget(kind: TargetKind, status: TargetStatus): Promise<Target> {
  const owner = await freshResident(w);
  let view: BookingView;
  if (kind === 'escort') {
    view = await book(w, owner, escortCreate(nextEscortTime()));
    if (status === 'confirmed') expectOk(await w.as(w.people.escort2, 'provider', { action: 'claim', bookingId: view.id }));
  } else {
    const providerId = kind === 'advisor' ? ids.advisor1 : ids.counselor1;
    // From Tuesday on: far enough ahead that the owner is still before every cancellation cut-off.
    const slot = await nextFreeSlot(w, providerId, { fromDate: TUESDAY });
    view = await book(w, owner, kind === 'advisor' ? advisorCreate(slot.startsAt) : counselingCreate(slot.startsAt));
    const provider = kind === 'advisor' ? w.people.advisor1 : w.people.counselor1;
    if (status === 'confirmed') expectOk(await w.as(provider, 'provider', { action: 'accept', bookingId: view.id }));
  }
  return { id: view.id, owner, kind, status };
}

type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION_FAILED' | 'NOT_STARTED';
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const S = 'NOT_STARTED';

type Case = {
  fn: 'catalog' | 'booking' | 'provider' | 'admin';
  action: string;
  target?: { kind: TargetKind; status: TargetStatus };
  /** Whether a successful call changes the target (then the next role gets a new one). */
  mutates?: boolean;
  event: (target: Target | undefined) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The call is made at the target's start time (completing and no-show need the appointment begun). */
  started?: boolean;
  /** Tells apart cases of one action. */
  note?: string;
  /** One outcome per role, in the order of `roles`. */
  expect: readonly Expected[];
};

const signedIn: Expected[] = [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const providersOnly: Expected[] = [U, F, F, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const ownerOnly: Expected[] = [U, 'ok', N, N, N, N, N, N, N, N, N, N];
const adminOnly: Expected[] = [U, F, F, F, F, F, F, F, F, F, F, 'ok'];
const staffAndAdmin: Expected[] = [U, F, F, F, F, F, F, F, F, 'ok', 'ok', 'ok'];

const requested = (kind: TargetKind) => ({ kind, status: 'requested' as const });
const confirmed = (kind: TargetKind) => ({ kind, status: 'confirmed' as const });
const byId = (target: Target | undefined) => ({ bookingId: target!.id });

async function rescheduleEvent(target: Target | undefined) {
  const booking = await directBooking(w, target!.id);
  const slot = await nextFreeSlot(w, booking!.providerId!, { skip: [booking!.startsAt.toISOString()], fromDate: TUESDAY });
  return { bookingId: target!.id, startsAt: slot.startsAt };
}

let spareCommunity = 0;
/** A community of its own with a station nobody works at, so deleting it is allowed. */
async function spareStation(): Promise<string> {
  spareCommunity += 1;
  const communityId = `cm-spare-${spareCommunity}`;
  await w.t.app.repos.district.upsertCommunity({ _id: communityId, streetId: ids.street, name: `备用社区${spareCommunity}` });
  const stationId = `sn-spare-${spareCommunity}`;
  await w.t.app.repos.district.upsertStation({ _id: stationId, communityId, streetId: ids.street, name: '备用站', address: '南大街 1 号', hours: '9:00-17:00', phone: '0519-88660000' });
  return stationId;
}

const advisorRules = demoWeeklyRules('advisor');
const counselorRules = demoWeeklyRules('counseling');
// A Sunday: nobody works then, so closing and reopening it changes no slot any case uses.
const SUNDAY = '2026-12-06';

const cases: Case[] = [
  // Browsing: any signed-in user.
  { fn: 'catalog', action: 'services', event: () => ({}), expect: signedIn },
  { fn: 'catalog', action: 'streets', event: () => ({}), expect: signedIn },
  { fn: 'catalog', action: 'stations', event: () => ({ streetId: ids.street }), expect: signedIn },
  { fn: 'catalog', action: 'providers', event: () => ({ service: 'advisor' }), expect: signedIn },
  { fn: 'catalog', action: 'slots', event: () => ({ providerId: ids.advisor1, from: '2026-12-01', days: 3 }), expect: signedIn },

  // The resident's side. Everyone is a resident too, so anyone signed in may book for themselves.
  {
    fn: 'booking',
    action: 'create',
    event: async () => {
      const { action: _action, ...event } = advisorCreate((await nextFreeSlot(w, ids.advisor1)).startsAt);
      return event;
    },
    expect: signedIn,
  },
  { fn: 'booking', action: 'mine', event: () => ({}), expect: signedIn },
  //                                                                anon owner otherR advA  advB  cnsA  cnsB  esc   escA  stA   stB   admin
  { fn: 'booking', action: 'detail', target: requested('advisor'), event: byId, expect: [U, 'ok', N, 'ok', N, N, N, N, N, 'ok', N, 'ok'] },
  { fn: 'booking', action: 'detail', target: requested('counseling'), event: byId, expect: [U, 'ok', N, N, N, 'ok', N, N, N, 'ok', N, 'ok'] },
  { fn: 'booking', action: 'detail', target: requested('escort'), event: byId, expect: [U, 'ok', N, N, N, N, N, 'ok', 'ok', 'ok', N, 'ok'] },
  { fn: 'booking', action: 'detail', target: confirmed('escort'), event: byId, expect: [U, 'ok', N, N, N, N, N, N, 'ok', 'ok', N, 'ok'] },
  { fn: 'booking', action: 'detail', target: confirmed('advisor'), event: byId, expect: [U, 'ok', N, 'ok', N, N, N, N, N, 'ok', N, 'ok'] },
  // Only the owner may cancel or move a booking as a resident; to anyone else it does not exist.
  { fn: 'booking', action: 'cancel', target: requested('advisor'), mutates: true, event: byId, expect: ownerOnly },
  { fn: 'booking', action: 'cancel', target: confirmed('counseling'), mutates: true, event: byId, expect: ownerOnly },
  { fn: 'booking', action: 'cancel', target: requested('escort'), mutates: true, event: byId, expect: ownerOnly },
  { fn: 'booking', action: 'cancel', target: confirmed('escort'), mutates: true, event: byId, expect: ownerOnly },
  { fn: 'booking', action: 'reschedule', target: requested('advisor'), mutates: true, event: rescheduleEvent, expect: ownerOnly },
  { fn: 'booking', action: 'reschedule', target: confirmed('counseling'), mutates: true, event: rescheduleEvent, expect: ownerOnly },

  // The provider's side: residents without a provider role are refused outright.
  { fn: 'provider', action: 'inbox', event: () => ({}), expect: providersOnly },
  { fn: 'provider', action: 'schedule', event: () => ({ date: '2026-12-01' }), expect: providersOnly },
  //                                                                                   anon owner otherR advA  advB  cnsA  cnsB  esc   escA  stA   stB   admin
  { fn: 'provider', action: 'accept', target: requested('advisor'), mutates: true, event: byId, expect: [U, F, F, 'ok', N, N, N, N, N, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'accept', target: requested('counseling'), mutates: true, event: byId, expect: [U, F, F, N, N, 'ok', N, N, N, 'ok', N, 'ok'] },
  // An open escort request is confirmed by an escort claiming it or staff assigning one, never by
  // an "accept" that would leave it confirmed with nobody to go.
  { fn: 'provider', action: 'accept', target: requested('escort'), mutates: true, event: byId, expect: [U, F, F, N, N, N, N, N, N, 'VALIDATION_FAILED', N, 'VALIDATION_FAILED'] },
  { fn: 'provider', action: 'decline', target: requested('advisor'), mutates: true, event: (t) => ({ ...byId(t), reason: '当天外出培训' }), expect: [U, F, F, 'ok', N, N, N, N, N, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'decline', target: requested('counseling'), mutates: true, event: (t) => ({ ...byId(t), reason: '当天外出培训' }), expect: [U, F, F, N, N, 'ok', N, N, N, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'decline', target: requested('escort'), mutates: true, event: (t) => ({ ...byId(t), reason: '不在服务范围' }), expect: [U, F, F, N, N, N, N, N, N, 'ok', N, 'ok'] },
  // Only the assigned provider completes; staff and admin relate to the booking but may not.
  // Both are for an appointment that has begun: made at its start time, and before it refused.
  { fn: 'provider', action: 'complete', target: confirmed('advisor'), started: true, note: 'at its start', mutates: true, event: (t) => ({ ...byId(t), notes: '已讲解政策' }), expect: [U, F, F, 'ok', N, N, N, N, N, F, N, F] },
  { fn: 'provider', action: 'complete', target: confirmed('counseling'), started: true, note: 'at its start', mutates: true, event: byId, expect: [U, F, F, N, N, 'ok', N, N, N, F, N, F] },
  { fn: 'provider', action: 'complete', target: confirmed('escort'), started: true, note: 'at its start', mutates: true, event: byId, expect: [U, F, F, N, N, N, N, N, 'ok', F, N, F] },
  { fn: 'provider', action: 'noShow', target: confirmed('advisor'), started: true, note: 'at its start', mutates: true, event: byId, expect: [U, F, F, 'ok', N, N, N, N, N, 'ok', N, F] },
  { fn: 'provider', action: 'noShow', target: confirmed('escort'), started: true, note: 'at its start', mutates: true, event: byId, expect: [U, F, F, N, N, N, N, N, 'ok', 'ok', N, F] },
  // Before the start the role is checked first: those who may are told it has not started yet.
  { fn: 'provider', action: 'complete', target: confirmed('advisor'), note: 'before its start', mutates: true, event: (t) => ({ ...byId(t), notes: '已讲解政策' }), expect: [U, F, F, S, N, N, N, N, N, F, N, F] },
  { fn: 'provider', action: 'complete', target: confirmed('counseling'), note: 'before its start', mutates: true, event: byId, expect: [U, F, F, N, N, S, N, N, N, F, N, F] },
  { fn: 'provider', action: 'noShow', target: confirmed('advisor'), note: 'before its start', mutates: true, event: byId, expect: [U, F, F, S, N, N, N, N, N, S, N, F] },
  { fn: 'provider', action: 'noShow', target: confirmed('escort'), note: 'before its start', mutates: true, event: byId, expect: [U, F, F, N, N, N, N, N, S, S, N, F] },
  { fn: 'provider', action: 'cancel', target: confirmed('advisor'), mutates: true, event: (t) => ({ ...byId(t), reason: '临时出差' }), expect: [U, F, F, 'ok', N, N, N, N, N, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'cancel', target: confirmed('counseling'), mutates: true, event: (t) => ({ ...byId(t), reason: '临时出差' }), expect: [U, F, F, N, N, 'ok', N, N, N, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'cancel', target: confirmed('escort'), mutates: true, event: (t) => ({ ...byId(t), reason: '身体不适' }), expect: [U, F, F, N, N, N, N, N, 'ok', 'ok', N, 'ok'] },
  // A request not yet accepted is declined by its provider, not cancelled.
  { fn: 'provider', action: 'cancel', target: requested('advisor'), mutates: true, event: (t) => ({ ...byId(t), reason: '临时出差' }), expect: [U, F, F, F, N, N, N, N, N, 'ok', N, 'ok'] },
  // The open pool is for escorts.
  { fn: 'provider', action: 'pool', event: () => ({}), expect: [U, F, F, F, F, F, F, 'ok', 'ok', F, F, F] },
  { fn: 'provider', action: 'claim', target: requested('escort'), mutates: true, event: byId, expect: [U, F, F, F, F, F, F, 'ok', 'ok', F, F, F] },
  // Taken already: the escort who saw it in the pool is told so, like the loser of a race.
  { fn: 'provider', action: 'claim', target: confirmed('escort'), mutates: true, event: byId, expect: [U, F, F, F, F, F, F, 'CONFLICT', 'CONFLICT', F, F, F] },
  { fn: 'provider', action: 'claim', target: requested('advisor'), mutates: true, event: byId, expect: [U, F, F, F, F, F, F, N, N, F, F, F] },
  // Opening hours: the provider, staff of the station's 街道, admin. Escorts keep none.
  { fn: 'provider', action: 'availability', note: 'an advisor', event: () => ({ providerId: ids.advisor1 }), expect: [U, F, F, 'ok', N, N, N, F, F, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'setWeeklyRules', note: 'an advisor', event: () => ({ providerId: ids.advisor1, rules: advisorRules }), expect: [U, F, F, 'ok', N, N, N, F, F, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'addException', event: () => ({ providerId: ids.advisor1, exception: { date: SUNDAY, kind: 'closed' } }), expect: [U, F, F, 'ok', N, N, N, F, F, 'ok', N, 'ok'] },
  { fn: 'provider', action: 'removeException', event: () => ({ providerId: ids.advisor1, date: SUNDAY }), expect: [U, F, F, 'ok', N, N, N, F, F, 'ok', N, 'ok'] },
  // A counselor belongs to no station, so no 街道's staff keeps their hours.
  { fn: 'provider', action: 'availability', note: 'a counselor', event: () => ({ providerId: ids.counselor1 }), expect: [U, F, F, N, N, 'ok', N, F, F, N, N, 'ok'] },
  { fn: 'provider', action: 'setWeeklyRules', note: 'a counselor', event: () => ({ providerId: ids.counselor1, rules: counselorRules }), expect: [U, F, F, N, N, 'ok', N, F, F, N, N, 'ok'] },
  // Without a provider id the caller's own record is meant; staff and admin have none.
  { fn: 'provider', action: 'availability', note: 'one’s own', event: () => ({}), expect: [U, F, F, 'ok', 'ok', 'ok', 'ok', F, F, N, N, N] },

  // The district: admin only, but escort dispatch and counts are staff work too.
  { fn: 'admin', action: 'grantRoles', event: () => ({ userId: w.people.resident2.userId, roles: ['volunteer'] }), expect: adminOnly },
  { fn: 'admin', action: 'revokeRoles', event: () => ({ userId: w.people.resident2.userId, roles: ['volunteer'] }), expect: adminOnly },
  {
    fn: 'admin',
    action: 'upsertStation',
    event: () => ({
      stationId: 'sn-wuxing',
      communityId: 'cm-wuxing',
      name: '五星社区养老顾问站',
      address: '钟楼区五星社区服务中心一楼',
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      phone: '0519-88661005',
    }),
    // 街道 staff keep their own 街道's stations; 五星's is neither staff member's, so for them it does not exist.
    expect: [U, F, F, F, F, F, F, F, F, N, N, 'ok'],
  },
  { fn: 'admin', action: 'deleteStation', event: async () => ({ stationId: await spareStation() }), expect: adminOnly },
  {
    fn: 'admin',
    action: 'upsertProvider',
    event: async () => {
      const user = await w.t.app.repos.users.findByOpenid('demo-advisor-6');
      return { providerId: 'pv-advisor-6', userId: user!._id, kind: 'advisor', name: '冯顾问', stationId: 'sn-yonghong', venue: '永红社区养老顾问站' };
    },
    expect: adminOnly,
  },
  { fn: 'admin', action: 'deactivateProvider', event: () => ({ providerId: 'pv-advisor-5' }), expect: adminOnly },
  { fn: 'admin', action: 'setHolidayCalendar', event: () => demoCalendar, expect: adminOnly },
  //                                                                                                          anon owner otherR advA advB cnsA cnsB esc escA stA   stB   admin
  { fn: 'admin', action: 'assignEscort', target: requested('escort'), mutates: true, event: (t) => ({ ...byId(t), providerId: ids.escort3 }), expect: [U, F, F, F, F, F, F, F, F, 'ok', N, 'ok'] },
  { fn: 'admin', action: 'stats', event: () => ({ from: '2026-11-30', to: '2026-12-31' }), expect: staffAndAdmin },
];

/** Makes a call with the clock at the target's start, then puts the clock back. */
async function atStartOf<T>(target: Target, call: () => Promise<T>): Promise<T> {
  const booking = await directBooking(w, target.id);
  const before = w.clock.now();
  w.clock.set(booking!.startsAt);
  try {
    return await call();
  } finally {
    w.clock.set(before);
  }
}

const titled = cases.map((c) => ({ ...c, title: `${c.fn}.${c.action}${c.target ? ` on a ${c.target.status} ${c.target.kind} booking` : ''}${c.note ? ` (${c.note})` : ''}` }));

describe.each(titled)('$title', (c) => {
  let target: Target | undefined;
  afterAll(() => {
    target = undefined;
  });

  it.each(roles.map((role, index) => ({ role, expected: c.expect[index]! })))('as $role → $expected', async ({ role, expected }) => {
    expect(c.expect).toHaveLength(roles.length);
    if (c.target && !target) target = await makeTarget(c.target.kind, c.target.status);
    const before = target && (await directBooking(w, target.id));
    const event = { action: c.action, ...(await c.event(target)) };

    const call = () => w.as(personFor(role, target), c.fn, event);
    const result = c.started && target ? await atStartOf(target, call) : await call();

    expect(outcome(result)).toBe(expected);
    if (!target) return;
    const after = await directBooking(w, target.id);
    if (expected === 'ok' && c.mutates) {
      expect(after!.version).toBe(before!.version + 1);
      target = undefined;
    } else {
      // A refused call leaves the booking exactly as it was.
      expect(after).toEqual(before);
    }
  });
});

describe('a resident guessing ids', () => {
  it('gets the same NOT_FOUND for another resident’s booking as for one that does not exist', async () => {
    const owner = await freshResident(w);
    const view = await book(w, owner, advisorCreate((await nextFreeSlot(w, ids.advisor1)).startsAt));
    const slot = await nextFreeSlot(w, ids.advisor1);
    const guesser = w.people.resident2;
    for (const [action, extra] of [['detail', {}], ['cancel', { reason: '不想去了' }], ['reschedule', { startsAt: slot.startsAt }]] as const) {
      const theirs = await w.as(guesser, 'booking', { action, bookingId: view.id, ...extra });
      const nobody = await w.as(guesser, 'booking', { action, bookingId: 'bk0000000000000000000000', ...extra });
      expect(theirs).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
      expect(theirs).toEqual(nobody);
    }
    expect((await directBooking(w, view.id))!.status).toBe('requested');
  });
});

describe('what each role sees in lists', () => {
  let advisorBooking: BookingView;
  let counselingBooking: BookingView;
  let openEscort: BookingView;
  let claimedEscort: BookingView;
  let otherStreetEscort: BookingView;
  let otherStreetAdvisor: BookingView;
  let owner: Person;

  beforeAll(async () => {
    owner = await freshResident(w);
    const day = '2026-12-09';
    const advisorSlot = (await nextFreeSlot(w, ids.advisor1)).startsAt;
    advisorBooking = await book(w, owner, advisorCreate(advisorSlot));
    counselingBooking = await book(w, owner, counselingCreate(at(day, '09:00')));
    openEscort = await book(w, owner, escortCreate(at(day, '14:00')));
    claimedEscort = await book(w, await freshResident(w), escortCreate(at(day, '14:00')));
    expectOk(await w.as(w.people.escort2, 'provider', { action: 'claim', bookingId: claimedEscort.id }));
    const elsewhere = await freshResident(w, 'cm-hehua');
    otherStreetEscort = await book(w, elsewhere, escortCreate(at(day, '15:00'), { details: { streetId: ids.otherStreet } }));
    otherStreetAdvisor = await book(w, elsewhere, advisorCreate(at(day, '10:00'), { providerId: ids.advisor3 }));
  });

  const inbox = async (person: Person) => expectOk<{ items: BookingView[] }>(await w.as(person, 'provider', { action: 'inbox', pageSize: 50 })).items.map((b) => b.id);
  const pool = async (person: Person) => expectOk<{ items: BookingView[] }>(await w.as(person, 'provider', { action: 'pool', pageSize: 50 })).items;

  it('shows a provider only the requests assigned to them', async () => {
    const advisor1 = await inbox(w.people.advisor1);
    expect(advisor1).toContain(advisorBooking.id);
    expect(advisor1).not.toContain(counselingBooking.id);
    expect(advisor1).not.toContain(otherStreetAdvisor.id);
    expect(advisor1).not.toContain(openEscort.id);
    expect(await inbox(w.people.advisor2)).toEqual([]);
    expect(await inbox(w.people.advisor3)).toEqual([otherStreetAdvisor.id]);
    const counselor1 = await inbox(w.people.counselor1);
    expect(counselor1).toContain(counselingBooking.id);
    expect(counselor1).not.toContain(advisorBooking.id);
    expect(await inbox(w.people.counselor2)).toEqual([]);
    // Staff and admin are nobody's provider: their inbox is empty, not everyone's.
    expect(await inbox(w.people.staff)).toEqual([]);
    expect(await inbox(w.people.admin)).toEqual([]);
  });

  it('shows a provider only their own day on the schedule', async () => {
    const schedule = async (person: Person, date: string) =>
      expectOk<{ items: BookingView[] }>(await w.as(person, 'provider', { action: 'schedule', date })).items.map((b) => b.id);
    const counselingDay = '2026-12-09';
    expect(await schedule(w.people.counselor1, counselingDay)).toContain(counselingBooking.id);
    expect(await schedule(w.people.counselor2, counselingDay)).toEqual([]);
    expect(await schedule(w.people.advisor1, counselingDay)).not.toContain(counselingBooking.id);
    expect(await schedule(w.people.advisor3, counselingDay)).toEqual([otherStreetAdvisor.id]);
    expect(await schedule(w.people.escort2, counselingDay)).toEqual([claimedEscort.id]);
    expect(await schedule(w.people.escort1, counselingDay)).toEqual([]);
  });

  it('shows escorts the open pool of every 街道, masked, and not what is claimed', async () => {
    for (const escort of [w.people.escort1, w.people.escort3]) {
      const items = await pool(escort);
      const ids_ = items.map((b) => b.id);
      expect(ids_).toEqual(expect.arrayContaining([openEscort.id, otherStreetEscort.id]));
      expect(ids_).not.toContain(claimedEscort.id);
      expect(ids_).not.toContain(advisorBooking.id);
      expect(items.every((b) => b.service === 'escort' && b.status === 'requested' && b.provider === null)).toBe(true);
      const open = items.find((b) => b.id === openEscort.id)!;
      expect(open.contactPhone).toBe('138****2222');
      expect(open.details).toMatchObject({ pickupAddress: `${PICKUP_ADDRESS.slice(0, 6)}…`, companionPhone: '139****2222' });
    }
  });

  it('gives staff their own 街道 only, in detail and in counts', async () => {
    expect((await detailOf(w, w.people.staff, openEscort.id)).booking.contactPhone).toBe(CONTACT_PHONE);
    expect(outcome(await w.as(w.people.staff, 'booking', { action: 'detail', bookingId: otherStreetEscort.id }))).toBe('NOT_FOUND');
    expect(outcome(await w.as(w.people.staff, 'booking', { action: 'detail', bookingId: otherStreetAdvisor.id }))).toBe('NOT_FOUND');
    expect(outcome(await w.as(w.people.otherStaff, 'booking', { action: 'detail', bookingId: otherStreetEscort.id }))).toBe('ok');
    expect(outcome(await w.as(w.people.otherStaff, 'booking', { action: 'detail', bookingId: openEscort.id }))).toBe('NOT_FOUND');

    type Stats = { total: number; rows: { service: string; status: string; streetId: string | null; count: number }[] };
    // Asking for another 街道 does not widen what staff see.
    const staffStats = expectOk<Stats>(await w.as(w.people.staff, 'admin', { action: 'stats', from: '2026-12-09', to: '2026-12-09', streetId: ids.otherStreet }));
    expect(staffStats.total).toBeGreaterThanOrEqual(3);
    expect(new Set(staffStats.rows.map((r) => r.streetId))).toEqual(new Set([ids.street]));
    const otherStats = expectOk<Stats>(await w.as(w.people.otherStaff, 'admin', { action: 'stats', from: '2026-12-09', to: '2026-12-09' }));
    expect(otherStats.rows).toEqual(
      expect.arrayContaining([
        { service: 'escort', status: 'requested', streetId: ids.otherStreet, count: 1 },
        { service: 'advisor', status: 'requested', streetId: ids.otherStreet, count: 1 },
      ]),
    );
    expect(otherStats.total).toBe(2);
  });

  it('gives admin everything', async () => {
    for (const booking of [advisorBooking, counselingBooking, openEscort, claimedEscort, otherStreetEscort, otherStreetAdvisor]) {
      expect((await detailOf(w, w.people.admin, booking.id)).booking.id).toBe(booking.id);
    }
    const stats = expectOk<{ total: number; rows: { streetId: string | null }[] }>(await w.as(w.people.admin, 'admin', { action: 'stats', from: '2026-12-09', to: '2026-12-09' }));
    expect(new Set(stats.rows.map((r) => r.streetId))).toEqual(new Set([ids.street, ids.otherStreet]));
    const filtered = expectOk<{ total: number }>(await w.as(w.people.admin, 'admin', { action: 'stats', from: '2026-12-09', to: '2026-12-09', streetId: ids.otherStreet }));
    expect(filtered.total).toBe(2);
  });

  it('lists a booking made for a family member among the booker’s own', async () => {
    const booker = await freshResident(w);
    const mother = { name: '张桂兰', phone: '13700001111', relationship: 'parent' };
    const view = await book(w, booker, advisorCreate((await nextFreeSlot(w, ids.advisor1)).startsAt, { forFamily: mother }));
    const mine = expectOk<{ items: BookingView[]; total: number }>(await w.as(booker, 'booking', { action: 'mine' }));
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ id: view.id, forFamily: mother });
    // The provider's list masks the family member.
    const item = expectOk<{ items: BookingView[] }>(await w.as(w.people.advisor1, 'provider', { action: 'inbox', pageSize: 50 })).items.find((b) => b.id === view.id);
    expect(item?.forFamily).toEqual({ name: '张**', phone: '137****1111', relationship: 'parent' });
    // The family member is not a user: nobody else lists it as theirs.
    const other = expectOk<{ items: BookingView[] }>(await w.as(w.people.resident1, 'booking', { action: 'mine', pageSize: 50 }));
    expect(other.items.map((b) => b.id)).not.toContain(view.id);
  });
});

describe('counseling topic and notes', () => {
  let resident: Person;
  let booking: BookingView;

  const secrets = [COUNSELING_NOTE, COUNSELING_SERVICE_NOTES, COUNSELING_TOPIC];
  const hidesSecrets = (value: unknown) => {
    const json = JSON.stringify(value);
    for (const secret of secrets) expect(json).not.toContain(secret);
  };
  const showsAll = (view: BookingView) => {
    expect(view.details).toEqual({ kind: 'counseling', format: 'individual', topic: COUNSELING_TOPIC, note: COUNSELING_NOTE });
  };

  beforeAll(async () => {
    resident = await freshResident(w);
    booking = await book(w, resident, counselingCreate(at('2026-12-10', '14:00')));
  });

  it('go to the resident on creating', () => {
    showsAll(booking);
  });

  it('stay out of the counselor’s inbox and the resident’s list', async () => {
    const inbox = expectOk<{ items: BookingView[] }>(await w.as(w.people.counselor1, 'provider', { action: 'inbox', pageSize: 50 }));
    const item = inbox.items.find((b) => b.id === booking.id);
    expect(item?.details).toEqual({ kind: 'counseling', format: 'individual' });
    hidesSecrets(inbox);
    const mine = expectOk<{ items: BookingView[] }>(await w.as(resident, 'booking', { action: 'mine' }));
    expect(mine.items.map((b) => b.id)).toEqual([booking.id]);
    expect(mine.items[0]!.details).toEqual({ kind: 'counseling', format: 'individual' });
    hidesSecrets(mine);
  });

  it('are shown in full only to the resident and the assigned counselor, after service notes too', async () => {
    expectOk(await w.as(w.people.counselor1, 'provider', { action: 'accept', bookingId: booking.id }));
    w.clock.set(at('2026-12-10', '15:00'));
    try {
      expectOk(await w.as(w.people.counselor1, 'provider', { action: 'complete', bookingId: booking.id, notes: COUNSELING_SERVICE_NOTES }));
    } finally {
      w.clock.set('2026-11-30T00:00:00.000Z');
    }

    for (const person of [resident, w.people.counselor1]) {
      const detail = await detailOf(w, person, booking.id);
      showsAll(detail.booking);
      expect(detail.booking.serviceNotes).toBe(COUNSELING_SERVICE_NOTES);
    }
    for (const person of [w.people.staff, w.people.admin]) {
      const detail = await detailOf(w, person, booking.id);
      expect(detail.booking.details).toEqual({ kind: 'counseling', format: 'individual' });
      expect(detail.booking.serviceNotes).toBeNull();
      hidesSecrets(detail);
    }
    for (const person of [w.people.counselor2, w.people.advisor1, w.people.otherStaff, w.people.resident2]) {
      expect(outcome(await w.as(person, 'booking', { action: 'detail', bookingId: booking.id }))).toBe('NOT_FOUND');
    }

    const schedule = expectOk<{ items: BookingView[] }>(await w.as(w.people.counselor1, 'provider', { action: 'schedule', date: '2026-12-10' }));
    expect(schedule.items.map((b) => b.id)).toContain(booking.id);
    hidesSecrets(schedule);
    hidesSecrets(expectOk(await w.as(resident, 'booking', { action: 'mine', status: 'completed' })));
  });

  it('never enter an outbox event, nor does a cancel reason', async () => {
    const other = await book(w, resident, counselingCreate(at('2026-12-11', '09:00')));
    expectOk(await w.as(w.people.counselor1, 'provider', { action: 'accept', bookingId: other.id }));
    expectOk(await w.as(w.people.counselor1, 'provider', { action: 'cancel', bookingId: other.id, reason: '来访者提到的家庭暴力需转介' }));
    const events = await directOutbox(w);
    const ours = events.filter((e) => e.subject.id === booking.id || e.subject.id === other.id);
    expect(ours.map((e) => e.type).sort()).toEqual(['booking_accept', 'booking_accept', 'booking_cancel', 'booking_complete', 'booking_requested', 'booking_requested']);
    for (const event of ours) expect(event.payload.reason ?? null).toBeNull();
    hidesSecrets(events);
    expect(JSON.stringify(events)).not.toContain('家庭暴力');
  });

  it('keep a decline or cancel reason from staff and admin, in the booking and in its history', async () => {
    const { counselor1, staff, admin } = w.people;
    // A reason can say what the counseling is about, so it is as private as the topic.
    const declineReason = '来访者的情况需要转介心理危机干预';
    const cancelReason = '来访者说丈夫近期动手，改为转介妇联';
    const declined = await book(w, resident, counselingCreate(at('2026-12-14', '09:00')));
    const cancelled = await book(w, resident, counselingCreate(at('2026-12-14', '14:00')));
    expectOk(await w.as(counselor1, 'provider', { action: 'decline', bookingId: declined.id, reason: declineReason }));
    expectOk(await w.as(counselor1, 'provider', { action: 'accept', bookingId: cancelled.id }));
    expectOk(await w.as(counselor1, 'provider', { action: 'cancel', bookingId: cancelled.id, reason: cancelReason }));

    for (const [target, reason, action] of [[declined, declineReason, 'decline'], [cancelled, cancelReason, 'cancel']] as const) {
      for (const person of [resident, counselor1]) {
        const detail = await detailOf(w, person, target.id);
        expect(detail.booking.reason).toBe(reason);
        expect(detail.history.at(-1)).toMatchObject({ action, actorRole: 'provider', reason });
      }
      for (const person of [staff, admin]) {
        const detail = await detailOf(w, person, target.id);
        expect(detail.booking).toMatchObject({ id: target.id, status: action === 'decline' ? 'declined' : 'cancelled', reason: null });
        // What happened and who did it stays visible; why does not.
        expect(detail.history.at(-1)).toMatchObject({ action, actorRole: 'provider', reason: null });
        expect(detail.history.every((entry) => entry.reason === null)).toBe(true);
        expect(JSON.stringify(detail)).not.toContain(reason);
      }
    }

    // Staff must give a reason to cancel; it reaches the resident and the counselor, not the staff screen.
    const byStaff = await book(w, resident, counselingCreate(at('2026-12-15', '09:00')));
    const staffReason = '辅导员临时病假';
    const reply = expectOk<BookingView>(await w.as(staff, 'provider', { action: 'cancel', bookingId: byStaff.id, reason: staffReason }));
    expect(reply).toMatchObject({ status: 'cancelled', reason: null });
    expect(JSON.stringify((await detailOf(w, admin, byStaff.id)))).not.toContain(staffReason);
    for (const person of [resident, counselor1]) {
      expect((await detailOf(w, person, byStaff.id)).booking.reason).toBe(staffReason);
    }

    // Other services keep their reasons visible to staff and admin.
    const advisorBooking = await book(w, await freshResident(w), advisorCreate((await nextFreeSlot(w, ids.advisor1, { fromDate: TUESDAY })).startsAt));
    expectOk(await w.as(w.people.advisor1, 'provider', { action: 'decline', bookingId: advisorBooking.id, reason: '当天外出培训' }));
    for (const person of [staff, admin]) {
      const detail = await detailOf(w, person, advisorBooking.id);
      expect(detail.booking.reason).toBe('当天外出培训');
      expect(detail.history.at(-1)!.reason).toBe('当天外出培训');
    }
  });

  it('stay out of the bookings a change of hours reports', async () => {
    const counselor = w.people.counselor1;
    const day = '2026-12-18';
    const stranded = await book(w, resident, counselingCreate(at(day, '09:00')));
    const changed = expectOk<{ affected: BookingView[] }>(
      await w.as(counselor, 'provider', { action: 'addException', exception: { date: day, kind: 'closed' } }),
    );
    try {
      expect(changed.affected.map((b) => b.id)).toEqual([stranded.id]);
      expect(changed.affected[0]!.details).toEqual({ kind: 'counseling', format: 'individual' });
      hidesSecrets(changed);
      const events = await directOutbox(w, { type: 'availability_changed', 'subject.id': stranded.id });
      expect(events).toHaveLength(1);
      hidesSecrets(events);
    } finally {
      expectOk(await w.as(counselor, 'provider', { action: 'removeException', date: day }));
    }
  });
});
