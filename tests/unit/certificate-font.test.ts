import { BUNDLED_FONT_BASENAME, DEBIAN_NOTO_CJK, resolveCertificateFont } from '../../cloudfunctions/core/services/documents/certificate-font';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('where the certificate font comes from', () => {
  it('takes the configured font, and only it', () => {
    const config = { path: '/srv/fonts/wqy.ttc', postscriptName: 'WenQuanYiMicroHei' };
    expect(resolveCertificateFont(config, '/fn', only('/srv/fonts/wqy.ttc', DEBIAN_NOTO_CJK.path))).toEqual(config);
    // Configured but missing: no quiet fallback to another font.
    expect(resolveCertificateFont(config, '/fn', only(DEBIAN_NOTO_CJK.path))).toBeNull();
  });

  it('then a font beside the bundle, then Debian Noto CJK, else none', () => {
    expect(resolveCertificateFont({}, '/fn', only(`/fn/${BUNDLED_FONT_BASENAME}.ttf`, DEBIAN_NOTO_CJK.path))).toEqual({ path: `/fn/${BUNDLED_FONT_BASENAME}.ttf`, postscriptName: undefined });
    expect(resolveCertificateFont({}, '/fn', only(`/fn/${BUNDLED_FONT_BASENAME}.ttc`))).toEqual({ path: `/fn/${BUNDLED_FONT_BASENAME}.ttc`, postscriptName: 'NotoSansCJKsc-Regular' });
    expect(resolveCertificateFont({}, '/fn', only(DEBIAN_NOTO_CJK.path))).toEqual(DEBIAN_NOTO_CJK);
    expect(resolveCertificateFont({}, '/fn', only())).toBeNull();
  });
});
