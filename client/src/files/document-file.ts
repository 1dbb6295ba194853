/** A document the server rendered: its file name and its bytes in base64. */
export type DocumentToOpen = { fileName: string; base64: string };

/** A name every file system takes: the server's name with anything unusual replaced, always .pdf. */
export function safePdfName(fileName: string): string {
  const stem = fileName.replace(/\.pdf$/i, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 80);
  return `${stem || 'document'}.pdf`;
}
