/**
 * The 志愿服务记录证明 against the real engine: a volunteer with decided hours has one issued, its
 * PDF's text (read back with pdfjs) says what the rules ask and nothing it must not; pending hours
 * are not certified; someone else cannot fetch it; the public page confirms it by serial.
 */
import type { FastifyInstance } from 'fastify';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { CERTIFICATE_SERIAL_PATTERN, certificateVerifyUrl } from '../../shared/domain/documents/certificate-serial';
import { maskIdNumber } from '../../shared/domain/masking';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { buildHttpApp } from '../../host/http-app';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { createTestApp, expectOk, loginAs, snapshot, type TestApp } from '../helpers/test-app';
import { makeVolunteer } from '../helpers/activity-fixtures';
import { certifiableVolunteer as certifiableVolunteerIn, serveActivity } from '../helpers/certificate-fixtures';
import { codeOf, SAMPLE_ID_NUMBER } from '../helpers/volunteer-registration-fixtures';
import { CertificateService } from '../../cloudfunctions/core/services/documents/certificate.service';
import { CERTIFICATE_QR, PdfCertificateRenderer } from '../../cloudfunctions/core/services/documents/certificate-pdf';
import { DEBIAN_NOTO_CJK } from '../../cloudfunctions/core/services/documents/certificate-font';
import type { Role } from '../../shared/domain/roles';
import { randomBytes } from 'node:crypto';
import { openRacingClients, raceAll } from '../helpers/racing-clients';
import { pdfText, qrMismatches } from '../helpers/pdf-text';

jest.setTimeout(90_000);

const clock = manualClock('2026-11-30T00:00:00Z');
let t: TestApp;
let http: FastifyInstance;
let base: string;

