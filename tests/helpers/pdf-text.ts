import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

/*
 * pdfjs-dist ships as ES modules only, which jest's CommonJS runtime cannot import; a child Node
 * process reads the PDF from stdin and prints each page's text runs and its images' pixels (RGBA).
 */
const script = `
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
const images = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => (item.str ?? '').trim()).filter(Boolean));
  const ops = await page.getOperatorList();
  for (let i = 0; i < ops.fnArray.length; i += 1) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const image = await new Promise((done) => page.objs.get(ops.argsArray[i][0], done));
    // pdf.js kinds: 2 RGB, 3 RGBA.
    if (!image || (image.kind !== 2 && image.kind !== 3)) continue;
    const channels = image.kind === 2 ? 3 : 4;
    const rgba = new Uint8Array(image.width * image.height * 4);
    for (let p = 0; p < image.width * image.height; p += 1) {
      rgba.set([image.data[p * channels], image.data[p * channels + 1], image.data[p * channels + 2], 255], p * 4);
    }
    images.push({ page: n, width: image.width, height: image.height, rgba: Buffer.from(rgba).toString('base64') });
  }
}
process.stdout.write(JSON.stringify({ pages, images }));
`;

export type PdfImage = { page: number; width: number; height: number; rgba: Buffer };

type Read = { pages: string[][]; images: PdfImage[] };

function readPdf(pdf: Buffer): Promise<Read> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: resolve(__dirname, '../..'), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
      const read = JSON.parse(stdout) as { pages: string[][]; images: (Omit<PdfImage, 'rgba'> & { rgba: string })[] };
      done({ pages: read.pages, images: read.images.map((image) => ({ ...image, rgba: Buffer.from(image.rgba, 'base64') })) });
    });
    child.stdin!.end(pdf);
  });
}

/** The text runs of each page of a PDF, as pdf.js extracts them (blank ones dropped). */
export async function pdfPages(pdf: Buffer): Promise<string[][]> {
  return (await readPdf(pdf)).pages;
}

/** The whole text of a PDF (every run, in order, joined with nothing between them), and its images. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; runs: string[]; images: PdfImage[] }> {
  const { pages, images } = await readPdf(pdf);
  const runs = pages.flat();
  return { text: runs.join(''), runs, images };
}

/**
 * Whether an image is the QR code of `text`: the image is cut to the dark symbol's bounding box,
 * sampled at the centre of each module and compared module by module with the symbol qrcode's
 * encoder makes for `text` at `errorCorrectionLevel`. (No decoder here decodes reliably: qrcode-reader
 * misses about 3 % of well-formed symbols.) Returns the number of modules that differ, or null when
 * the image holds no symbol of the right size.
 */
export function qrMismatches(image: PdfImage, text: string, errorCorrectionLevel: QRCodeErrorCorrectionLevel): number | null {
  const symbol = QRCode.create(text, { errorCorrectionLevel }).modules;
  const dark = (x: number, y: number) => {
    const at = (y * image.width + x) * 4;
    return image.rgba[at]! + image.rgba[at + 1]! + image.rgba[at + 2]! < 3 * 128;
  };
  let [minX, minY, maxX, maxY] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      if (!dark(x, y)) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < 0) return null;
  const cell = (maxX - minX + 1) / symbol.size;
  if (Math.abs((maxY - minY + 1) / symbol.size - cell) > 0.5 || cell < 2) return null;
  let differ = 0;
  for (let row = 0; row < symbol.size; row += 1) {
    for (let col = 0; col < symbol.size; col += 1) {
      const shown = dark(Math.floor(minX + (col + 0.5) * cell), Math.floor(minY + (row + 0.5) * cell));
      if (shown !== Boolean(symbol.get(row, col))) differ += 1;
    }
  }
  return differ;
}
