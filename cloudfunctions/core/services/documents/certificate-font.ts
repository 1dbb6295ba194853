import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A font file and, for a .ttc collection, the PostScript name of the face to use. */
export type FontChoice = { path: string; postscriptName?: string };

/** The name a font shipped beside a function's bundle goes by (any of these endings). */
export const BUNDLED_FONT_BASENAME = 'certificate-font';

/** Debian's `fonts-noto-cjk` (CI installs it): covers GBK and more, so rare name characters print. */
export const DEBIAN_NOTO_CJK: FontChoice = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' };

/**
 * Where the certificate font comes from, first match wins: CERTIFICATE_FONT_PATH (then only that:
 * a configured font that is missing is a mistake to report, not to paper over), a file beside the
 * function bundle (`certificate-font.ttf|otf|ttc`, for WeChat Cloud, where nothing is installed),
 * then Debian's Noto Sans CJK. The font is never bundled: it is megabytes and read at run time.
 */
export function certificateFontCandidates(config: { path?: string; postscriptName?: string }, bundleDir: string): FontChoice[] {
  if (config.path) return [{ path: config.path, postscriptName: config.postscriptName }];
  const beside = ['ttf', 'otf', 'ttc'].map((ext) => ({
    path: join(bundleDir, `${BUNDLED_FONT_BASENAME}.${ext}`),
    // A collection needs the face's name; Noto's Simplified Chinese face unless told otherwise.
    postscriptName: config.postscriptName ?? (ext === 'ttc' ? DEBIAN_NOTO_CJK.postscriptName : undefined),
  }));
  return [...beside, DEBIAN_NOTO_CJK];
}

/** The first candidate that exists, or null (the renderer then refuses with a clear error). */
export function resolveCertificateFont(
  config: { path?: string; postscriptName?: string },
  bundleDir: string,
  exists: (path: string) => boolean = existsSync,
): FontChoice | null {
  return certificateFontCandidates(config, bundleDir).find((candidate) => exists(candidate.path)) ?? null;
}
