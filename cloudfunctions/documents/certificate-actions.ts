import { documentsActions as input } from '../../shared/schemas/documents.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';
import type { App } from '../core/runtime/app';
import { resolveCertificateFont } from '../core/services/documents/certificate-font';
import { PdfCertificateRenderer } from '../core/services/documents/certificate-pdf';

const access = accessIn('documents');

// One renderer per app (per function instance): the font is found and read once, on first use.
const renderers = new WeakMap<App, PdfCertificateRenderer>();
function rendererOf(app: App): PdfCertificateRenderer {
  let renderer = renderers.get(app);
  if (!renderer) {
    // __dirname is the bundle's folder once built, so a font shipped beside index.js is found.
    renderer = new PdfCertificateRenderer(resolveCertificateFont(app.config.certificateFont, __dirname));
    renderers.set(app, renderer);
  }
  return renderer;
}

/** documents — certificates: a volunteer's 志愿服务记录证明, issued, listed and downloaded again. */
export const certificateActions = {
  issueCertificate: action({
    input: input.issueCertificate,
    access: access('issueCertificate'),
    run: (period, { app, caller }) => app.services.certificates.issue(caller, period, rendererOf(app)),
  }),
  myCertificates: action({ input: input.myCertificates, access: access('myCertificates'), run: (_i, { app, caller }) => app.services.certificates.mine(caller) }),
  certificate: action({
    input: input.certificate,
    access: access('certificate'),
    run: ({ serial }, { app, caller }) => app.services.certificates.download(caller, serial, rendererOf(app)),
  }),
};
