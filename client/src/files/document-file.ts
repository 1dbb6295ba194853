/** A document the server rendered: its file name, its bytes in base64 and, for other than PDF, its type. */
export type DocumentToOpen = { fileName: string; base64: string; mimeType?: string };

/** The file types the app opens: a certificate's PDF, an export's workbook. */
export type DocumentType = 'pdf' | 'xlsx';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a file is, by its type (an export's workbook) or else a PDF. */
export function documentTypeOf(file: DocumentToOpen): DocumentType {
  return file.mimeType === XLSX_MIME || /\.xlsx$/i.test(file.fileName) ? 'xlsx' : 'pdf';
}

export const mimeTypeOf = (type: DocumentType): string => (type === 'xlsx' ? XLSX_MIME : 'application/pdf');

/**
 * A name every file system takes, ending in the file's type: letters of any script (an export is
 * called 南大街-预约明细-…), digits, dot, dash and underscore kept, anything else replaced.
 */
export function safeDocumentName(fileName: string, type: DocumentType): string {
  const stem = fileName
    .replace(new RegExp(`\\.${type}$`, 'i'), '')
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 80);
  return `${stem || 'document'}.${type}`;
}
