import { bookingTransitions } from '../booking-lifecycle';
import { allRoles, type Role } from '../roles';
import {
  actionAccess,
  allBookingRelations,
  allowedBookingActions,
  bookingRelationRules,
  checkReschedule,
  mayCall,
  relationToBooking,
  relationToProviderRecord,
  relationToStation,
  rolesFor,
  showsContact,
  showsCounselingPrivate,
  showsEscortPhone,
  showsReasons,
  streetScopeOf,
  type ActionKey,
  type AllowedBookingAction,
  type BookingRelation,
} from '.';

// Written out by hand on purpose: a change to the module must be matched here, role by role.
const R = 'resident', A = 'advisor', C = 'counselor', E = 'escort', V = 'volunteer', S = 'staff', D = 'admin';
const everyone: Role[] = [R, A, C, E, V, S, D];
const providerWork: Role[] = [A, C, E, S, D];
const hoursWork: Role[] = [A, C, S, D];

const expectedRoles: Record<ActionKey, { public?: true; roles: Role[] }> = {
  'user.login': { public: true, roles: everyone },
  'user.devLogin': { public: true, roles: everyone },
  'user.me': { roles: everyone },
  'user.updateProfile': { roles: everyone },
  'notify.list': { roles: everyone },
  'notify.unreadCount': { roles: everyone },
  'notify.markRead': { roles: everyone },
  'notify.recordConsent': { roles: everyone },
  'notify.dead': { roles: [S, D] },
  'notify.resend': { roles: [S, D] },
  'admin.grantRoles': { roles: [D] },
  'admin.revokeRoles': { roles: [D] },
  'admin.upsertStation': { roles: [S, D] },
  'admin.deleteStation': { roles: [D] },
  'admin.upsertProvider': { roles: [D] },
  'admin.deactivateProvider': { roles: [D] },
  'admin.setHolidayCalendar': { roles: [D] },
  'admin.assignEscort': { roles: [S, D] },
  'admin.stats': { roles: [S, D] },
  'catalog.services': { roles: everyone },
  'catalog.streets': { roles: everyone },
  'catalog.stations': { roles: everyone },
  'catalog.providers': { roles: everyone },
  'catalog.slots': { roles: everyone },
  'booking.create': { roles: everyone },
  'booking.cancel': { roles: everyone },
  'booking.reschedule': { roles: everyone },
  'booking.mine': { roles: everyone },
  'booking.detail': { roles: everyone },
  'provider.inbox': { roles: providerWork },
  'provider.accept': { roles: providerWork },
  'provider.decline': { roles: providerWork },
  'provider.complete': { roles: providerWork },
  'provider.noShow': { roles: providerWork },
  'provider.cancel': { roles: providerWork },
  'provider.schedule': { roles: providerWork },
  'provider.availability': { roles: hoursWork },
  'provider.setWeeklyRules': { roles: hoursWork },
  'provider.addException': { roles: hoursWork },
  'provider.removeException': { roles: hoursWork },
  'provider.pool': { roles: [E] },
  'provider.claim': { roles: [E] },
  // volunteer — registration
  'volunteer.apply': { roles: everyone },
  'volunteer.myApplication': { roles: everyone },
  'volunteer.me': { roles: everyone },
  'volunteer.deleteIdNumber': { roles: everyone },
  'volunteer.leave': { roles: everyone },
  'volunteer.applications': { roles: [S, D] },
  'volunteer.application': { roles: [S, D] },
  'volunteer.approve': { roles: [S, D] },
  'volunteer.reject': { roles: [S, D] },
  // volunteer — activities
  'volunteer.createActivity': { roles: [S, D] },
  'volunteer.updateActivity': { roles: [S, D] },
  'volunteer.cancelActivity': { roles: [S, D] },
  'volunteer.createSeries': { roles: [S, D] },
  'volunteer.updateSeriesFrom': { roles: [S, D] },
  'volunteer.cancelSeriesFrom': { roles: [S, D] },
  'volunteer.activities': { roles: [V] },
  'volunteer.activity': { roles: [V] },
  'volunteer.signUp': { roles: [V] },
  'volunteer.withdraw': { roles: [V] },
  'volunteer.myPlaces': { roles: [V] },
  'volunteer.confirmOffer': { roles: [V] },
  'volunteer.declineOffer': { roles: [V] },
  // volunteer — attendance
  'volunteer.attendanceCode': { roles: [S, D] },
  'volunteer.roster': { roles: [S, D] },
  'volunteer.activityHours': { roles: [S, D] },
  'volunteer.confirmHours': { roles: [S, D] },
  'volunteer.correctHours': { roles: [S, D] },
  'volunteer.decideCorrection': { roles: [S, D] },
  'volunteer.checkIn': { roles: [V] },
  'volunteer.checkOut': { roles: [V] },
  'volunteer.requestCorrection': { roles: [V] },
  'volunteer.myHours': { roles: [V] },
  // volunteer — training
  'volunteer.classes': { roles: everyone },
  'volunteer.enrollElder': { roles: everyone },
  'volunteer.myEnrolments': { roles: everyone },
  'volunteer.classRoll': { roles: [V, S, D] },
  'volunteer.takeRoll': { roles: [V, S, D] },
  'volunteer.setTrainingTargets': { roles: [D] },
  'volunteer.trainingProgress': { roles: [S, D] },
  // volunteer — staff
  'volunteer.manageOverview': { roles: [S, D] },
  'volunteer.managedActivities': { roles: [S, D] },
  'volunteer.managedActivity': { roles: [S, D] },
  'volunteer.pendingCorrections': { roles: [S, D] },
  // staff sign-in
  'user.loginOptions': { public: true, roles: everyone },
  'user.staffLogin': { public: true, roles: everyone },
  'user.changePassword': { roles: [S, D] },
  'admin.createStaffAccount': { roles: [D] },
  'admin.resetStaffPassword': { roles: [D] },
  // staff desk
  'staff.streetBookings': { roles: [S, D] },
  'staff.streetBooking': { roles: [S, D] },
  'staff.dispatchQueue': { roles: [S, D] },
  'staff.escortDay': { roles: [S, D] },
  'staff.reviewEligibility': { roles: [S, D] },
  'staff.bookFor': { roles: [S, D] },
  'staff.auditLog': { roles: [D] },
  'staff.dashboard': { roles: [S, D] },
  'staff.findPeople': { roles: [D] },
  'staff.districtSettings': { roles: [D] },
  'staff.setEscortCapacity': { roles: [D] },
  // documents — certificates
  'documents.issueCertificate': { roles: [V] },
  'documents.myCertificates': { roles: [V] },
  'documents.certificate': { roles: [V] },
  // staff — dashboard targets
  'staff.setServiceTargets': { roles: [D] },
  // stations and providers
  'staff.managedStations': { roles: [S, D] },
  'staff.managedProviders': { roles: [S, D] },
  'admin.setStationActive': { roles: [S, D] },
  // exports — the staff's XLSX and PDF files
  'exports.dashboardXlsx': { roles: [S, D] },
  'exports.volunteerHoursXlsx': { roles: [S, D] },
  'documents.volunteerHoursPdf': { roles: [S, D] },
};

