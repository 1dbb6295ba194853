/**
 * The staff's exports through the `exports` function against the real engine: the dashboard's
 * workbook (summary in the bureau's layout, the year's bookings) and the volunteer hours table as
 * XLSX and PDF. Each file is opened and read back (exceljs, pdfjs): staff get their 街道 only,
 * phones are masked unless admin asks for them in full (which the audit log keeps), and no cell
 * holds a counseling topic, note or reason.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the certificate's font.
 * Manual clock from Monday 2026-11-30 08:00 Shanghai; each test gets a fresh district.
 */
import {
  advisorCreate,
  at,
  book,
  COUNSELING_NOTE,
  COUNSELING_SERVICE_NOTES,
  counselingCreate,
  DEMO_WEEK,
  errorOf,
  escortCreate,
  freshResident,
  freshWorldForEachTest,
  ids,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import { makeStaff } from '../helpers/activity-fixtures';
import { certifiableVolunteer, serveActivity } from '../helpers/certificate-fixtures';
import { pdfText } from '../helpers/pdf-text';
import { expectOk } from '../helpers/test-app';
import { readWorkbook } from '../helpers/xlsx-cells';
import { counselingTopicLabels } from '../../shared/domain/service-kinds';
import { XLSX_MIME } from '../../shared/domain/exports/export-files';
import { EXPORT_BATCH } from '../../cloudfunctions/core/repositories/booking.repository';
import type { Sheet, XlsxRenderer } from '../../cloudfunctions/core/services/exports/export-tables';
import { ExcelXlsxRenderer } from '../../cloudfunctions/core/services/exports/xlsx-renderer';
import { callerOf } from '../../cloudfunctions/core/runtime/caller';

jest.setTimeout(120_000);

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { WED, THU } = DEMO_WEEK;
const EXPORT_DAY = '2026-12-05T02:00:00Z';
type ExportFile = { fileName: string; mimeType: string; base64: string };
const exportAs = async (person: Person, action: string, event: Record<string, unknown> = {}) => w.as(person, 'exports', { action, ...event });
const fileOf = async (person: Person, action: string, event: Record<string, unknown> = {}) => expectOk<ExportFile>(await exportAs(person, action, event));
// The hours PDF is drawn by the documents function (pdfkit and the font live there).
const pdfOf = async (person: Person, event: Record<string, unknown>) => expectOk<ExportFile>(await w.as(person, 'documents', { action: 'volunteerHoursPdf', ...event }));
const bytesOf = (file: ExportFile) => Buffer.from(file.base64, 'base64');
type AuditPage = { items: { action: string; kind: string; actorId: string; fields: string[] }[] };
const exportAudits = async () =>
  expectOk<AuditPage>(await w.as(w.people.admin, 'staff', { action: 'auditLog', actionName: 'exports.dashboardXlsx' })).items;

/** Bookings of 南大街 (an advisor visit, a declined counseling session with its private note, an escort for a mother) and one of 荷花池. */
async function bookingsOfTwoStreets() {
  const resident = await freshResident(w);
  const advisor = await book(w, resident, advisorCreate(at(WED, '10:00')));
  const counseling = await book(w, resident, counselingCreate(at(WED, '14:00')));
  expectOk(await w.as(w.people.counselor1, 'provider', { action: 'decline', bookingId: counseling.id, reason: '私人原因：与来访者相识' }));
  const mother = { name: '张奶奶', phone: '13922223333', relationship: 'mother' };
  const escort = await book(w, await freshResident(w), escortCreate(at(THU, '09:00'), { forFamily: mother }));
  const elsewhere = await book(w, await freshResident(w, 'cm-hehua'), advisorCreate(at(WED, '11:00'), { providerId: ids.advisor3 }));
  // Exported on Saturday, after the week's bookings.
  w.clock.set(new Date(EXPORT_DAY));
  return { advisor, counseling, escort, elsewhere };
}

describe('the dashboard workbook', () => {
  it('gives staff their 街道: the summary in the bureau’s layout and the bookings with phones masked, no counseling details anywhere', async () => {
    const { advisor, counseling, escort, elsewhere } = await bookingsOfTwoStreets();
    const file = await fileOf(w.people.staff, 'dashboardXlsx', { year: 2026 });
    expect(file.fileName).toBe('南大街-预约明细-2026-01-01至2026-12-31-20261205.xlsx');
    expect(file.mimeType).toBe(XLSX_MIME);
    const book_ = await readWorkbook(bytesOf(file));
    expect(book_.workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '预约明细']);

    // The summary: a title merged across, group headers merged over their columns, one row per 街道.
    const summary = book_.sheet('汇总');
    expect(String(summary.getCell('A1').value)).toBe('南大街街道民政便民服务2026年度工作进度汇总表');
    expect(summary.getCell('Q1').isMerged).toBe(true);
    expect(summary.getCell('Q1').master.address).toBe('A1');
    expect(String(summary.getCell('B3').value)).toBe('智能技术培训（人次）');
    expect(summary.getCell('E3').master.address).toBe('B3');
    expect(summary.getCell('A4').master.address).toBe('A3');
    expect(book_.rowsOf('汇总')[3]!.slice(1, 5)).toEqual(['年度指标', '完成', '完成率', '年底预计']);
    const streetRows = book_.rowsOf('汇总').slice(4);
    expect(streetRows.map((r) => r[0])).toEqual(['南大街街道']);

    // The same numbers as the dashboard on screen (its aggregation, not a second count).
    type Figure = { actual: number; target: number | null; share: number | null };
    const board = expectOk<{ streets: { name: string; persons: number; escortForHardship: number; escortFree: number; measures: Record<'training' | 'advisorConsultations' | 'escortServices' | 'counselingSessions', Figure> }[] }>(
      await w.as(w.people.staff, 'staff', { action: 'dashboard', year: 2026 }),
    );
    const street = board.streets[0]!;
    // Each measure: its yearly target, what is done and the share, as the dashboard has them.
    expect(book_.rowsOf('汇总')[3]!).toEqual(['街道', '年度指标', '完成', '完成率', '年底预计', '培训人数', '年度指标', '完成', '完成率', '年度指标', '完成', '完成率', '困难群体', '免费', '年度指标', '完成', '完成率']);
    const cellsOf = (f: Figure) => [f.target === null ? '' : String(f.target), String(f.actual), f.share === null ? '' : String(f.share)];
    expect(streetRows[0]!.slice(1, 4)).toEqual(cellsOf(street.measures.training));
    expect(Number(streetRows[0]![5])).toBe(street.persons);
    expect(streetRows[0]!.slice(6, 9)).toEqual(cellsOf(street.measures.advisorConsultations));
    expect(streetRows[0]!.slice(9, 12)).toEqual(cellsOf(street.measures.escortServices));
    expect(streetRows[0]!.slice(12, 14).map(Number)).toEqual([street.escortForHardship, street.escortFree]);
    expect(streetRows[0]!.slice(14, 17)).toEqual(cellsOf(street.measures.counselingSessions));
    expect(await exportAudits()).toEqual([]);
  });

  it('refuses full phones to staff (FORBIDDEN at fullPhones), writes them for admin and logs that, and gives admin every 街道 and the district', async () => {
    const { advisor, counseling, elsewhere } = await bookingsOfTwoStreets();
    const refused = errorOf(await exportAs(w.people.staff, 'dashboardXlsx', { fullPhones: true }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.fields).toEqual([expect.objectContaining({ path: 'fullPhones' })]);
    expect(await exportAudits()).toEqual([]);

    const masked = await readWorkbook(bytesOf(await fileOf(w.people.admin, 'dashboardXlsx')));
    expect(masked.everyCell()).not.toContain('13811112222');
    expect(masked.everyCell()).toContain('138****2222');
    expect(await exportAudits()).toEqual([]);
    // One row per 街道 of the district, in the dashboard's order, then the district's total.
    const streetNames = expectOk<{ streets: { name: string }[] }>(await w.as(w.people.admin, 'staff', { action: 'dashboard', year: 2026 })).streets.map((s) => s.name);
    expect(streetNames).toEqual(expect.arrayContaining(['南大街街道', '荷花池街道']));
    expect(masked.rowsOf('汇总').slice(4).map((r) => r[0])).toEqual([...streetNames, '全区合计']);

    const full = await fileOf(w.people.admin, 'dashboardXlsx', { fullPhones: true });
    expect(full.fileName).toBe('全区-预约明细-2026-01-01至2026-12-31-20261205.xlsx');
    const book_ = await readWorkbook(bytesOf(full));
    const rows = book_.rowsOf('预约明细').slice(3);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([advisor.id, counseling.id, elsewhere.id]));
    expect(rows.find((r) => r[0] === advisor.id)![10]).toBe('13811112222');
    for (const secret of [COUNSELING_NOTE, COUNSELING_SERVICE_NOTES, '私人原因', counselingTopicLabels.cooling_off]) {
      expect(book_.everyCell().filter((cell) => cell.includes(secret))).toEqual([]);
    }
    const audits = await exportAudits();
    expect(audits).toEqual([expect.objectContaining({ action: 'exports.dashboardXlsx', kind: 'view_person', actorId: w.people.admin.userId, fields: ['fullPhones'] })]);

    // One 街道 asked for by admin.
    const one = await readWorkbook(bytesOf(await fileOf(w.people.admin, 'dashboardXlsx', { streetId: ids.otherStreet })));
    expect(one.rowsOf('预约明细').slice(3).map((r) => r[0])).toEqual([elsewhere.id]);
    expect(one.rowsOf('汇总').slice(4).map((r) => r[0])).toEqual(['荷花池街道']);
  });

  it('gives the staff of another 街道 none of these rows, whatever 街道 they ask for, and residents nothing', async () => {
    const { advisor, elsewhere } = await bookingsOfTwoStreets();
    const file = await fileOf(w.people.otherStaff, 'dashboardXlsx', { streetId: ids.street });
    expect(file.fileName.startsWith('荷花池-预约明细-')).toBe(true);
    const cells = (await readWorkbook(bytesOf(file))).everyCell();
    expect(cells).toContain(elsewhere.id);
    expect(cells).not.toContain(advisor.id);
    expect(cells).not.toContain('南大街街道');
    expect(errorOf(await exportAs(w.people.resident1, 'dashboardXlsx')).code).toBe('FORBIDDEN');
    expect(errorOf(await exportAs(w.people.admin, 'dashboardXlsx', { streetId: 'st-nowhere' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'streetId' })] });
  });
});

