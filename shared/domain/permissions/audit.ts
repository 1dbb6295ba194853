import { hasAnyRole, type Role } from '../roles';
import { accessOf, actionAccess, districtRoles, type ActionKey } from './action-access';

/**
 * What the audit log keeps of staff and admin work: each view of a person's full details, and each
 * change they make. One table beside the doors: every action staff or admin may call is classified
 * here (a test fails for one that is not), so the log is decided where access is, not in the services.
 */
export type AuditKind = 'view_person' | 'change' | 'none';

export const auditOf = {
  // A booking's detail shows names, phones and addresses in full.
  'booking.detail': 'view_person',
  'notify.dead': 'none',
  'notify.resend': 'change',
  'admin.grantRoles': 'change',
  'admin.revokeRoles': 'change',
  'admin.upsertStation': 'change',
  'admin.deleteStation': 'change',
  'admin.upsertProvider': 'change',
  'admin.deactivateProvider': 'change',
  'admin.setHolidayCalendar': 'change',
  'admin.assignEscort': 'change',
  'admin.stats': 'none',
  // Staff work a provider's list on their behalf (lists are masked; changes are logged).
  'provider.inbox': 'none',
  'provider.accept': 'change',
  'provider.decline': 'change',
  'provider.complete': 'change',
  'provider.noShow': 'change',
  'provider.cancel': 'change',
  'provider.schedule': 'none',
  'provider.availability': 'none',
  'provider.setWeeklyRules': 'change',
  'provider.addException': 'change',
  'provider.removeException': 'change',
  // volunteer — registration: an application in full (the ID number stays masked even here).
  'volunteer.applications': 'none',
  'volunteer.application': 'view_person',
  'volunteer.approve': 'change',
  'volunteer.reject': 'change',
  // volunteer — activities
  'volunteer.createActivity': 'change',
  'volunteer.updateActivity': 'change',
  'volunteer.cancelActivity': 'change',
  'volunteer.createSeries': 'change',
  'volunteer.updateSeriesFrom': 'change',
  'volunteer.cancelSeriesFrom': 'change',
  // volunteer — attendance: the roster shows full phones on the activity's day.
  'volunteer.attendanceCode': 'none',
  'volunteer.roster': 'view_person',
  'volunteer.activityHours': 'none',
  'volunteer.confirmHours': 'change',
  'volunteer.correctHours': 'change',
  'volunteer.decideCorrection': 'change',
  // volunteer — training
  'volunteer.classRoll': 'none',
  'volunteer.takeRoll': 'change',
  'volunteer.setTrainingTargets': 'change',
  'volunteer.trainingProgress': 'none',
  // volunteer — staff: the hub's counts and lists (phones masked there).
  'volunteer.manageOverview': 'none',
  'volunteer.managedActivities': 'none',
  'volunteer.managedActivity': 'none',
  'volunteer.pendingCorrections': 'none',
  // staff sign-in: who changed whose password (field names only, never a password).
  'user.changePassword': 'change',
  'admin.createStaffAccount': 'change',
  'admin.resetStaffPassword': 'change',
  // staff desk
  'staff.streetBookings': 'none',
  'staff.streetBooking': 'view_person',
  'staff.dispatchQueue': 'none',
  'staff.escortDay': 'none',
  'staff.reviewEligibility': 'change',
  'staff.bookFor': 'change',
  'staff.auditLog': 'none',
  'staff.dashboard': 'none',
  'staff.findPeople': 'none',
  'staff.districtSettings': 'none',
  'staff.setEscortCapacity': 'change',
  'staff.setServiceTargets': 'change',
  // stations and providers: the lists carry no person's contact data.
  'staff.managedStations': 'none',
  'staff.managedProviders': 'none',
  'admin.setStationActive': 'change',
  // exports: a file with full phones is a view of every person in it (only when asked, see below).
  'exports.dashboardXlsx': 'view_person',
  'exports.volunteerHoursXlsx': 'none',
  'documents.volunteerHoursPdf': 'none',
} as const satisfies Partial<Record<ActionKey, AuditKind>>;

/**
 * Actions logged only when their input asks for full details: the flag that does. An export with
 * phones masked shows no more than a list, so it is not a view of anyone's full details.
 */
export const auditedOnlyWhen = {
  'exports.dashboardXlsx': 'fullPhones',
} as const satisfies Partial<Record<keyof typeof auditOf, string>>;

/** What a call of `key` by someone holding `roles` with `input` leaves in the audit log, if anything. */
export function auditKindFor(key: string, roles: readonly Role[], input?: unknown): Exclude<AuditKind, 'none'> | null {
  if (!hasAnyRole(roles, districtRoles)) return null;
  const flag = (auditedOnlyWhen as Record<string, string>)[key];
  if (flag && !(typeof input === 'object' && input !== null && (input as Record<string, unknown>)[flag] === true)) return null;
  const kind = (auditOf as Record<string, AuditKind>)[key];
  return kind && kind !== 'none' ? kind : null;
}

/** Actions staff or admin may call by role that the table above has not classified (kept empty by a test). */
export function unclassifiedDistrictActions(): string[] {
  return (Object.keys(actionAccess) as ActionKey[]).filter((key) => {
    const access = accessOf(key);
    return Array.isArray(access) && access.some((role) => (districtRoles as readonly Role[]).includes(role)) && !(key in auditOf);
  });
}

/**
 * What the log names of a call: the ids in its input (which booking, which person, which activity)
 * and the names of the fields it sent — never their values, so no phone, reason or password is kept.
 */
export function auditSummaryOf(input: unknown): { target: Record<string, string>; fields: string[] } {
  const target: Record<string, string> = {};
  const fields: string[] = [];
  if (typeof input === 'object' && input !== null) {
    for (const [key, value] of Object.entries(input)) {
      fields.push(key);
      if (/Id$/.test(key) && typeof value === 'string') target[key] = value;
    }
  }
  return { target, fields: fields.sort() };
}
