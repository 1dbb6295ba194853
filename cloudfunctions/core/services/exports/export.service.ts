import { AppError } from '../../../../shared/errors';
import { bookingStatusLabels, type BookingStatus } from '../../../../shared/domain/booking-status';
import { DISTRICT_WIDE_WORD, exportFileName, periodInstants, PDF_MIME, XLSX_MIME, yearPeriod } from '../../../../shared/domain/exports/export-files';
import { maskPhone } from '../../../../shared/domain/masking';
import { mayExportFullPhones, streetScopeOf } from '../../../../shared/domain/permissions';
import { serviceKindLabels } from '../../../../shared/domain/service-kinds';
import { dayjs, DISTRICT_TZ, districtDateOf } from '../../../../shared/domain/time';
import { countsInTotals, foldLedger } from '../../../../shared/domain/volunteer/attendance-hours';
import { hoursStatusWords } from '../../../../shared/domain/volunteer/hours-status-words';
import type { DashboardXlsxInput, VolunteerHoursExportInput } from '../../../../shared/schemas/exports.schema';
import type { Clock } from '../../ports/clock';
import type { AttendanceRepository, HoursRecordDoc } from '../../repositories/attendance.repository';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { DistrictRepository, StreetDoc } from '../../repositories/district.repository';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { VolunteerRepository } from '../../repositories/volunteer.repository';
import type { Caller } from '../../runtime/caller';
import type { MeasureFigure } from '../../../../shared/domain/dashboard-measures';
import type { DashboardService } from '../staff/dashboard.service';
import type { Cell, Column, ExportFile, HeaderGroup, PdfSection, PdfTableRenderer, Sheet, XlsxRenderer } from './export-tables';

type Deps = {
  bookings: BookingRepository;
  attendance: AttendanceRepository;
  district: DistrictRepository;
  providers: ProviderRepository;
  users: Pick<UserRepository, 'namesOf'>;
  volunteers: Pick<VolunteerRepository, 'namesOf'>;
  dashboard: DashboardService;
  clock: Clock;
};

type Overview = Awaited<ReturnType<DashboardService['overview']>>;
type Place = Overview['streets'][number];

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
const time = (instant: Date) => dayjs(instant).tz(DISTRICT_TZ).format('YYYY-MM-DD HH:mm');

/**
 * The summary's columns in the bureau's layout: per 街道, each measure's yearly target, what is done
 * and the share (training also its year-end forecast and persons; escorts also the hardship and free).
 */
const summaryGroups: HeaderGroup[] = [
  { label: '街道', span: 1 },
  { label: '智能技术培训（人次）', span: 4 },
  { label: '培训人数', span: 1 },
  { label: '养老顾问咨询（次）', span: 3 },
  { label: '陪诊服务（次）', span: 5 },
  { label: '婚姻辅导（次）', span: 3 },
];
const targetColumns = (width: number): Column[] => [
  { header: '年度指标', width, format: 'integer' },
  { header: '完成', width, format: 'integer' },
  { header: '完成率', width, format: 'percent' },
];
const summaryColumns: Column[] = [
  { header: '街道', width: 16 },
  ...targetColumns(10),
  { header: '年底预计', width: 10, format: 'integer' },
  { header: '培训人数', width: 10, format: 'integer' },
  ...targetColumns(9),
  ...targetColumns(9),
  { header: '困难群体', width: 10, format: 'integer' },
  { header: '免费', width: 8, format: 'integer' },
  ...targetColumns(9),
];

/** The detail sheet: who was served what, when and where; never a counseling topic, note or reason (no column holds them). */
const bookingColumns: Column[] = [
  { header: '预约编号', width: 22 },
  { header: '服务', width: 10 },
  { header: '状态', width: 8 },
  { header: '开始时间', width: 17 },
  { header: '结束时间', width: 17 },
  { header: '街道', width: 12 },
  { header: '社区', width: 12 },
  { header: '站点', width: 16 },
  { header: '服务人员', width: 10 },
  { header: '服务对象', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '免费', width: 6 },
];

const hoursColumns: Column[] = [
  { header: '志愿者', width: 10 },
  { header: '街道', width: 12 },
  { header: '活动', width: 30 },
  { header: '日期', width: 12 },
  { header: '时长（小时）', width: 12, format: 'decimal' },
  { header: '状态', width: 10 },
];

const base64File = (fileName: string, mimeType: string, bytes: Buffer): ExportFile => ({ fileName, mimeType, base64: bytes.toString('base64') });