const keys = Object.keys(actionAccess) as ActionKey[];

describe('role × action', () => {
  it('lists exactly the actions the expectation lists', () => {
    expect([...keys].sort()).toEqual(Object.keys(expectedRoles).sort());
  });

  it.each(keys)('%s lets in exactly the expected roles', (key) => {
    for (const role of allRoles) expect([role, mayCall([role], key)]).toEqual([role, expectedRoles[key].roles.includes(role)]);
    expect([...rolesFor(key)].sort()).toEqual([...expectedRoles[key].roles].sort());
    expect(actionAccess[key] === 'public').toBe(expectedRoles[key].public === true);
  });

  it('lets a caller with several roles in when any of them is enough', () => {
    expect(mayCall([R, E], 'provider.claim')).toBe(true);
    expect(mayCall([R, S], 'provider.claim')).toBe(false);
    expect(mayCall([], 'admin.stats')).toBe(false);
  });
});

type Sight = { counselingDetail: boolean; counselingReasons: boolean; contact: Record<'list' | 'detail' | 'worklist', boolean>; escortPhone: boolean };
const sights: Record<BookingRelation, Sight> = {
  booker: { counselingDetail: true, counselingReasons: true, contact: { list: true, detail: true, worklist: true }, escortPhone: true },
  provider: { counselingDetail: true, counselingReasons: true, contact: { list: false, detail: true, worklist: true }, escortPhone: false },
  admin: { counselingDetail: false, counselingReasons: false, contact: { list: false, detail: true, worklist: false }, escortPhone: false },
  staff: { counselingDetail: false, counselingReasons: false, contact: { list: false, detail: true, worklist: false }, escortPhone: false },
  pool: { counselingDetail: false, counselingReasons: false, contact: { list: false, detail: false, worklist: false }, escortPhone: false },
};

