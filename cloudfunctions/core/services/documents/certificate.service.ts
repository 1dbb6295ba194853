import { randomBytes } from 'node:crypto';
import { AppError, parseOrThrow } from '../../../../shared/errors';
import {
  CERTIFICATE_ID_TYPE,
  CERTIFICATE_SERIAL_RANDOM_BYTES,
  certificateFileName,
  certificateSerial,
  certificateVerifyUrl,
  streetOfficeName,
} from '../../../../shared/domain/documents/certificate-serial';
import { maskName } from '../../../../shared/domain/masking';
import { countsInTotals, foldLedger } from '../../../../shared/domain/volunteer/attendance-hours';
import { dayjs, DISTRICT_TZ } from '../../../../shared/domain/time';
import { documentsActions, type IssueCertificateInput } from '../../../../shared/schemas/documents.schema';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import type { AttendanceRepository } from '../../repositories/attendance.repository';
import type { CertificateDoc, CertificateItem, CertificateRepository } from '../../repositories/certificate.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { VolunteerRepository } from '../../repositories/volunteer.repository';

/**
 * What turns a certificate into a PDF. Only the `documents` function builds one (it pulls pdfkit,
 * qrcode and a font), so every other function's bundle stays free of them; this service only
 * describes the document.
 */
export type CertificateRenderer = {
  /** Characters of `text` the font cannot draw (they would print as blanks); empty when all are there. */
  missingGlyphs(text: string): Promise<string[]>;
  render(certificate: CertificateDoc, verifyUrl: string): Promise<Buffer>;
};

export type CertificateServiceDeps = {
  certificates: CertificateRepository;
  attendance: AttendanceRepository;
  volunteers: VolunteerRepository;
  district: DistrictRepository;
  users: UserRepository;
  clock: Clock;
  /** Where the public verification page is reached, read at each issue (the local host learns its port late); without it no certificate is issued. */
  publicBaseUrl: () => string | undefined;
  random?: (bytes: number) => Uint8Array;
};

/** Certificates one volunteer may have issued per district day: each is a separate issuance, and a tap held down should not fill the list. */
export const CERTIFICATE_DAILY_LIMIT = 20;
const LIST_LIMIT = 100;
const SERIAL_ATTEMPTS = 5;

export type CertificateFile = { serial: string; fileName: string; mimeType: 'application/pdf'; base64: string };

/** What the public page shows of a certificate: nothing that identifies the person beyond a masked name. */
export type CertificateVerification =
  | { valid: true; serial: string; maskedName: string; totalHours: number; period: { from: string; to: string }; issuer: string; issueDate: string }
  | { valid: false; serial: string };

const unavailable = (why: string, details: Record<string, unknown> = {}) => {
  // The caller sees a plain 503; the log says what to fix.
  console.error(`[documents] certificate unavailable: ${why}`, details);
  return new AppError('DOCUMENT_UNAVAILABLE');
};

/**
 * 志愿服务记录证明: a volunteer's decided hours of a period, issued by their 街道's office with a
 * serial a public page confirms. Each request is a separate issuance with its own serial (the
 * record of who was certified what, and when, is the point); the daily limit bounds repeats.
 */
export class CertificateService {
  private readonly random: (bytes: number) => Uint8Array;

  constructor(private readonly deps: CertificateServiceDeps) {
    this.random = deps.random ?? ((bytes) => randomBytes(bytes));
  }

  async issue(caller: Caller, input: IssueCertificateInput, renderer: CertificateRenderer): Promise<CertificateFile> {
    const publicBaseUrl = this.deps.publicBaseUrl();
    if (!publicBaseUrl) throw unavailable('PUBLIC_BASE_URL is not set');
    const now = this.deps.clock.now();
    const today = dayjs(now).tz(DISTRICT_TZ);
    if ((await this.deps.certificates.countIssuedSince(caller.userId, today.startOf('day').toDate())) >= CERTIFICATE_DAILY_LIMIT) throw new AppError('RATE_LIMITED');

    const application = await this.deps.volunteers.latestOf(caller.userId);
    if (application?.status !== 'approved') throw new AppError('FORBIDDEN');
    const items = await this.decidedItems(caller.userId, input);
    if (items.length === 0) throw new AppError('NOTHING_TO_CERTIFY', { fields: [{ path: 'from', message: '这段时间里没有已确认的服务时长' }] });

    const volunteerNumber = application.volunteerNumber ?? (await this.deps.volunteers.numberOf(caller.userId));
    if (!volunteerNumber) throw unavailable('approved volunteer without a number', { userId: caller.userId });
    const draft: Omit<CertificateDoc, '_id'> = {
      userId: caller.userId,
      period: { from: input.from, to: input.to },
      issuedAt: now,
      issueDate: today.format('YYYY-MM-DD'),
      holder: {
        name: application.profile.name,
        volunteerNumber,
        idType: application.idNumber ? CERTIFICATE_ID_TYPE : null,
        idMasked: application.idNumber?.masked ?? null,
      },
      items,
      totalHours: items.reduce((sum, item) => sum + item.hours, 0),
      issuer: await this.issuerOf(application.streetId, application.communityId, application.decision?.by ?? null),
    };
    // Checked before anything is stored: a certificate whose name prints with a blank is worse than none.
    const missing = await renderer.missingGlyphs(printedText(draft));
    if (missing.length > 0) throw unavailable('the font lacks characters of this certificate', { missing: missing.join('') });

    const certificate = await this.store(draft, today.year());
    return this.file(certificate, renderer, publicBaseUrl);
  }

