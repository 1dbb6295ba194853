import type { CertificateDoc } from '../../repositories/certificate.repository';
import type { CertificateRenderer } from './certificate.service';
import type { FontChoice } from './certificate-font';
import { pdfBytes, PdfFace, type PdfDoc } from './pdf-face';

/*
 * qrcode is required on first use, not imported when this file loads: listing certificates needs
 * none of it. Only the documents function reaches this file, so only its bundle carries it; pdfkit
 * and the font come through PdfFace, which the exports function's PDFs share.
 */
let QRCodeLibrary: typeof import('qrcode') | null = null;
function qrcode(): typeof import('qrcode') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  QRCodeLibrary ??= require('qrcode') as typeof import('qrcode');
  return QRCodeLibrary;
}

type Doc = PdfDoc;

/** How the verification QR is drawn: error correction M, the standard 4-module quiet zone, 8 px a module. */
export const CERTIFICATE_QR = { errorCorrectionLevel: 'M', margin: 4, scale: 8 } as const;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY = 11;

const hoursText = (hours: number) => `${Number.isInteger(hours) ? hours : hours.toFixed(1)}`;

/**
 * Renders a 志愿服务记录证明 with pdfkit: A4, one embedded face (pdfkit subsets it, so only the
 * characters used travel), the activities as a table that continues on new pages, and a QR code of
 * the public verification page.
 */
export class PdfCertificateRenderer implements CertificateRenderer {
  private readonly face: PdfFace;

  constructor(font: FontChoice | null) {
    this.face = new PdfFace(font);
  }

  missingGlyphs(text: string): Promise<string[]> {
    return this.face.missingGlyphs(text);
  }

  async render(certificate: CertificateDoc, verifyUrl: string): Promise<Buffer> {
    const qr = await qrcode().toBuffer(verifyUrl, { type: 'png', ...CERTIFICATE_QR });
    const doc = this.face.newDocument({ size: 'A4', margin: MARGIN, info: { Title: `志愿服务记录证明 ${certificate._id}` } });
    return pdfBytes(doc, (d) => drawCertificate(d, certificate, qr, verifyUrl));
  }
}

const contentWidth = A4.width - 2 * MARGIN;
const columns = [
  { label: '序号', width: 40 },
  { label: '活动名称', width: contentWidth - 40 - 90 - 90 },
  { label: '日期', width: 90 },
  { label: '时长（小时）', width: 90 },
];

function line(doc: Doc, text: string, options: { size?: number; align?: 'left' | 'center' | 'right'; gap?: number } = {}) {
  doc.fontSize(options.size ?? BODY).text(text, MARGIN, doc.y, { width: contentWidth, align: options.align ?? 'left' });
  doc.moveDown(options.gap ?? 0.4);
}

function tableRow(doc: Doc, cells: string[], header = false) {
  doc.fontSize(header ? BODY : 10.5);
  const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 8 }));
  const height = Math.max(...heights) + 8;
  if (doc.y + height > A4.height - MARGIN - 20) {
    doc.addPage();
    doc.y = MARGIN;
    if (!header) tableRow(doc, columns.map((c) => c.label), true);
  }
  const top = doc.y;
  let x = MARGIN;
  if (header) doc.rect(MARGIN, top, contentWidth, height).fillAndStroke('#f0f2f5', '#999999').fillColor('#000000');
  cells.forEach((cell, i) => {
    const width = columns[i]!.width;
    doc.rect(x, top, width, height).lineWidth(0.5).stroke('#999999');
    doc.fillColor('#000000').text(cell, x + 4, top + 4, { width: width - 8, align: i === 1 ? 'left' : 'center' });
    x += width;
  });
  doc.y = top + height;
}

function drawCertificate(doc: Doc, c: CertificateDoc, qr: Buffer, verifyUrl: string) {
  doc.y = MARGIN;
  line(doc, '志愿服务记录证明', { size: 22, align: 'center', gap: 0.6 });
  line(doc, `证明编号：${c._id}`, { size: 10, align: 'right', gap: 0.1 });
  line(doc, `开具日期：${c.issueDate}`, { size: 10, align: 'right', gap: 1 });

  line(doc, `姓名：${c.holder.name}`);
  if (c.holder.idType && c.holder.idMasked) line(doc, `证件类型：${c.holder.idType}    证件号码：${c.holder.idMasked}`);
  line(doc, `志愿者编号：${c.holder.volunteerNumber}`);
  line(doc, `服务期间：${c.period.from} 至 ${c.period.to}`, { gap: 0.8 });
  line(doc, '兹证明该同志在上述期间参加志愿服务活动，记录如下：', { gap: 0.5 });

  tableRow(doc, columns.map((col) => col.label), true);
  c.items.forEach((item, i) => tableRow(doc, [String(i + 1), item.title, item.date, hoursText(item.hours)]));
  doc.moveDown(0.8);
  line(doc, `合计时长：${hoursText(c.totalHours)} 小时`, { size: 12, gap: 1 });

  // The issuer's block and the QR code side by side; a new page when they no longer fit.
  const blockHeight = 150;
  if (doc.y + blockHeight > A4.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
  }
  const top = doc.y;
  const qrSize = 110;
  doc.image(qr, A4.width - MARGIN - qrSize, top, { width: qrSize });
  doc.fontSize(9).text('扫码核验', A4.width - MARGIN - qrSize, top + qrSize + 2, { width: qrSize, align: 'center' });
  const textWidth = contentWidth - qrSize - 16;
  doc.fontSize(BODY);
  doc.text(`出具单位：${c.issuer.unit}（盖章）`, MARGIN, top, { width: textWidth });
  doc.moveDown(0.4);
  doc.text(`经办人：${c.issuer.handler ?? '—'}`, MARGIN, doc.y, { width: textWidth });
  doc.moveDown(0.4);
  doc.text(`联系电话：${c.issuer.contact ?? '—'}`, MARGIN, doc.y, { width: textWidth });
  doc.y = Math.max(doc.y, top + qrSize + 16) + 12;

  doc.fontSize(9).fillColor('#555555');
  doc.text('本证明依据《志愿服务条例》和《志愿服务记录与证明出具办法（试行）》，由记录单位根据已确认的服务记录出具。真伪可扫描二维码或访问以下网址核验：', MARGIN, doc.y, { width: contentWidth });
  doc.text(verifyUrl, MARGIN, doc.y, { width: contentWidth });
  doc.fillColor('#000000');
}
