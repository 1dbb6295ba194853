import type { Role } from '../roles';
import type { Access } from './action-access';

const volunteers = ['volunteer'] as const satisfies readonly Role[];

/**
 * The door of the `documents` function (rendered documents). A volunteer has certificates of their
 * own hours issued, listed and downloaded again; which records a certificate covers is always the
 * caller's own, so there is no relation to check beyond the door.
 */
export const documentsAccess = {
  'documents.issueCertificate': volunteers,
  'documents.myCertificates': volunteers,
  'documents.certificate': volunteers,
} as const satisfies Record<string, Access>;
