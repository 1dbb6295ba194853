import { allRoles, hasAnyRole, type Role } from '../roles';
import { volunteerRegistrationAccess } from './volunteer-access';
import { activityAccess } from './activity-access';
// volunteer — attendance
import { attendanceAccess } from './attendance-access';
// volunteer — training
import { trainingAccess } from './training-access';
// volunteer — staff
import { manageAccess } from './manage-access';
// staff sign-in
import { staffAuthAccess } from './staff-auth-access';
// staff desk
import { staffDeskAccess } from './staff-desk-access';
// documents — certificates
import { documentsAccess } from './documents-access';
// stations and providers
import { stationAccess } from './station-access';
// exports — the staff's XLSX and PDF files
import { exportsAccess } from './exports-access';

/** Who may call an action: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'user' | readonly Role[];

/** Roles that deliver a service themselves: they have requests, a schedule and jobs of their own. */
export const serviceRoles = ['advisor', 'counselor', 'escort'] as const satisfies readonly Role[];
/** Service roles with weekly hours of their own; escorts have none (they claim requests instead). */
export const hoursKeeperRoles = ['advisor', 'counselor'] as const satisfies readonly Role[];
/** Roles that work on the district for others: staff for their 街道, admin for all of it. */
export const districtRoles = ['staff', 'admin'] as const satisfies readonly Role[];

const signedIn = 'user';
const providerWork = [...serviceRoles, ...districtRoles] as const;
const hoursWork = [...hoursKeeperRoles, ...districtRoles] as const;
const escortsOnly = ['escort'] as const;
const adminOnly = ['admin'] as const;

/*
 * The roles each action needs, keyed `function.action`. One table per domain, joined below: a new
 * domain (volunteer activities, a staff workbench) adds its table and its functions read it. Whether
 * a caller may touch a particular record is the relation's business (booking-relations.ts); this is
 * only the door.
 */
const accountAccess = {
  'user.login': 'public',
  'user.devLogin': 'public',
  'user.me': signedIn,
  'user.updateProfile': signedIn,
  'notify.list': signedIn,
  'notify.unreadCount': signedIn,
  'notify.markRead': signedIn,
  'notify.recordConsent': signedIn,
  'notify.dead': districtRoles,
  'notify.resend': districtRoles,
} as const satisfies Record<string, Access>;

const districtAccess = {
  'admin.grantRoles': adminOnly,
  'admin.revokeRoles': adminOnly,
  // 街道 staff keep their own 街道's stations (relationToStation, station-access.ts).
  'admin.upsertStation': districtRoles,
  'admin.deleteStation': adminOnly,
  'admin.upsertProvider': adminOnly,
  'admin.deactivateProvider': adminOnly,
  'admin.setHolidayCalendar': adminOnly,
  'admin.assignEscort': districtRoles,
  'admin.stats': districtRoles,
} as const satisfies Record<string, Access>;

const bookingAccess = {
  'catalog.services': signedIn,
  'catalog.streets': signedIn,
  'catalog.stations': signedIn,
  'catalog.providers': signedIn,
  'catalog.slots': signedIn,
  'booking.create': signedIn,
  'booking.cancel': signedIn,
  'booking.reschedule': signedIn,
  'booking.mine': signedIn,
  'booking.detail': signedIn,
  'provider.inbox': providerWork,
  'provider.accept': providerWork,
  'provider.decline': providerWork,
  'provider.complete': providerWork,
  'provider.noShow': providerWork,
  'provider.cancel': providerWork,
  'provider.schedule': providerWork,
  'provider.availability': hoursWork,
  'provider.setWeeklyRules': hoursWork,
  'provider.addException': hoursWork,
  'provider.removeException': hoursWork,
  // The pool is the escorts' own: staff dispatch through admin.assignEscort instead.
  'provider.pool': escortsOnly,
  'provider.claim': escortsOnly,
} as const satisfies Record<string, Access>;

export const actionAccess = {
  ...accountAccess,
  ...districtAccess,
  ...bookingAccess,
  ...volunteerRegistrationAccess,
  ...activityAccess,
  // volunteer — attendance
  ...attendanceAccess,
  // volunteer — training
  ...trainingAccess,
  // volunteer — staff
  ...manageAccess,
  // staff sign-in
  ...staffAuthAccess,
  // staff desk
  ...staffDeskAccess,
  // documents — certificates
  ...documentsAccess,
  // stations and providers
  ...stationAccess,
  // exports — the staff's XLSX and PDF files
  ...exportsAccess,
} as const satisfies Record<string, Access>;

export type ActionKey = keyof typeof actionAccess;
type FunctionOf<K> = K extends `${infer F}.${string}` ? F : never;
type ActionOf<K, F extends string> = K extends `${F}.${infer A}` ? A : never;
export type FunctionName = FunctionOf<ActionKey>;
export type ActionName<F extends FunctionName> = ActionOf<ActionKey, F>;

export function accessOf(key: ActionKey): Access {
  return actionAccess[key];
}

/** The access table of one function, for its entry file: `const access = accessIn('provider')`. */
export function accessIn<F extends FunctionName>(fn: F): <A extends ActionName<F>>(action: A) => (typeof actionAccess)[`${F}.${A}` & ActionKey] {
  // The key is built from two checked halves; TypeScript cannot follow the template back to the table.
  return (<A extends ActionName<F>>(action: A) => accessOf(`${fn}.${action}` as ActionKey)) as <A extends ActionName<F>>(
    action: A,
  ) => (typeof actionAccess)[`${F}.${A}` & ActionKey];
}

/** Whether holders of `roles` pass an action's door (a signed-in caller; 'public' and 'user' always do). */
export function mayCall(roles: readonly Role[], key: ActionKey): boolean {
  const access = accessOf(key);
  return access === 'public' || access === 'user' || hasAnyRole(roles, access);
}

/** The roles that pass an action's door, for a page that calls it (every role when any user may). */
export function rolesFor(key: ActionKey): readonly Role[] {
  const access = accessOf(key);
  return access === 'public' || access === 'user' ? allRoles : access;
}
