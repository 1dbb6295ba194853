import { callAction } from './call-function';
import { documentFileSchema, myCertificatesSchema } from './documents-views.schema';

/** The `documents` function: a volunteer's 志愿服务记录证明 (the server checks the role and the owner). */
export const documentsApi = {
  issueCertificate: (from: string, to: string) => callAction('documents', 'issueCertificate', { from, to }, documentFileSchema),
  myCertificates: () => callAction('documents', 'myCertificates', {}, myCertificatesSchema),
  certificate: (serial: string) => callAction('documents', 'certificate', { serial }, documentFileSchema),
};