  /** The PDF of one of the caller's certificates again, as it was issued. */
  async download(caller: Caller, serial: string, renderer: CertificateRenderer): Promise<CertificateFile> {
    const publicBaseUrl = this.deps.publicBaseUrl();
    if (!publicBaseUrl) throw unavailable('PUBLIC_BASE_URL is not set');
    const certificate = await this.deps.certificates.bySerial(serial);
    // Someone else's serial is answered as an unknown one: whether it exists is not theirs to learn.
    if (!certificate || certificate.userId !== caller.userId) throw new AppError('NOT_FOUND');
    return this.file(certificate, renderer, publicBaseUrl);
  }

  async mine(caller: Caller) {
    const docs = await this.deps.certificates.issuedTo(caller.userId, LIST_LIMIT);
    return {
      items: docs.map((doc) => ({
        serial: doc._id,
        period: doc.period,
        totalHours: doc.totalHours,
        issuedAt: doc.issuedAt.toISOString(),
        issueDate: doc.issueDate,
        issuer: doc.issuer.unit,
        fileName: certificateFileName(doc._id),
      })),
    };
  }

  /** The public page's view: the serial is checked before any look-up. */
  async verify(serial: string): Promise<CertificateVerification> {
    const { serial: checked } = parseOrThrow(documentsActions.certificate, { serial });
    const certificate = await this.deps.certificates.bySerial(checked);
    if (!certificate) return { valid: false, serial: checked };
    return {
      valid: true,
      serial: certificate._id,
      maskedName: maskName(certificate.holder.name),
      totalHours: certificate.totalHours,
      period: certificate.period,
      issuer: certificate.issuer.unit,
      issueDate: certificate.issueDate,
    };
  }

  /** The caller's decided records (confirmed, corrected, or under a correction request: all vouched for) of activities dated in the period. */
  private async decidedItems(userId: string, { from, to }: IssueCertificateInput): Promise<CertificateItem[]> {
    const records = await this.deps.attendance.recordsOf(userId);
    const inPeriod = records
      .map((record) => ({ record, date: dayjs(record.startsAt).tz(DISTRICT_TZ).format('YYYY-MM-DD') }))
      .filter(({ date }) => date >= from && date <= to);
    const logs = await this.deps.attendance.logsOf(inPeriod.map(({ record }) => record._id));
    return inPeriod
      .map(({ record, date }) => ({ record, date, state: foldLedger(record.computedHours, logs.get(record._id) ?? []) }))
      .filter(({ state }) => countsInTotals(state.status) && state.hours > 0)
      .sort((a, b) => a.record.startsAt.getTime() - b.record.startsAt.getTime())
      .map(({ record, date, state }) => ({ activityId: record.activityId, title: record.title, date, hours: state.hours }));
  }

  /**
   * The issuing unit is the office of the 街道 whose staff approved the volunteer; the handler is
   * the staff member who approved them (谁记录谁证明 at the registration), and the contact the
   * 养老顾问站点 of their 社区, else one of the 街道's, else the handler's own phone.
   */
  private async issuerOf(streetId: string, communityId: string, approverId: string | null): Promise<CertificateDoc['issuer']> {
    const [street, communityStations, streetStations, approver] = await Promise.all([
      this.deps.district.findStreet(streetId),
      this.deps.district.listStations({ communityId }),
      this.deps.district.listStations({ streetId }),
      approverId ? this.deps.users.findById(approverId) : Promise.resolve(null),
    ]);
    if (!street) throw unavailable('the volunteer\'s 街道 is missing', { streetId });
    const stationPhone = [...communityStations, ...streetStations].find((station) => station.phone)?.phone ?? null;
    return { streetId, unit: streetOfficeName(street.name), handler: approver?.name ?? null, contact: stationPhone ?? approver?.phone ?? null };
  }

  private async store(draft: Omit<CertificateDoc, '_id'>, year: number): Promise<CertificateDoc> {
    for (let attempt = 0; attempt < SERIAL_ATTEMPTS; attempt += 1) {
      const certificate = { _id: certificateSerial(year, this.random(CERTIFICATE_SERIAL_RANDOM_BYTES)), ...draft };
      if (await this.deps.certificates.insert(certificate)) return certificate;
    }
    throw new AppError('INTERNAL', { reason: 'no free certificate serial after several draws' });
  }

  private async file(certificate: CertificateDoc, renderer: CertificateRenderer, publicBaseUrl: string): Promise<CertificateFile> {
    const pdf = await renderer.render(certificate, certificateVerifyUrl(publicBaseUrl, certificate._id));
    return { serial: certificate._id, fileName: certificateFileName(certificate._id), mimeType: 'application/pdf', base64: pdf.toString('base64') };
  }
}

/** Every piece of text a certificate prints that comes from people (the fixed labels are checked by the tests). */
function printedText(draft: Omit<CertificateDoc, '_id'>): string {
  return [draft.holder.name, draft.issuer.unit, draft.issuer.handler ?? '', ...draft.items.map((item) => item.title)].join('');
}
