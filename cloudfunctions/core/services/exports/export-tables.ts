/**
 * What an export is, told apart from how it is drawn: sheets and tables of plain cells that the
 * `exports` function's renderers (exceljs, pdfkit) write out. The service describes; only the
 * function that renders carries the libraries.
 */

export type Cell = string | number | null;

/** A column: its header, its width in characters, and how numbers in it are shown. */
export type Column = { header: string; width: number; format?: 'integer' | 'decimal' | 'percent' };

/**
 * Headers over several columns (`span`); a group of one column stands over that column alone and
 * takes its header row too (merged down), as the bureau's forms do.
 */
export type HeaderGroup = { label: string; span: number };

/** One sheet: a title merged across it, a line under it, headers, then rows that arrive in batches. */
export type Sheet = {
  name: string;
  title: string;
  subtitle: string;
  groups?: HeaderGroup[];
  columns: Column[];
  rows: AsyncIterable<Cell[][]>;
};

/** Writes sheets to an .xlsx as their rows arrive (never all rows at once). */
export type XlsxRenderer = { render(sheets: Sheet[]): Promise<Buffer> };

/** One part of a PDF table: a heading (a 街道), its rows as they arrive, and a closing line once they have. */
export type PdfSection = { heading: string; rows: AsyncIterable<Cell[][]>; footer: () => string };

export type PdfTable = { title: string; subtitle: string; columns: Column[]; sections: PdfSection[] };

/** Writes a table to a PDF in the certificate's face, a section per page group. */
export type PdfTableRenderer = { render(table: PdfTable): Promise<Buffer> };

export type ExportFile = { fileName: string; mimeType: string; base64: string };
