import type { Role } from '../roles';
import type { Principal } from './booking-relations';

/*
 * The volunteer function's doors and the relations to its records. This file holds the registration
 * part (applications and the volunteer's own profile); activities keep theirs in activity-access.ts.
 * Types only are imported from action-access.ts, which joins this table: a value import back would
 * be circular.
 */
const streetWork = ['staff', 'admin'] as const satisfies readonly Role[];

// ── volunteer — registration ─────────────────────────────────────────────
export const volunteerRegistrationAccess = {
  // Any signed-in resident may apply; their own records need nothing more than being signed in.
  'volunteer.apply': 'user',
  'volunteer.myApplication': 'user',
  'volunteer.me': 'user',
  'volunteer.deleteIdNumber': 'user',
  // Leaving is decided by the application (approved and one's own), not by the role: a volunteer
  // whose role an admin already took away may still close their record.
  'volunteer.leave': 'user',
  'volunteer.applications': streetWork,
  'volunteer.application': streetWork,
  'volunteer.approve': streetWork,
  'volunteer.reject': streetWork,
} as const;

/** How a caller stands to an application: the applicant first, then admin, then staff of its 街道. */
export const ApplicationRelation = { applicant: 'applicant', admin: 'admin', staff: 'staff' } as const;
export type ApplicationRelation = (typeof ApplicationRelation)[keyof typeof ApplicationRelation];
export const allApplicationRelations = Object.values(ApplicationRelation) as [ApplicationRelation, ...ApplicationRelation[]];

export type ApplicationFacts = { userId: string; streetId: string };

/**
 * The caller's relation to an application, or null (then it does not exist for them: NOT_FOUND).
 * Applicant comes first, so staff applying themselves are the applicant and cannot decide their own.
 */
export function relationToApplication(application: ApplicationFacts, caller: Principal): ApplicationRelation | null {
  if (application.userId === caller.userId) return 'applicant';
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId !== null && caller.staffStreetId === application.streetId) return 'staff';
  return null;
}

export type ApplicationRules = {
  /** The health self-declaration and the emergency contact: the applicant and the 街道 that decides. */
  health: boolean;
  /** Phones in full in a detail; lists always mask them. */
  fullPhoneInDetail: boolean;
  /** Approve or reject. */
  decide: boolean;
  /** Leave, delete the ID number. */
  own: boolean;
};

export const applicationRelationRules: Record<ApplicationRelation, ApplicationRules> = {
  applicant: { health: true, fullPhoneInDetail: true, decide: false, own: true },
  admin: { health: true, fullPhoneInDetail: true, decide: true, own: false },
  staff: { health: true, fullPhoneInDetail: true, decide: true, own: false },
};

export function mayDecideApplication(relation: ApplicationRelation | null): boolean {
  return relation !== null && applicationRelationRules[relation].decide;
}
