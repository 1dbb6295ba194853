import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * pdfjs-dist ships as ES modules only, which jest's CommonJS runtime cannot import; a child Node
 * process reads the PDF from stdin and prints each page's text runs and what its images' QR codes
 * say (qrcode-reader, in node_modules already as a dependency of the weapp tools).
 */
const script = `
import { createRequire } from 'node:module';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
const require = createRequire(process.cwd() + '/package.json');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
const qrCodes = [];
const decodeQr = (image) => new Promise((done) => {
  const QrCode = require('qrcode-reader');
  const reader = new QrCode();
  reader.callback = (error, value) => done(error ? null : value.result);
  // pdf.js kinds: 2 RGB, 3 RGBA; the reader takes RGBA.
  let data = image.data;
  if (image.kind === 2) {
    data = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0, j = 0; i < image.data.length; i += 3, j += 4) data.set([image.data[i], image.data[i + 1], image.data[i + 2], 255], j);
  }
  reader.decode({ width: image.width, height: image.height, data });
});
for (let n = 1; n <= doc.numPages; n += 1) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => (item.str ?? '').trim()).filter(Boolean));
  const ops = await page.getOperatorList();
  for (let i = 0; i < ops.fnArray.length; i += 1) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const image = await new Promise((done) => page.objs.get(ops.argsArray[i][0], done));
    if (image && (image.kind === 2 || image.kind === 3)) qrCodes.push(await decodeQr(image));
  }
}
process.stdout.write(JSON.stringify({ pages, qrCodes }));
`;

type Read = { pages: string[][]; qrCodes: (string | null)[] };

function readPdf(pdf: Buffer): Promise<Read> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: resolve(__dirname, '../..'), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
      done(JSON.parse(stdout) as Read);
    });
    child.stdin!.end(pdf);
  });
}

/** The text runs of each page of a PDF, as pdf.js extracts them (blank ones dropped). */
export async function pdfPages(pdf: Buffer): Promise<string[][]> {
  return (await readPdf(pdf)).pages;
}

/** The whole text of a PDF (every run, in order, joined with nothing between them), and what its QR codes say. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; runs: string[]; qrCodes: (string | null)[] }> {
  const { pages, qrCodes } = await readPdf(pdf);
  const runs = pages.flat();
  return { text: runs.join(''), runs, qrCodes };
}
