/**
 * The certificate renderer with the real font CI installs (Debian's Noto Sans CJK): the PDF's text
 * read back with pdf.js, rare name characters, a table over several pages, and the refusals when the
 * font is missing or does not load.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateDoc } from '../../cloudfunctions/core/repositories/certificate.repository';
import { DEBIAN_NOTO_CJK } from '../../cloudfunctions/core/services/documents/certificate-font';
import { PdfCertificateRenderer } from '../../cloudfunctions/core/services/documents/certificate-pdf';
import { pdfPages, pdfText } from '../helpers/pdf-text';

jest.setTimeout(60_000);

const certificate = (overrides: Partial<CertificateDoc> = {}): CertificateDoc => ({
  _id: 'ZS-2026-ABCD-EFGH',
  userId: 'u1',
  period: { from: '2026-01-01', to: '2026-12-31' },
  issuedAt: new Date('2026-12-20T02:00:00Z'),
  issueDate: '2026-12-20',
  holder: { name: '王喆', volunteerNumber: 'ZL-2026-000001', idType: null, idMasked: null },
  items: [{ activityId: 'a1', title: '智能手机入门课', date: '2026-03-05', hours: 1.5 }],
  totalHours: 1.5,
  issuer: { streetId: 'st-nandajie', unit: '南大街街道办事处', handler: null, contact: null },
  ...overrides,
});

const sut = new PdfCertificateRenderer(DEBIAN_NOTO_CJK);
const silenced = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('the certificate PDF', () => {
  it('prints rare name characters and leaves the ID lines out when no ID number was given', async () => {
    expect(await sut.missingGlyphs('王喆 李堃 张玥 赵赟 钱昇 孙珺 周琤 吴翀 郑旻 冯彧')).toEqual([]);
    const { text } = await pdfText(await sut.render(certificate(), 'https://mz.example.cn/verify/ZS-2026-ABCD-EFGH'));
    expect(text).toContain('姓名：王喆');
    expect(text).not.toContain('证件类型');
    expect(text).not.toContain('证件号码');
    expect(text).toContain('经办人：—');
    expect(text).toContain('联系电话：—');
    expect(text).toContain('合计时长：1.5 小时');
  });

  it('names characters the font cannot draw', async () => {
    expect(await sut.missingGlyphs('王\u{E000}喆\u{F8FF}')).toEqual(['\u{E000}', '\u{F8FF}']);
  });

  it('continues a long table on new pages, every line kept and the header repeated', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ activityId: `a${i}`, title: `第${i + 1}次智能手机课`, date: '2026-03-05', hours: 2 }));
    const pages = await pdfPages(await sut.render(certificate({ items, totalHours: 120 }), 'https://mz.example.cn/verify/ZS-2026-ABCD-EFGH'));
    expect(pages.length).toBeGreaterThan(1);
    const runs = pages.flat();
    for (let i = 1; i <= 60; i += 1) expect(runs).toContain(`第${i}次智能手机课`);
    expect(pages[1]).toContain('活动名称');
    expect(runs.join('')).toContain('合计时长：120 小时');
  });

  it('refuses with DOCUMENT_UNAVAILABLE when there is no font, or the font does not load', async () => {
    const log = silenced();
    await expect(new PdfCertificateRenderer(null).render(certificate(), 'https://x/verify/a')).rejects.toMatchObject({ code: 'DOCUMENT_UNAVAILABLE' });
    await expect(new PdfCertificateRenderer({ path: '/nonexistent/font.ttf' }).missingGlyphs('王')).rejects.toMatchObject({ code: 'DOCUMENT_UNAVAILABLE' });
    // A collection without a face name that exists in it.
    await expect(new PdfCertificateRenderer({ path: DEBIAN_NOTO_CJK.path, postscriptName: 'NoSuchFace' }).render(certificate(), 'https://x/verify/a')).rejects.toMatchObject({ code: 'DOCUMENT_UNAVAILABLE' });
    const dir = mkdtempSync(join(tmpdir(), 'font-'));
    try {
      writeFileSync(join(dir, 'broken.ttf'), 'not a font');
      await expect(new PdfCertificateRenderer({ path: join(dir, 'broken.ttf') }).render(certificate(), 'https://x/verify/a')).rejects.toMatchObject({ code: 'DOCUMENT_UNAVAILABLE' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
