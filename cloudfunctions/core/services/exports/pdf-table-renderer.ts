import type { FontChoice } from '../documents/certificate-font';
import { pdfBytes, PdfFace, type PdfDoc } from '../documents/pdf-face';
import type { Cell, Column, PdfTable, PdfTableRenderer } from './export-tables';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const contentWidth = A4.width - 2 * MARGIN;
const BODY = 9.5;

const cellText = (cell: Cell, column: Column): string => {
  if (cell === null) return '—';
  if (typeof cell === 'number') return column.format === 'percent' ? `${(cell * 100).toFixed(1)}%` : Number.isInteger(cell) ? String(cell) : cell.toFixed(1);
  return cell;
};

/**
 * A table as a PDF in the certificate's face (the same font, found the same way): A4, a title and a
 * line, then each section (a 街道) on a page of its own with its heading, the table (headers again
 * on each new page) and its closing line. pdfkit writes pages as rows arrive.
 */
export class FacePdfTableRenderer implements PdfTableRenderer {
  private readonly face: PdfFace;

  constructor(font: FontChoice | null) {
    this.face = new PdfFace(font);
  }

  async render(table: PdfTable): Promise<Buffer> {
    const doc = this.face.newDocument({ size: 'A4', margin: MARGIN, info: { Title: table.title } });
    const scale = contentWidth / table.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = table.columns.map((column) => column.width * scale);
    return pdfBytes(doc, async (d) => {
      let first = true;
      for (const section of table.sections) {
        if (!first) d.addPage();
        first = false;
        d.y = MARGIN;
        d.fontSize(16).text(table.title, MARGIN, d.y, { width: contentWidth, align: 'center' });
        d.moveDown(0.3);
        d.fontSize(9).text(table.subtitle, MARGIN, d.y, { width: contentWidth, align: 'right' });
        d.moveDown(0.6);
        d.fontSize(12).text(section.heading, MARGIN, d.y, { width: contentWidth });
        d.moveDown(0.4);
        const header = table.columns.map((column) => column.header);
        row(d, widths, header, true, header);
        let rows = 0;
        for await (const batch of section.rows) {
          for (const cells of batch) {
            row(d, widths, cells.map((cell, i) => cellText(cell, table.columns[i]!)), false, header);
            rows += 1;
          }
        }
        if (rows === 0) row(d, [contentWidth], ['这段时间没有服务时长记录'], false, header);
        d.moveDown(0.6);
        d.fontSize(10).text(section.footer(), MARGIN, d.y, { width: contentWidth });
      }
    });
  }
}

function row(doc: PdfDoc, widths: number[], cells: string[], isHeader: boolean, header: string[]) {
  doc.fontSize(BODY);
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 }))) + 6;
  if (doc.y + height > A4.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
    if (!isHeader) row(doc, widths, header, true, header);
  }
  const top = doc.y;
  let x = MARGIN;
  if (isHeader) doc.rect(MARGIN, top, widths.reduce((a, b) => a + b, 0), height).fillAndStroke('#f0f2f5', '#999999').fillColor('#000000');
  cells.forEach((cell, i) => {
    const width = widths[i]!;
    doc.rect(x, top, width, height).lineWidth(0.5).stroke('#999999');
    doc.fillColor('#000000').fontSize(BODY).text(cell, x + 3, top + 3, { width: width - 6, align: i === 2 ? 'left' : 'center' });
    x += width;
  });
  doc.y = top + height;
}