/**
 * The staff's exports: the dashboard's workbook (the summary in the bureau's layout and the year's
 * bookings) and the volunteer hours table (XLSX, or PDF per 街道). Staff export their 街道, admin any
 * 街道 or the district; phones are masked unless admin asks for them in full (audited by the
 * permissions module). Rows are read from a cursor and written as they come.
 */
export class ExportService {
  constructor(private readonly deps: Deps) {}

  async dashboardXlsx(caller: Caller, input: DashboardXlsxInput, renderer: XlsxRenderer): Promise<ExportFile> {
    if (input.fullPhones && !mayExportFullPhones(caller)) throw new AppError('FORBIDDEN', { fields: [{ path: 'fullPhones', message: '只有区民政局可以导出完整电话' }] });
    const street = await this.streetOf(caller, input.streetId);
    // The dashboard's own numbers (its aggregations), so the file and the screen never disagree.
    const board = await this.deps.dashboard.overview(caller, { year: input.year, streetId: street?._id });
    const today = districtDateOf(this.deps.clock.now());
    const period = yearPeriod(board.year);
    const place = street?.name ?? DISTRICT_WIDE_WORD;
    const summary: Sheet = {
      name: '汇总',
      title: `${place}民政便民服务${board.year}年度工作进度汇总表`,
      subtitle: `${board.year}年　统计截至 ${board.asOf}（时间过去 ${Math.round(board.elapsedShare * 100)}%）　制表日期：${today}`,
      groups: summaryGroups,
      columns: summaryColumns,
      rows: once(summaryRows(board)),
    };
    const detail: Sheet = {
      name: '预约明细',
      title: `${place}预约明细`,
      subtitle: `${period.from} 至 ${period.to} 开始的预约${input.fullPhones ? '（完整电话，注意保密）' : '（电话已隐去中间四位）'}`,
      columns: bookingColumns,
      rows: this.bookingRows(street?._id, period, input.fullPhones),
    };
    return base64File(exportFileName(place, 'bookings', period, today, 'xlsx'), XLSX_MIME, await renderer.render([summary, detail]));
  }

  async volunteerHoursXlsx(caller: Caller, input: VolunteerHoursExportInput, renderer: XlsxRenderer): Promise<ExportFile> {
    const street = await this.streetOf(caller, input.streetId);
    const today = districtDateOf(this.deps.clock.now());
    const place = street?.name ?? DISTRICT_WIDE_WORD;
    const sheet: Sheet = {
      name: '志愿服务时长',
      title: `${place}志愿服务时长表`,
      subtitle: `${input.from} 至 ${input.to} 的活动　制表日期：${today}`,
      columns: hoursColumns,
      rows: cellsOf(this.hoursLines(street?._id ?? null, input, await this.streetNames())),
    };
    return base64File(exportFileName(place, 'volunteerHours', input, today, 'xlsx'), XLSX_MIME, await renderer.render([sheet]));
  }

  /** The hours table as a PDF: a section per 街道 (staff: theirs; admin: the one asked for, or each of the district's). */
  async volunteerHoursPdf(caller: Caller, input: VolunteerHoursExportInput, renderer: PdfTableRenderer): Promise<ExportFile> {
    const street = await this.streetOf(caller, input.streetId);
    const today = districtDateOf(this.deps.clock.now());
    const names = await this.streetNames();
    const streets = street ? [street] : await this.deps.district.listStreets();
    const sections = streets.map((s): PdfSection => {
      const totals = { records: 0, hours: 0 };
      const rows = cellsOf(tally(this.hoursLines(s._id, input, names), totals));
      return { heading: s.name, rows, footer: () => `共 ${totals.records} 条，计入时长合计 ${hoursText(totals.hours)} 小时（待确认的不计入）` };
    });
    const place = street?.name ?? DISTRICT_WIDE_WORD;
    const bytes = await renderer.render({ title: `${place}志愿服务时长表`, subtitle: `${input.from} 至 ${input.to} 的活动　制表日期：${today}`, columns: hoursColumns, sections });
    return base64File(exportFileName(place, 'volunteerHours', input, today, 'pdf'), PDF_MIME, bytes);
  }

  /** The 街道 an export covers: the caller's own (staff), the one asked for or none, meaning the district (admin). */
  private async streetOf(caller: Caller, requested: string | undefined): Promise<StreetDoc | null> {
    const scope = streetScopeOf(caller, requested);
    if (scope.kind === 'none') throw new AppError('FORBIDDEN');
    if (scope.kind === 'any') return null;
    const street = await this.deps.district.findStreet(scope.streetId);
    if (!street) throw invalid('streetId', '没有这个街道');
    return street;
  }

