import { PassThrough } from 'node:stream';
import type { Cell, Column, Sheet, XlsxRenderer } from './export-tables';

/*
 * Only exceljs' streaming writer is required, and on first use: only the exports function reaches
 * this file, so only its bundle carries it, and requiring the writer's own module (not the package's
 * index) leaves out the reading side (unzipper, fast-csv) and the in-memory writer's jszip, about
 * 0.5 MB. It commits each row as it is added, so a large export never holds all of its rows.
 */
type WorkbookWriterClass = (typeof import('exceljs'))['stream']['xlsx']['WorkbookWriter'];
let writerClass: WorkbookWriterClass | null = null;
function workbookWriter(): WorkbookWriterClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  writerClass ??= require('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
  return writerClass;
}

const numberFormats: Record<NonNullable<Column['format']>, string> = { integer: '0', decimal: '0.0', percent: '0.0%' };
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF0F2F5' } };

/** Column letters of 1-based index n: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The streaming exceljs writer: a merged title and line, merged group headers, then the rows batch by batch. */
export class ExcelXlsxRenderer implements XlsxRenderer {
  async render(sheets: Sheet[]): Promise<Buffer> {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    const workbook = new (workbookWriter())({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'civic-services';
    for (const sheet of sheets) await writeSheet(workbook, sheet);
    await workbook.commit();
    await ended;
    return Buffer.concat(chunks);
  }
}

type Workbook = InstanceType<WorkbookWriterClass>;

async function writeSheet(workbook: Workbook, sheet: Sheet): Promise<void> {
  const headerRows = sheet.groups ? 4 : 3;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: headerRows }] });
  ws.columns = sheet.columns.map((column) => ({ width: column.width }));
  const last = columnLetter(sheet.columns.length);

  const title = ws.addRow([sheet.title]);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(`A1:${last}1`);
  title.commit();
  const subtitle = ws.addRow([sheet.subtitle]);
  subtitle.getCell(1).alignment = { horizontal: 'right' };
  ws.mergeCells(`A2:${last}2`);
  subtitle.commit();

  if (sheet.groups) {
    const groupCells: Cell[] = [];
    for (const group of sheet.groups) groupCells.push(group.label, ...Array<Cell>(group.span - 1).fill(null));
    // A one-column group stands over its column alone: its label, merged down over the header row.
    const headerCells = sheet.columns.map((column) => column.header);
    let at = 1;
    for (const group of sheet.groups) {
      if (group.span === 1) headerCells[at - 1] = group.label;
      at += group.span;
    }
    const groupRow = ws.addRow(groupCells);
    const headerRow = ws.addRow(headerCells);
    at = 1;
    for (const group of sheet.groups) {
      const range = group.span === 1 ? `${columnLetter(at)}3:${columnLetter(at)}4` : `${columnLetter(at)}3:${columnLetter(at + group.span - 1)}3`;
      ws.mergeCells(range);
      at += group.span;
    }
    styleHeader(groupRow, sheet.columns.length);
    styleHeader(headerRow, sheet.columns.length);
    groupRow.commit();
    headerRow.commit();
  } else {
    const headerRow = ws.addRow(sheet.columns.map((column) => column.header));
    styleHeader(headerRow, sheet.columns.length);
    headerRow.commit();
  }

  for await (const batch of sheet.rows) {
    for (const cells of batch) {
      const row = ws.addRow(cells);
      sheet.columns.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        cell.border = border;
        if (column.format) cell.numFmt = numberFormats[column.format];
      });
      row.commit();
    }
  }
  ws.commit();
}

function styleHeader(row: ReturnType<Workbook['addWorksheet']>['lastRow'] & object, columns: number) {
  for (let index = 1; index <= columns; index += 1) {
    const cell = row.getCell(index);
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = border;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}
