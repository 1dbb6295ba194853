import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * pdfjs-dist ships as ES modules only, which jest's CommonJS runtime cannot import; a child Node
 * process reads the PDF from stdin and prints each page's text runs.
 */
const script = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => (item.str ?? '').trim()).filter(Boolean));
}
process.stdout.write(JSON.stringify(pages));
`;

/** The text runs of each page of a PDF, as pdf.js extracts them (blank ones dropped). */
export function pdfPages(pdf: Buffer): Promise<string[][]> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: resolve(__dirname, '../..'), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
      done(JSON.parse(stdout) as string[][]);
    });
    child.stdin!.end(pdf);
  });
}

/** The whole text of a PDF: every run, in order, joined with nothing between them. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; runs: string[] }> {
  const runs = (await pdfPages(pdf)).flat();
  return { text: runs.join(''), runs };
}