describe('relation × what it sees', () => {
  it.each(allBookingRelations)('%s', (relation) => {
    const sight = sights[relation];
    expect(showsCounselingPrivate(relation, 'detail')).toBe(sight.counselingDetail);
    expect(showsCounselingPrivate(relation, 'list')).toBe(false);
    expect(showsReasons('counseling', relation)).toBe(sight.counselingReasons);
    expect(showsReasons('advisor', relation)).toBe(true);
    for (const place of ['list', 'detail', 'worklist'] as const) expect([place, showsContact(relation, place, 'confirmed')]).toEqual([place, sight.contact[place]]);
    // Only a confirmed job is done from the worklist; a request on it is masked like any list.
    expect(showsContact(relation, 'worklist', 'requested')).toBe(sight.contact.list);
    expect(showsEscortPhone(relation, { service: 'escort', status: 'confirmed' })).toBe(sight.escortPhone);
    expect(showsEscortPhone(relation, { service: 'escort', status: 'requested' })).toBe(false);
  });
});

// Times: a 09:00 (Shanghai) appointment with a 120-minute cut-off; deadline 07:00.
const startsAt = new Date('2026-12-03T01:00:00Z');
const cutoff = 120;
const early = new Date('2026-12-02T01:00:00Z');
const lateBeforeStart = new Date('2026-12-02T23:30:00Z');
const afterStart = new Date('2026-12-03T01:00:00Z');
type When = 'early' | 'late' | 'started';
const at: Record<When, Date> = { early, late: lateBeforeStart, started: afterStart };

/** What each relation may do to an advisor booking, by status and moment. */
const doesAdvisor: Record<BookingRelation, Partial<Record<string, Record<When, AllowedBookingAction[]>>>> = {
  booker: {
    requested: { early: ['cancel', 'reschedule'], late: ['cancel', 'reschedule'], started: ['cancel', 'reschedule'] },
    confirmed: { early: ['cancel', 'reschedule'], late: [], started: [] },
  },
  provider: {
    requested: { early: ['accept', 'decline'], late: ['accept', 'decline'], started: ['accept', 'decline'] },
    confirmed: { early: ['cancel'], late: ['cancel'], started: ['complete', 'no_show', 'cancel'] },
  },
  staff: {
    requested: { early: ['accept', 'decline', 'cancel'], late: ['accept', 'decline', 'cancel'], started: ['accept', 'decline', 'cancel'] },
    confirmed: { early: ['cancel'], late: ['cancel'], started: ['no_show', 'cancel'] },
  },
  admin: {
    requested: { early: ['accept', 'decline', 'cancel'], late: ['accept', 'decline', 'cancel'], started: ['accept', 'decline', 'cancel'] },
    confirmed: { early: ['cancel'], late: ['cancel'], started: ['cancel'] },
  },
  pool: {},
};

describe('relation × what it may do now (allowedActions)', () => {
  const statuses = ['requested', 'confirmed', 'declined', 'expired', 'cancelled', 'completed', 'no_show'];
  it.each(allBookingRelations)('%s on an advisor booking', (relation) => {
    for (const status of statuses) {
      for (const when of ['early', 'late', 'started'] as const) {
        const got = allowedBookingActions({ status, service: 'advisor', providerId: 'pv-1', startsAt }, relation, at[when], cutoff);
        expect([status, when, [...got].sort()]).toEqual([status, when, [...(doesAdvisor[relation][status]?.[when] ?? [])].sort()]);
      }
    }
  });

  it('offers an open escort request to the pool (claim) and staff (assign, not accept); nobody moves it', () => {
    const open = { status: 'requested', service: 'escort', providerId: null, startsAt };
    expect(allowedBookingActions(open, 'pool', early, cutoff)).toEqual(['claim']);
    expect(allowedBookingActions(open, 'staff', early, cutoff).sort()).toEqual(['assign', 'cancel', 'decline']);
    expect(allowedBookingActions(open, 'booker', early, cutoff)).toEqual(['cancel']);
    const claimed = { ...open, status: 'confirmed', providerId: 'pv-escort-1' };
    expect(allowedBookingActions(claimed, 'pool', early, cutoff)).toEqual([]);
    expect(allowedBookingActions(claimed, 'admin', early, cutoff).sort()).toEqual(['assign', 'cancel']);
    expect(allowedBookingActions(claimed, 'booker', early, cutoff)).toEqual(['cancel']);
  });

  it('agrees with the lifecycle table: every action offered is a transition of that actor from that status', () => {
    for (const relation of allBookingRelations) {
      const actor = bookingRelationRules[relation].actor;
      for (const status of statuses) {
        const lifecycle = allowedBookingActions({ status, service: 'advisor', providerId: 'pv-1', startsAt }, relation, afterStart, cutoff).filter(
          (action) => !['reschedule', 'claim', 'assign'].includes(action),
        );
        for (const action of lifecycle) {
          expect(bookingTransitions.some((t) => t.from === status && t.action === action && actor !== null && t.actors[actor])).toBe(true);
        }
      }
    }
  });
});

