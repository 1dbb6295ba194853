import type { Role } from '../roles';
import type { Access } from './action-access';

const organizers = ['staff', 'admin'] as const satisfies readonly Role[];
/** The roll's door: a volunteer (only the class's teacher gets further) and staff of its 街道. */
const rollTakers = ['volunteer', 'staff', 'admin'] as const satisfies readonly Role[];

/**
 * The door of the training actions (elders' seats, the roll, the yearly counts). Which class a
 * caller may see the roll of is `relationToClassRoll`'s business.
 */
export const trainingAccess = {
  'volunteer.classes': 'user',
  'volunteer.enrollElder': 'user',
  'volunteer.myEnrolments': 'user',
  'volunteer.classRoll': rollTakers,
  'volunteer.takeRoll': rollTakers,
  'volunteer.setTrainingTargets': ['admin'],
  'volunteer.trainingProgress': organizers,
} as const satisfies Record<string, Access>;

export type ClassRollRelation = 'teacher' | 'staff' | 'admin';

/**
 * Who sees and takes a class's roll: the volunteer placed in its teaching role, staff of the class's
 * 街道, and admin (the bureau). Anyone else is told the class does not exist.
 */
export function relationToClassRoll(
  session: { streetId: string },
  caller: { roles: readonly Role[]; staffStreetId: string | null },
  isTeacher: boolean,
): ClassRollRelation | null {
  if (isTeacher) return 'teacher';
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId !== null && caller.staffStreetId === session.streetId) return 'staff';
  return null;
}
