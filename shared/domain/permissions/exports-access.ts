import type { Role } from '../roles';
import type { Access } from './action-access';
import type { Principal } from './booking-relations';

const streetWork = ['staff', 'admin'] as const satisfies readonly Role[];

/**
 * The door of the `exports` function (the staff's XLSX and PDF files): 街道 staff and the bureau's
 * admin. Which rows a file holds is `streetScopeOf`'s business (staff their 街道, admin any).
 */
export const exportsAccess = {
  'exports.dashboardXlsx': streetWork,
  'exports.volunteerHoursXlsx': streetWork,
  // drawn by the documents function, which carries pdfkit and the font already
  'documents.volunteerHoursPdf': streetWork,
} as const satisfies Record<string, Access>;

/**
 * Phone numbers in full in an export: the bureau's admin only, and the call is audited (audit.ts);
 * everyone else gets `138****1234`.
 */
export function mayExportFullPhones(caller: Principal): boolean {
  return caller.roles.includes('admin');
}
