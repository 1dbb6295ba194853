import { documentTypeOf, mimeTypeOf, safeDocumentName, type DocumentToOpen } from './document-file';

// How long the browser keeps the file's address: long enough for a slow download to start.
const REVOKE_AFTER_MS = 60_000;

/** The browser saves the file (a PDF it may show, by its own setting) through a download link. */
export async function openDocument(file: DocumentToOpen): Promise<void> {
  const type = documentTypeOf(file);
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeTypeOf(type) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeDocumentName(file.fileName, type);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
