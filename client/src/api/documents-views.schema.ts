import './zod-setup';
import { z } from 'zod';

/**
 * What the certificate page reads from the `documents` function's replies. Lenient like
 * views.schema.ts: objects are not strict, so a newer server's extra fields do not break the page.
 */

/** A rendered document: the file's name and type and its bytes in base64. */
export const documentFileSchema = z.object({
  serial: z.string(),
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.string().min(1),
});
export type DocumentFile = z.output<typeof documentFileSchema>;

export const myCertificatesSchema = z.object({
  items: z.array(
    z.object({
      serial: z.string(),
      period: z.object({ from: z.string(), to: z.string() }),
      totalHours: z.number(),
      issuedAt: z.string(),
      issueDate: z.string().optional(),
      issuer: z.string().optional().default(''),
    }),
  ),
});
export type IssuedCertificate = z.output<typeof myCertificatesSchema>['items'][number];
