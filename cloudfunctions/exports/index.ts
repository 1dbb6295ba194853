import { defineFunction } from '../core/runtime/define-function';
import { exportsPart } from '../core/services/documents/documents.parts';
import { dashboardPart } from '../core/services/staff/staff.parts';
import { exportActions } from './export-actions';

/**
 * The staff's exports (XLSX, PDF). A function of its own, apart from `documents`: exceljs and
 * pdfkit with a font are megabytes that the certificate's function need not grow by, and that
 * booking and the everyday calls must not load. `renders` tells the build and the bundle test so.
 * The dashboard is composed too: the summary sheet's numbers are its own.
 */
export const exportsFunction = defineFunction('exports', { ...exportActions }, { renders: true, services: { exports: exportsPart, dashboard: dashboardPart } });

export const main = exportsFunction.main;