  private async streetNames(): Promise<Map<string, string>> {
    return new Map((await this.deps.district.listStreets()).map((s) => [s._id, s.name]));
  }

  /** The period's bookings, a batch at a time, with the names of places, providers and bookers looked up per batch. */
  private async *bookingRows(streetId: string | undefined, period: { from: string; to: string }, fullPhones: boolean): AsyncGenerator<Cell[][]> {
    const [streets, communities, stations, providers] = await Promise.all([
      this.streetNames(),
      this.deps.district.listCommunities().then((list) => new Map(list.map((c) => [c._id, c.name]))),
      this.deps.district.listStations({}).then((list) => new Map(list.map((s) => [s._id, s.name]))),
      this.deps.providers.list({}).then((list) => new Map(list.map((p) => [p._id, p.name]))),
    ]);
    const phoneOf = fullPhones ? (phone: string) => phone : maskPhone;
    for await (const batch of this.deps.bookings.eachOfStreet({ streetId, ...periodInstants(period) })) {
      const bookers = await this.deps.users.namesOf(batch.filter((b) => !b.forFamily).map((b) => b.bookerId));
      yield batch.map((b: BookingDoc) => [
        b._id,
        serviceKindLabels[b.service],
        bookingStatusLabels[b.status as BookingStatus] ?? b.status,
        time(b.startsAt),
        time(b.endsAt),
        (b.streetId && streets.get(b.streetId)) || '',
        (b.communityId && communities.get(b.communityId)) || '',
        (b.stationId && stations.get(b.stationId)) || '',
        (b.providerId && providers.get(b.providerId)) || '',
        b.forFamily?.name ?? bookers.get(b.bookerId) ?? '',
        phoneOf(b.forFamily?.phone ?? b.contactPhone),
        b.freeOfCharge ? '是' : '否',
      ]);
    }
  }

  /** The period's hours records of a 街道 (null: the district), each with its status folded from its log. */
  private async *hoursLines(streetId: string | null, period: { from: string; to: string }, streets: Map<string, string>): AsyncGenerator<HoursLine[]> {
    const { from, to } = periodInstants(period);
    for await (const batch of this.deps.attendance.eachRecordBetween(streetId, from, to)) {
      const [logs, names] = await Promise.all([this.deps.attendance.logsOf(batch.map((r) => r._id)), this.deps.volunteers.namesOf(batch.map((r) => r.userId))]);
      yield batch.map((record: HoursRecordDoc) => {
        const state = foldLedger(record.computedHours, logs.get(record._id) ?? []);
        return {
          hours: state.hours,
          counted: countsInTotals(state.status),
          cells: [names.get(record.userId) ?? '', streets.get(record.streetId) ?? '', record.title, districtDateOf(record.startsAt), state.hours, hoursStatusWords[state.status]],
        };
      });
    }
  }
}

/** One row of the hours table, with what a total needs to know of it. */
type HoursLine = { cells: Cell[]; hours: number; counted: boolean };

/** One row per 街道 in the bureau's order, then the district's total (admin's district export only). */
function summaryRows(board: Overview): Cell[][] {
  type Counts = Pick<Place, 'escortForHardship' | 'escortFree' | 'measures'> & { persons?: number };
  const figure = ({ target, actual, share }: MeasureFigure): Cell[] => [target, actual, share];
  const row = (name: string, p: Counts): Cell[] => [
    name,
    ...figure(p.measures.training),
    p.measures.training.forecast,
    p.persons ?? 0,
    ...figure(p.measures.advisorConsultations),
    ...figure(p.measures.escortServices),
    p.escortForHardship,
    p.escortFree,
    ...figure(p.measures.counselingSessions),
  ];
  const rows = board.streets.map((street) => row(street.name, street));
  if (board.district) rows.push(row('全区合计', board.district));
  return rows;
}

async function* once(rows: Cell[][]): AsyncGenerator<Cell[][]> {
  yield rows;
}

async function* cellsOf(lines: AsyncIterable<HoursLine[]>): AsyncGenerator<Cell[][]> {
  for await (const batch of lines) yield batch.map((line) => line.cells);
}

/** Passes lines on and counts them and the hours that count in totals (decided ones) as they go by. */
async function* tally(lines: AsyncIterable<HoursLine[]>, totals: { records: number; hours: number }): AsyncGenerator<HoursLine[]> {
  for await (const batch of lines) {
    for (const line of batch) {
      totals.records += 1;
      if (line.counted) totals.hours += line.hours;
    }
    yield batch;
  }
}

function hoursText(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
