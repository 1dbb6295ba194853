import { exportsActions as input } from '../../shared/schemas/exports.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';
import type { App } from '../core/runtime/app';
import { resolveCertificateFont } from '../core/services/documents/certificate-font';
import { FacePdfTableRenderer } from '../core/services/exports/pdf-table-renderer';
import { ExcelXlsxRenderer } from '../core/services/exports/xlsx-renderer';

const access = accessIn('exports');

const xlsx = new ExcelXlsxRenderer();
// One PDF renderer per app (per function instance): the certificate's font is found and read once, on first use.
const pdfRenderers = new WeakMap<App, FacePdfTableRenderer>();
function pdfRendererOf(app: App): FacePdfTableRenderer {
  let renderer = pdfRenderers.get(app);
  if (!renderer) {
    // __dirname is the bundle's folder once built, so a font shipped beside index.js is found.
    renderer = new FacePdfTableRenderer(resolveCertificateFont(app.config.certificateFont, __dirname));
    pdfRenderers.set(app, renderer);
  }
  return renderer;
}

/** exports — the dashboard's workbook and the volunteer hours table (XLSX, PDF). */
export const exportActions = {
  dashboardXlsx: action({ input: input.dashboardXlsx, access: access('dashboardXlsx'), run: (i, { app, caller }) => app.services.exports.dashboardXlsx(caller, i, xlsx) }),
  volunteerHoursXlsx: action({
    input: input.volunteerHoursXlsx,
    access: access('volunteerHoursXlsx'),
    run: (i, { app, caller }) => app.services.exports.volunteerHoursXlsx(caller, i, xlsx),
  }),
  volunteerHoursPdf: action({
    input: input.volunteerHoursPdf,
    access: access('volunteerHoursPdf'),
    run: (i, { app, caller }) => app.services.exports.volunteerHoursPdf(caller, i, pdfRendererOf(app)),
  }),
};
