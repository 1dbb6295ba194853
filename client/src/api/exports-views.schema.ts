import './zod-setup';
import { z } from 'zod';

/** What the pages read from the `exports` function's replies: a file's name and type and its bytes in base64 (lenient like views.schema.ts). */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string().min(1),
});
export type ExportFile = z.output<typeof exportFileSchema>;