describe('the volunteer hours table', () => {
  /** 王喆 serves two activities of 南大街 (one confirmed, one corrected) and one still pending; 李华 serves one of 荷花池. */
  async function servedHours() {
    const { approver, volunteer } = await certifiableVolunteer(w.t);
    expectOk(await w.t.callAs(approver.token, 'user', { action: 'updateProfile', name: '陈干事' }));
    const first = await serveActivity(w.t, w.clock, approver.token, volunteer, '智能手机入门课（第一讲）', 2);
    const second = await serveActivity(w.t, w.clock, approver.token, volunteer, '重阳节探访独居老人', 4);
    await serveActivity(w.t, w.clock, approver.token, volunteer, '老年春晚彩排', 6);
    expectOk(await w.t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId: first, volunteerId: volunteer.userId }));
    expectOk(await w.t.callAs(approver.token, 'volunteer', { action: 'correctHours', activityId: second, volunteerId: volunteer.userId, hours: 1.5, reason: '提前离开半小时' }));
    const hehua = await makeStaff(w.t, 'hehua-organizer', ids.otherStreet);
    await serveActivity(w.t, w.clock, hehua.token, volunteer, '荷花池社区健康讲座', 3, { communityId: 'cm-hehua', place: '荷花池社区活动室' });
    return { volunteer };
  }

  it('is an XLSX of the period’s records of the caller’s 街道, with each record’s hours and status', async () => {
    await servedHours();
    const staffFile = await fileOf(w.people.staff, 'volunteerHoursXlsx', { from: '2026-12-01', to: '2026-12-31' });
    expect(staffFile.fileName).toBe('南大街-志愿服务时长-2026-12-01至2026-12-31-20261130.xlsx');
    const rows = (await readWorkbook(bytesOf(staffFile))).rowsOf('志愿服务时长');
    expect(rows[2]).toEqual(['志愿者', '街道', '活动', '日期', '时长（小时）', '状态']);
    expect(rows.slice(3)).toEqual([
      ['王喆', '南大街街道', '智能手机入门课（第一讲）', '2026-12-02', '2', '已确认'],
      ['王喆', '南大街街道', '重阳节探访独居老人', '2026-12-04', '1.5', '已更正'],
      ['王喆', '南大街街道', '老年春晚彩排', '2026-12-06', '2', '待确认'],
    ]);
    // A shorter period holds fewer; admin's district file holds 荷花池's too.
    expect((await readWorkbook(bytesOf(await fileOf(w.people.staff, 'volunteerHoursXlsx', { from: '2026-12-03', to: '2026-12-05' })))).rowsOf('志愿服务时长').slice(3).map((r) => r[2])).toEqual([
      '重阳节探访独居老人',
    ]);
    const district = (await readWorkbook(bytesOf(await fileOf(w.people.admin, 'volunteerHoursXlsx', { from: '2026-12-01', to: '2026-12-31' })))).rowsOf('志愿服务时长').slice(3);
    expect(district.map((r) => r[2]).sort()).toEqual(['智能手机入门课（第一讲）', '荷花池社区健康讲座', '老年春晚彩排', '重阳节探访独居老人'].sort());
    const other = (await readWorkbook(bytesOf(await fileOf(w.people.otherStaff, 'volunteerHoursXlsx', { from: '2026-12-01', to: '2026-12-31', streetId: ids.street })))).rowsOf('志愿服务时长').slice(3);
    expect(other.map((r) => r[2])).toEqual(['荷花池社区健康讲座']);
    expect(errorOf(await exportAs(w.people.staff, 'volunteerHoursXlsx', { from: '2026-12-31', to: '2026-12-01' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'to' })] });
  });

  it('is a PDF per 街道 in the certificate’s font, its text read back, with the decided hours totalled', async () => {
    await servedHours();
    const file = await pdfOf(w.people.staff, { from: '2026-12-01', to: '2026-12-31' });
    expect(file).toMatchObject({ fileName: '南大街-志愿服务时长-2026-12-01至2026-12-31-20261130.pdf', mimeType: 'application/pdf' });
    const { text } = await pdfText(bytesOf(file));
    for (const expected of ['南大街街道志愿服务时长表', '王喆', '智能手机入门课（第一讲）', '重阳节探访独居老人', '已更正', '待确认', '共 3 条，计入时长合计 3.5 小时']) expect(text).toContain(expected);
    expect(text).not.toContain('荷花池社区健康讲座');

    const district = await pdfText(bytesOf(await pdfOf(w.people.admin, { from: '2026-12-01', to: '2026-12-31' })));
    expect(district.text).toContain('荷花池街道');
    expect(district.text).toContain('荷花池社区健康讲座');
    expect(district.text).toContain('共 1 条，计入时长合计 0 小时');
  });
});

