import { documentsActions as input } from '../../shared/schemas/documents.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';
import type { App } from '../core/runtime/app';
import { resolveCertificateFont } from '../core/services/documents/certificate-font';
import { FacePdfTableRenderer } from '../core/services/exports/pdf-table-renderer';

const access = accessIn('documents');

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

/**
 * The volunteer hours table per 街道 as a PDF. Here rather than in `exports`: it is drawn with the
 * certificate's pdfkit and font, which this function carries already, so `exports` carries exceljs only.
 */
export const hoursTableActions = {
  volunteerHoursPdf: action({
    input: input.volunteerHoursPdf,
    access: access('volunteerHoursPdf'),
    run: (i, { app, caller }) => app.services.exports.volunteerHoursPdf(caller, i, pdfRendererOf(app)),
  }),
};