beforeEach(async () => {
  clock.set('2026-11-30T00:00:00Z');
  t = await createTestApp({ clock, env: { PUBLIC_BASE_URL: 'https://mz.example.cn/' } });
  await seedDemoDistrict(t.app);
  http = buildHttpApp({ app: t.app, functions: cloudFunctions });
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterEach(async () => {
  await http.close();
  await t.close();
});

const MIN = 60_000;
const documents = (token: string, event: Record<string, unknown>) => t.callAs(token, 'documents', event);

async function page(path: string) {
  const reply = await fetch(`${base}${path}`);
  const header = (name: string) => reply.headers.get(name);
  return { statusCode: reply.status, header, body: await reply.text() };
}

/** Weeks later: a fresh session (the old token has expired). */
async function later(at: string, openid = 'cert-volunteer') {
  clock.set(at);
  return loginAs(t, openid);
}

type Issued = { serial: string; fileName: string; mimeType: string; base64: string };

const pdfTextOf = (base64: string) => pdfText(Buffer.from(base64, 'base64'));

const certifiableVolunteer = () => certifiableVolunteerIn(t);
const serve = (staffToken: string, volunteer: { token: string }, title: string, daysOn: number) => serveActivity(t, clock, staffToken, volunteer, title, daysOn);

describe('issueCertificate', () => {
  it('certifies the decided hours of the period in a PDF that names everything the rules ask for, and not the full ID number', async () => {
    const { approver, volunteer, number } = await certifiableVolunteer();
    const first = await serve(approver.token, volunteer, '智能手机入门课（第一讲）', 2);
    const second = await serve(approver.token, volunteer, '重阳节探访独居老人', 4);
    const pending = await serve(approver.token, volunteer, '老年春晚彩排', 6);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId: first, volunteerId: volunteer.userId }));
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'correctHours', activityId: second, volunteerId: volunteer.userId, hours: 1.5, reason: '提前离开半小时' }));
    expect(pending).toBeDefined();
    Object.assign(volunteer, await later('2026-12-20T02:00:00Z'));

    const issued = expectOk<Issued>(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-01', to: '2026-12-31' }));
    expect(issued.serial).toMatch(CERTIFICATE_SERIAL_PATTERN);
    expect(issued.serial.startsWith('ZS-2026-')).toBe(true);
    expect(issued).toMatchObject({ mimeType: 'application/pdf', fileName: `certificate-${issued.serial}.pdf` });
    expect(Buffer.from(issued.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const { text, runs, images } = await pdfTextOf(issued.base64);
    expect(text).toContain('志愿服务记录证明');
    expect(text).toContain('姓名：王喆');
    expect(text).toContain('证件类型：居民身份证');
    expect(text).toContain(maskIdNumber(SAMPLE_ID_NUMBER));
    expect(text).not.toContain(SAMPLE_ID_NUMBER);
    expect(text).not.toContain(SAMPLE_ID_NUMBER.slice(4, 14));
    expect(text).toContain(`志愿者编号：${number}`);
    expect(text).toContain('服务期间：2026-12-01 至 2026-12-31');
    // 08:55–11:05 clipped to 09:00–11:00: 2 h, confirmed; the second corrected to 1.5 h; the third pending, left out.
    const row = (title: string) => runs.slice(runs.indexOf(title) - 1, runs.indexOf(title) + 3);
    expect(row('智能手机入门课（第一讲）')).toEqual(['1', '智能手机入门课（第一讲）', '2026-12-02', '2']);
    expect(row('重阳节探访独居老人')).toEqual(['2', '重阳节探访独居老人', '2026-12-04', '1.5']);
    expect(text).not.toContain('老年春晚彩排');
    expect(text).toContain('合计时长：3.5 小时');
    expect(text).toContain('出具单位：南大街街道办事处');
    expect(text).toContain('经办人：陈干事');
    expect(text).toMatch(/联系电话：0519-\d{8}/);
    expect(text).toContain(`证明编号：${issued.serial}`);
    expect(text).toContain('开具日期：2026-12-20');
    expect(text).toContain(certificateVerifyUrl('https://mz.example.cn/', issued.serial));
    // The PDF's one image is the QR code of this certificate's public page, module for module.
    expect(images).toHaveLength(1);
    expect(qrMismatches(images[0]!, `https://mz.example.cn/verify/${issued.serial}`, CERTIFICATE_QR.errorCorrectionLevel)).toBe(0);
    expect(qrMismatches(images[0]!, 'https://mz.example.cn/verify/ZS-2026-2345-6789', CERTIFICATE_QR.errorCorrectionLevel)).toBeGreaterThan(0);
    expect(certificateVerifyUrl('https://mz.example.cn/', issued.serial)).toBe(`https://mz.example.cn/verify/${issued.serial}`);

    const stored = await t.db.collection('volunteer_certificates').findOne({ _id: issued.serial as never });
    expect(stored).toMatchObject({ userId: volunteer.userId, totalHours: 3.5, holder: { name: '王喆', idType: '居民身份证', idMasked: maskIdNumber(SAMPLE_ID_NUMBER) } });
    expect(JSON.stringify(stored)).not.toContain(SAMPLE_ID_NUMBER);

    // Each request is a separate issuance with its own serial; the list shows both, newest first.
    clock.advance(MIN);
    const again = expectOk<Issued>(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-01', to: '2026-12-31' }));
    expect(again.serial).not.toBe(issued.serial);
    const list = expectOk<{ items: { serial: string; period: { from: string; to: string }; totalHours: number; issuedAt: string }[] }>(await documents(volunteer.token, { action: 'myCertificates' }));
    expect(list.items.map((i) => i.serial)).toEqual([again.serial, issued.serial]);
    expect(list.items[1]).toMatchObject({ period: { from: '2026-12-01', to: '2026-12-31' }, totalHours: 3.5, issuedAt: '2026-12-20T02:00:00.000Z' });

    // Downloaded again: the same certificate, as issued (its issue date did not move).
    const redownload = expectOk<Issued>(await documents(volunteer.token, { action: 'certificate', serial: issued.serial }));
    expect(redownload.serial).toBe(issued.serial);
    expect((await pdfTextOf(redownload.base64)).text).toContain('开具日期：2026-12-20');
  });

  it('leaves out pending hours and periods without decided hours: NOTHING_TO_CERTIFY at `from`, nothing written', async () => {
    const { approver, volunteer } = await certifiableVolunteer();
    const confirmed = await serve(approver.token, volunteer, '智能手机入门课', 2);
    await serve(approver.token, volunteer, '重阳节探访', 5);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId: confirmed, volunteerId: volunteer.userId }));
    Object.assign(volunteer, await later('2026-12-20T02:00:00Z'));
    const before = await snapshot(t.db);

    // Only the pending one (12-05) falls in the period.
    const onlyPending = await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-03', to: '2026-12-31' });
    expect(onlyPending).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_CERTIFY', details: { fields: [{ path: 'from' }] } } });
    const empty = await documents(volunteer.token, { action: 'issueCertificate', from: '2025-01-01', to: '2025-12-31' });
    expect(codeOf(empty)).toBe('NOTHING_TO_CERTIFY');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a period that ends before it starts or a malformed date with VALIDATION_FAILED at the field', async () => {
    const { volunteer } = await certifiableVolunteer();
    expect(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-31', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'to' }] } } });
    expect(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-02-30', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'from' }] } } });
    expect(await documents(volunteer.token, { action: 'certificate', serial: 'ZS-2026-0000-0000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'serial' }] } } });
  });

  it('lets nobody else fetch a certificate: another volunteer gets NOT_FOUND and sees none in their list', async () => {
    const { approver, volunteer } = await certifiableVolunteer();
    const activityId = await serve(approver.token, volunteer, '智能手机入门课', 2);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
    const issued = expectOk<Issued>(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-01', to: '2026-12-31' }));
    const other = await makeVolunteer(t, 'cert-other');
    expect(codeOf(await documents(other.token, { action: 'certificate', serial: issued.serial }))).toBe('NOT_FOUND');
    expect(expectOk<{ items: unknown[] }>(await documents(other.token, { action: 'myCertificates' })).items).toEqual([]);
    // Staff are not volunteers: the door is shut before any record is read.
    expect(codeOf(await documents(approver.token, { action: 'certificate', serial: issued.serial }))).toBe('FORBIDDEN');
  });

  it('answers DOCUMENT_UNAVAILABLE, writing nothing, when the configured font does not exist', async () => {
    const broken = await createTestApp({ clock, env: { PUBLIC_BASE_URL: 'https://mz.example.cn', CERTIFICATE_FONT_PATH: '/nonexistent/font.ttf' } });
    const saved = t;
    try {
      await seedDemoDistrict(broken.app);
      // The helpers work on `t`: point them at the app with the missing font for this test.
      t = broken;
      const { approver, volunteer } = await certifiableVolunteer();
      const activityId = await serve(approver.token, volunteer, '智能手机入门课', 2);
      expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
      const before = await snapshot(t.db);
      const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const reply = await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-01', to: '2026-12-31' });
      error.mockRestore();
      expect(codeOf(reply)).toBe('DOCUMENT_UNAVAILABLE');
      expect(await snapshot(t.db)).toEqual(before);
    } finally {
      t = saved;
      await broken.close();
    }
  });
});

describe('serials', () => {
  it('draws again when a random serial is taken: the serial is the unique key, so no two certificates share one', async () => {
    const { approver, volunteer } = await certifiableVolunteer();
    const activityId = await serve(approver.token, volunteer, '智能手机入门课', 2);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
    const repeated = Uint8Array.from({ length: 16 }, (_, i) => i);
    const fresh = Uint8Array.from({ length: 16 }, (_, i) => 16 + i);
    const draws = [repeated, repeated, fresh];
    const sut = new CertificateService({ ...t.app.repos, clock, publicBaseUrl: () => 'https://mz.example.cn', random: () => draws.shift()! });
    const renderer = new PdfCertificateRenderer(DEBIAN_NOTO_CJK);
    const caller = { userId: volunteer.userId, openid: 'cert-volunteer', roles: ['resident', 'volunteer'] as Role[], staffStreetId: null, communityId: null };
    const first = await sut.issue(caller, { from: '2026-12-01', to: '2026-12-31' }, renderer);
    const second = await sut.issue(caller, { from: '2026-12-01', to: '2026-12-31' }, renderer);
    expect(first.serial).toBe('ZS-2026-2345-6789');
    expect(second.serial).toBe('ZS-2026-JKMN-PQRS');
    expect(draws).toEqual([]);
    expect(await t.db.collection('volunteer_certificates').countDocuments({})).toBe(2);
  });
});

describe('racing issuances', () => {
  it('concurrent issuances from separate instances that draw the same serial: one keeps it, the others draw again, none is lost', async () => {
    const { approver, volunteer } = await certifiableVolunteer();
    const activityId = await serve(approver.token, volunteer, '智能手机入门课', 2);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
    const racers = await openRacingClients(t, 4, clock);
    try {
      const shared = Uint8Array.from({ length: 16 }, (_, i) => i);
      const caller = { userId: volunteer.userId, openid: 'cert-volunteer', roles: ['resident', 'volunteer'] as Role[], staffStreetId: null, communityId: null };
      const renderer = new PdfCertificateRenderer(DEBIAN_NOTO_CJK);
      // Every instance's first draw is the same serial; later draws are random.
      const services = racers.map((racer) => {
        let first = true;
        const random = (n: number) => (first ? ((first = false), shared) : randomBytes(n));
        return new CertificateService({ ...racer.app.repos, clock, publicBaseUrl: () => 'https://mz.example.cn', random });
      });
      const issued = await raceAll(services.map((sut) => () => sut.issue(caller, { from: '2026-12-01', to: '2026-12-31' }, renderer)));
      const serials = issued.map((file) => file.serial);
      expect(new Set(serials).size).toBe(4);
      expect(serials.filter((serial) => serial === 'ZS-2026-2345-6789')).toHaveLength(1);
      const stored = await t.db.collection('volunteer_certificates').find({}).toArray();
      expect(stored.map((doc) => String(doc._id)).sort()).toEqual([...serials].sort());
    } finally {
      await racers.close();
    }
  });
});

describe('GET /verify/:serial', () => {
  it('shows 有效 with the masked name, hours, period, issuer and date, and no ID number or phone; an unknown serial 404s as 无效', async () => {
    const { approver, volunteer } = await certifiableVolunteer();
    const activityId = await serve(approver.token, volunteer, '智能手机入门课', 2);
    expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
    Object.assign(volunteer, await later('2026-12-20T02:00:00Z'));
    const issued = expectOk<Issued>(await documents(volunteer.token, { action: 'issueCertificate', from: '2026-12-01', to: '2026-12-31' }));

    const shown = await page(`/verify/${issued.serial}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.header('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(shown.header('cache-control')).toBe('no-cache');
    expect(shown.header('x-robots-tag')).toBe('noindex');
    expect(shown.body).toContain('有效');
    expect(shown.body).not.toContain('无效');
    expect(shown.body).toContain(issued.serial);
    expect(shown.body).toContain('王*');
    expect(shown.body).not.toContain('王喆');
    expect(shown.body).toContain('2 小时');
    expect(shown.body).toContain('2026-12-01 至 2026-12-31');
    expect(shown.body).toContain('南大街街道办事处');
    expect(shown.body).toContain('2026-12-20');
    expect(shown.body).not.toContain(SAMPLE_ID_NUMBER.slice(-4));
    expect(shown.body).not.toMatch(/1[3-9]\d{9}|0519-/);

    const unknown = await page('/verify/ZS-2026-2345-6789');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('无效（未找到此证明）');
    expect(unknown.header('x-robots-tag')).toBe('noindex');
  });

  it('refuses a malformed serial before any look-up: 400 at the host, VALIDATION_FAILED from the service', async () => {
    const lookups = jest.spyOn(t.app.repos.certificates, 'bySerial');
    for (const bad of ['nope', 'ZS-2026-0OIL-AAAA', 'ZS-2026-ABCD-EFGH-1', encodeURIComponent('{"$gt":""}')]) {
      const reply = await page(`/verify/${bad}`);
      expect([bad, reply.statusCode]).toEqual([bad, 400]);
      expect(reply.body).toContain('无效（证明编号格式不对）');
    }
    await expect(t.app.services.certificates.verify('ZS-26-ABCD-EFGH')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'serial' }] } });
    expect(lookups).not.toHaveBeenCalled();
  });
});