describe('a large export', () => {
  it('reaches the writer in batches from the cursor, never all rows at once, and every row is in the file', async () => {
    const records = 2 * EXPORT_BATCH + 50;
    const start = new Date('2026-12-01T01:00:00Z').getTime();
    for (let from = 0; from < records; from += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, records - from) }, (_, k) => {
          const n = from + k;
          const startsAt = new Date(start + n * 60_000);
          return w.t.app.repos.attendance.insertRecord({
            _id: `bulk-${String(n).padStart(4, '0')}`, activityId: `act-bulk-${n}`, userId: `u-bulk-${n % 7}`, streetId: ids.street, title: `批量活动 ${String(n).padStart(4, '0')}`,
            startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), checkInAt: startsAt, checkOutAt: new Date(startsAt.getTime() + 3600_000),
            autoClosed: false, minutes: 60, computedHours: 1, createdAt: startsAt,
          });
        }),
      );
    }
    // The real writer, watched: how big each batch is when it reaches the workbook.
    const batches: number[] = [];
    const excel = new ExcelXlsxRenderer();
    const watching: XlsxRenderer = {
      render: (sheets: Sheet[]) =>
        excel.render(sheets.map((sheet) => ({
          ...sheet,
          rows: (async function* () {
            for await (const batch of sheet.rows) {
              batches.push(batch.length);
              yield batch;
            }
          })(),
        }))),
    };
    const caller = callerOf(await w.t.app.services.users.require(w.people.staff.userId));
    const file = await w.t.app.services.exports.volunteerHoursXlsx(caller, { from: '2026-12-01', to: '2026-12-31' }, watching);
    expect(batches).toEqual([EXPORT_BATCH, EXPORT_BATCH, 50]);
    const rows = (await readWorkbook(Buffer.from(file.base64, 'base64'))).rowsOf('志愿服务时长').slice(3);
    expect(rows).toHaveLength(records);
    expect(rows.map((r) => r[2])).toEqual(Array.from({ length: records }, (_, n) => `批量活动 ${String(n).padStart(4, '0')}`));
  });
});
