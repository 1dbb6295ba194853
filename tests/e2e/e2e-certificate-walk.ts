import { readFileSync } from 'node:fs';
import { current, measureSizes, settled } from './e2e-browser';
import { open, scan, type FlowContext } from './e2e-flows';
import { api, tokenOf } from './e2e-volunteer-walk';
import { pdfText, qrMismatches } from '../helpers/pdf-text';
import { CERTIFICATE_QR } from '../../cloudfunctions/core/services/documents/certificate-pdf';

/**
 * documents — certificates (issue 12, item 6): the demo teacher (an approved volunteer) has hours
 * decided through the API, then in the browser picks 今年, downloads the 志愿服务记录证明, and the
 * downloaded PDF's text and QR code are checked; the QR's page says 有效; elder sizes hold.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

/**
 * A short activity starting in 25 minutes that the teacher checks in to and out of at once (so 0 h
 * are computed), which the admin corrects to 2 h: decided hours without waiting for a real class.
 */
async function decidedHours(ctx: FlowContext, title: string): Promise<void> {
  const admin = await tokenOf(ctx, 'demo-admin');
  const teacher = await tokenOf(ctx, 'demo-teacher');
  const start = Date.now() + 25 * 60_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const activity = await api<{ id: string }>(ctx, admin, 'volunteer', {
    action: 'createActivity', kind: 'festival_visit', title, description: '上门看望独居老人', place: '小营前社区', communityId: 'cm-xiaoying',
    roles: [{ code: 'visit', label: '探访', count: 3, skills: [] }], riskNote: '', insuranceRequired: false, bring: '', contactPhone: '13900000001',
    startsAt: at(start), endsAt: at(start + 60 * 60_000), signUpOpensAt: at(Date.now() - 60_000), signUpClosesAt: at(start - 5 * 60_000), withdrawCutoffAt: at(start - 10 * 60_000),
  });
  await api(ctx, teacher, 'volunteer', { action: 'signUp', activityId: activity.id, role: 'visit' });
  const code = async () => (await api<{ code: string }>(ctx, admin, 'volunteer', { action: 'attendanceCode', activityId: activity.id })).code;
  await api(ctx, teacher, 'volunteer', { action: 'checkIn', activityId: activity.id, code: await code() });
  await api(ctx, teacher, 'volunteer', { action: 'checkOut', activityId: activity.id, code: await code() });
  const me = await api<{ id: string }>(ctx, teacher, 'user', { action: 'me' });
  await api(ctx, admin, 'volunteer', { action: 'correctHours', activityId: activity.id, volunteerId: me.id, hours: 2, reason: '组织者补记' });
}

export type CertificateReport = { failures: string[]; report: string[] };

export async function volunteerDownloadsCertificate(ctx: FlowContext): Promise<CertificateReport> {
  const out: CertificateReport = { failures: [], report: [] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const title = `重阳节探访 e2e ${Date.now().toString(36).slice(-5)}`;
  await decidedHours(ctx, title);

  // The teacher is not among the login page's demo buttons: signed in by openid.
  await open(ctx, '/pages/login/index');
  await cur(ctx).getByLabel(/^openid/).fill('demo-teacher');
  await cur(ctx).getByRole('button', { name: '用 openid 登录' }).click();
  await cur(ctx).getByText('孙老师，您好').first().waitFor();
  // Found from the volunteer's status page, as a volunteer would find it.
  await open(ctx, '/subpackages/volunteer/pages/status/index');
  await cur(ctx).getByRole('button', { name: '开具服务记录证明' }).click();
  await cur(ctx).getByText(/^已确认 \d+ 次活动，共 [\d.]+ 小时$/).waitFor();
  await scan(ctx, 'volunteer-certificate');
  const [download] = await Promise.all([ctx.page.waitForEvent('download'), cur(ctx).getByRole('button', { name: '下载证明' }).click()]);
  const file = await download.path();
  if (!file) throw new Error('the certificate did not download');
  const pdf = readFileSync(file);
  if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`the download is not a PDF: ${download.suggestedFilename()}`);
  const { text, runs, images } = await pdfText(pdf);
  const serial = /证明编号：(ZS-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  for (const expected of ['志愿服务记录证明', '姓名：孙老师', '志愿者编号：ZL-', '出具单位：南大街街道办事处', '合计时长：']) {
    if (!text.includes(expected)) out.failures.push(`the certificate lacks "${expected}"`);
  }
  const row = runs.indexOf(title);
  if (row < 0 || runs[row + 2] !== '2') out.failures.push(`the certificate lacks the line "${title} … 2": ${runs.slice(row - 1, row + 3).join(' | ')}`);
  if (!serial || download.suggestedFilename() !== `certificate-${serial}.pdf`) out.failures.push(`serial ${serial} and file ${download.suggestedFilename()} disagree`);
  const verifyUrl = `${ctx.baseUrl}verify/${serial}`;
  const differ = images.map((image) => qrMismatches(image, verifyUrl, CERTIFICATE_QR.errorCorrectionLevel));
  if (differ.length !== 1 || differ[0] !== 0) out.failures.push(`the PDF's images are not the QR code of ${verifyUrl} (modules differing: ${JSON.stringify(differ)})`);
  out.report.push(`certificate ${serial}: ${pdf.length} bytes, QR of ${verifyUrl}`);

  // The list shows it; the page the QR opens says 有效.
  await cur(ctx).getByText(`编号 ${serial}`, { exact: false }).first().waitFor();
  await ctx.page.goto(verifyUrl);
  await ctx.page.getByText('有效', { exact: true }).waitFor();
  await ctx.page.getByText('孙*').waitFor();

  // Elder mode on the certificate page.
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    await open(ctx, '/subpackages/volunteer/pages/certificate/index');
    await cur(ctx).getByRole('button', { name: '下载证明' }).waitFor();
    await settled(ctx.page);
    const sizes = await measureSizes(ctx.page);
    out.report.push(`volunteer-certificate: text ≥ ${sizes.minFont}px, targets ≥ ${sizes.minTarget}px`);
    if (!sizes.elder) out.failures.push('volunteer-certificate: elder mode is not on');
    if (sizes.minFont < 18) out.failures.push(`volunteer-certificate: text "${sizes.smallestText}" is ${sizes.minFont}px (< 18)`);
    if (sizes.minTarget < 60) out.failures.push(`volunteer-certificate: tap target "${sizes.smallestTarget}" is ${sizes.minTarget}px (< 60)`);
    await scan(ctx, 'volunteer-certificate-elder');
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
  return out;
}
