/**
 * Stands in for fontkit's brotli decoder in the documents bundle (scripts/build-functions.ts):
 * brotli is only for WOFF2 fonts, which pdfkit handles badly (toolchain.md), and it is 475 KB of
 * the bundle. Certificates take a .ttf, .otf or .ttc. A CommonJS export, as fontkit requires it.
 */
function woff2Unsupported(): never {
  throw new Error('WOFF2 fonts are not supported for certificates: use a .ttf, .otf or .ttc (CERTIFICATE_FONT_PATH)');
}

export = woff2Unsupported;