describe('reschedule', () => {
  const booking = { status: 'confirmed', service: 'advisor', providerId: 'pv-1', startsAt };
  it('moves a confirmed booking only before the cut-off, a request any time, an escort never', () => {
    expect(checkReschedule(booking, early, cutoff)).toEqual({ ok: true });
    expect(checkReschedule(booking, new Date('2026-12-02T23:00:00Z'), cutoff)).toEqual({ ok: false, code: 'CUTOFF_PASSED' });
    expect(checkReschedule(booking, new Date('2026-12-02T22:59:59.999Z'), cutoff)).toEqual({ ok: true });
    expect(checkReschedule({ ...booking, status: 'requested' }, lateBeforeStart, cutoff)).toEqual({ ok: true });
    expect(checkReschedule({ ...booking, status: 'cancelled' }, early, cutoff)).toEqual({ ok: false, code: 'CONFLICT' });
    expect(checkReschedule({ ...booking, service: 'escort' }, early, cutoff)).toEqual({ ok: false, code: 'NOT_MOVABLE' });
  });
});

describe('relations', () => {
  const booking = { status: 'requested', service: 'escort', bookerId: 'u-booker', providerId: null as string | null, streetId: 'st-1' };
  const caller = (userId: string, roles: Role[], staffStreetId: string | null = null) => ({ userId, roles, staffStreetId });

  it('names the first relation that matches: booker, provider, admin, staff, pool', () => {
    expect(relationToBooking(booking, caller('u-booker', [R, E, D]), [])).toBe('booker');
    expect(relationToBooking({ ...booking, providerId: 'pv-1' }, caller('u-2', [E, D]), ['pv-1'])).toBe('provider');
    expect(relationToBooking(booking, caller('u-2', [S, D], 'st-2'), [])).toBe('admin');
    expect(relationToBooking(booking, caller('u-2', [S, E], 'st-1'), [])).toBe('staff');
    expect(relationToBooking(booking, caller('u-2', [S, E], 'st-2'), [])).toBe('pool');
    expect(relationToBooking(booking, caller('u-2', [S], 'st-2'), [])).toBeNull();
    expect(relationToBooking({ ...booking, providerId: 'pv-1' }, caller('u-2', [E]), [])).toBeNull();
    expect(relationToBooking({ ...booking, status: 'holding' }, caller('u-2', [D]), [])).toBeNull();
    expect(relationToBooking({ ...booking, status: 'failed' }, caller('u-booker', [R]), [])).toBe('booker');
  });

  it('lets the provider, staff of its station\'s 街道 and admin keep a provider\'s hours', () => {
    const provider = { userId: 'u-advisor' };
    expect(relationToProviderRecord(provider, 'st-1', caller('u-advisor', [A]))).toBe('self');
    expect(relationToProviderRecord(provider, 'st-1', caller('u-2', [D]))).toBe('admin');
    expect(relationToProviderRecord(provider, 'st-1', caller('u-2', [S], 'st-1'))).toBe('staff');
    expect(relationToProviderRecord(provider, 'st-1', caller('u-2', [S], 'st-2'))).toBeNull();
    expect(relationToProviderRecord(provider, null, caller('u-2', [S], 'st-1'))).toBeNull();
    expect(relationToProviderRecord(provider, 'st-1', caller('u-2', [A, C, E]))).toBeNull();
  });

  it('scopes counts: admin any 街道 or the one asked, staff their own, staff without one nothing', () => {
    expect(streetScopeOf(caller('u', [D]), undefined)).toEqual({ kind: 'any' });
    expect(streetScopeOf(caller('u', [D]), 'st-2')).toEqual({ kind: 'street', streetId: 'st-2' });
    expect(streetScopeOf(caller('u', [S], 'st-1'), 'st-2')).toEqual({ kind: 'street', streetId: 'st-1' });
    expect(streetScopeOf(caller('u', [S]), 'st-2')).toEqual({ kind: 'none' });
  });
});

describe('relation to a station', () => {
  const staffOf = (street: string | null) => ({ userId: 'u-s', roles: [R, S] as Role[], staffStreetId: street });
  it('admin keep every station, staff their own 街道’s, nobody else any', () => {
    expect(relationToStation('st-a', { userId: 'u-d', roles: [R, D], staffStreetId: null })).toBe('admin');
    expect(relationToStation('st-a', staffOf('st-a'))).toBe('staff');
    expect(relationToStation('st-b', staffOf('st-a'))).toBeNull();
    expect(relationToStation('st-a', staffOf(null))).toBeNull();
    expect(relationToStation('st-a', { userId: 'u-a', roles: [R, A], staffStreetId: 'st-a' })).toBeNull();
  });
});
