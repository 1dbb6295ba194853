import { defineFunction } from '../core/runtime/define-function';
import { certificatesPart, exportsPart } from '../core/services/documents/documents.parts';
import { dashboardPart } from '../core/services/staff/staff.parts';
import { certificateActions } from './certificate-actions';
import { hoursTableActions } from './hours-table-actions';

/**
 * Rendered documents (PDF): the volunteer's certificate and the staff's hours table. A function of
 * its own because rendering pulls pdfkit, qrcode and a font (about 1 MB and more): booking and the
 * everyday calls stay lean. `renders` tells the build and the bundle test so.
 */
export const documentsFunction = defineFunction(
  'documents',
  { ...certificateActions, ...hoursTableActions },
  // The hours table's rows are the exports service's (which reads the dashboard's scope rules).
  { renders: true, services: { certificates: certificatesPart, exports: exportsPart, dashboard: dashboardPart } },
);

export const main = documentsFunction.main;
