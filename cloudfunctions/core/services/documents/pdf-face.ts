import { readFileSync } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import type { FontChoice } from './certificate-font';

/*
 * pdfkit is required, not imported: in an esbuild bundle the ES import of pdfkit picks its browser
 * build and crashes at load (toolchain.md). It is required on first use, not when this file loads:
 * pdfkit's node build cannot even load in a jsdom environment (the weapp test tier starts the host
 * there). Only the rendering functions (documents, exports) reach this file.
 */
let pdfkit: typeof import('pdfkit') | null = null;
function PDFDocumentClass(): typeof import('pdfkit') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pdfkit ??= require('pdfkit') as typeof import('pdfkit');
  return pdfkit;
}

export type PdfDoc = InstanceType<typeof import('pdfkit')>;
/** pdfkit's embedded font keeps its fontkit face here; fontkit is what knows which glyphs exist. */
type WithFontkitFace = { _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } };

const FACE = 'certificate';

/**
 * The CJK face every PDF of ours is set in (the certificate's font machinery: found by
 * `resolveCertificateFont`, read once per function instance, registered before anything is drawn,
 * since pdfkit's default Helvetica is not in a bundle).
 */
export class PdfFace {
  private fontData: Buffer | null = null;

  constructor(private readonly font: FontChoice | null) {}

  /** The font's bytes, read once; a clear server error when there is none. */
  private fontBytes(): Buffer {
    if (this.fontData) return this.fontData;
    if (!this.font) {
      console.error('[documents] no certificate font: set CERTIFICATE_FONT_PATH, put certificate-font.ttf beside the bundle, or install fonts-noto-cjk');
      throw new AppError('DOCUMENT_UNAVAILABLE');
    }
    try {
      this.fontData = readFileSync(this.font.path);
    } catch (error) {
      console.error(`[documents] the certificate font ${this.font.path} cannot be read`, error);
      throw new AppError('DOCUMENT_UNAVAILABLE');
    }
    return this.fontData;
  }

  /** A document in the face, `options` as pdfkit takes them (size, margin, layout, info). */
  newDocument(options: { size?: string; margin?: number; layout?: 'portrait' | 'landscape'; info?: { Title?: string } } = {}): PdfDoc {
    const bytes = this.fontBytes();
    const PDFDocument = PDFDocumentClass();
    const doc = new PDFDocument({
      size: options.size ?? 'A4',
      margin: options.margin,
      layout: options.layout,
      // null: no standard font is loaded at all (their metrics files are not in the bundle).
      font: null as unknown as string,
      info: options.info ? { ...options.info, Producer: 'civic-services' } : undefined,
    });
    try {
      doc.registerFont(FACE, bytes, this.font?.postscriptName);
      doc.font(FACE);
    } catch (error) {
      // A .ttc without the right PostScript name fails here ("createSubset is not a function").
      console.error(`[documents] the certificate font ${this.font?.path} (${this.font?.postscriptName ?? 'no face name'}) does not load`, error);
      throw new AppError('DOCUMENT_UNAVAILABLE');
    }
    return doc;
  }

  /** Characters of `text` the face cannot draw (they would print as blanks); empty when all are there. */
  async missingGlyphs(text: string): Promise<string[]> {
    const doc = this.newDocument();
    const face = (doc as unknown as WithFontkitFace)._font?.font;
    doc.end();
    if (!face?.hasGlyphForCodePoint) return [];
    const missing = new Set<string>();
    for (const char of text) {
      if (/\s/.test(char)) continue;
      if (!face.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
    }
    return [...missing];
  }
}

/** The bytes of `doc` once `draw` (which may wait for rows) has drawn it; pdfkit writes its pages as it goes. */
export async function pdfBytes(doc: PdfDoc, draw: (doc: PdfDoc) => void | Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}
