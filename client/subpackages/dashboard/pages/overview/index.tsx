import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dashboardApi, type Dashboard, type DashboardMeasureKey, type DashboardQuery } from '../../../../src/api/dashboard.api';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { DetailRows } from '../../../../src/components/DetailRows';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { useElderMode } from '../../../../src/elder/elder-mode-context';
import { DashboardChart } from '../../../../src/features/dashboard/DashboardChart';
import { ActivitiesCard, ShortOfVolunteers, VolunteersCard } from '../../../../src/features/dashboard/DashboardSections';
import { fillText, paceLineOption, placeBarsOption } from '../../../../src/features/dashboard/dashboard-charts';
import { shareText } from '../../../../src/format/share';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { CellGroup } from '../../../../src/ui/Cell';
import { dashboardMeasures, measureLabels } from '../../../../../shared/domain/dashboard-measures';
import { exportsApi } from '../../../../src/api/exports.api';
import { ExportButtons } from '../../../../src/features/exports/ExportButtons';

/**
 * The dashboard for a year or a quarter, by 街道 and then 社区: each measure (training person-times
 * 人次 with persons 人数, advisor consultations, escorts, counseling sessions) against its yearly
 * target with the pace and the year-end forecast; the volunteers; the activities and how full they
 * were; those short of volunteers in the next 7 days. Counts only: counseling is a number, never a topic.
 */
export default function DashboardPage() {
  return (
    <Page>
      <Text className='page-title'>数据看板</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='数据看板供街道工作人员和区民政局查看。'>
        {(user) => <Overview isAdmin={user.roles.includes('admin')} />}
      </SignedIn>
    </Page>
  );
}

const periods = [
  { value: 'year', label: '全年' },
  { value: 'q1', label: '一季度' },
  { value: 'q2', label: '二季度' },
  { value: 'q3', label: '三季度' },
  { value: 'q4', label: '四季度' },
] as const;
type PeriodChoice = (typeof periods)[number]['value'];

/** A quarter is the days of its three months; the year is asked as a year. */
function queryOf(year: number, period: PeriodChoice): DashboardQuery {
  if (period === 'year') return { year };
  const quarter = Number(period.slice(1));
  const first = (quarter - 1) * 3 + 1;
  const lastDay = [31, 30, 30, 31][quarter - 1]!;
  const mm = (month: number) => String(month).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${lastDay}` };
}

function Overview({ isAdmin }: { isAdmin: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [period, setPeriod] = useState<PeriodChoice>('year');
  const state = useRequest(() => dashboardApi.overview(queryOf(year, period)), [year, period]);
  const years = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年` }));
  return (
    <View>
      <ChoiceGroup label='年份' options={years} value={String(year)} onChange={(value) => setYear(Number(value))} />
      <ChoiceGroup label='统计时段' options={periods} value={period} onChange={setPeriod} />
      <RequestView state={state}>{(board) => <Board board={board} />}</RequestView>
      <DashboardExport year={year} isAdmin={isAdmin} />
    </View>
  );
}

const measureOptions = dashboardMeasures.map((m) => ({ value: m, label: measureLabels[m].name }));
/** The year's workbook: the summary in the bureau's layout and the bookings; admin may ask for phones in full (logged). */
function DashboardExport({ year, isAdmin }: { year: number; isAdmin: boolean }) {
  const choices = [
    { key: 'xlsx', label: '导出 Excel（汇总和预约明细）', request: () => exportsApi.dashboardXlsx(year) },
    ...(isAdmin ? [{ key: 'xlsx-full', label: '导出 Excel（含完整电话）', request: () => exportsApi.dashboardXlsx(year, true) }] : []),
  ];
  return (
    <CellGroup title='导出'>
      <View className='card'>
        <ExportButtons choices={choices} note={isAdmin ? '电话默认隐去中间四位；导出完整电话会记入操作记录。' : '电话隐去中间四位；婚姻辅导只导出次数。'} />
      </View>
    </CellGroup>
  );
}

function Board({ board }: { board: Dashboard }) {
  const { elder } = useElderMode();
  const [measure, setMeasure] = useState<DashboardMeasureKey>('training');
  const figure = board.measures.find((m) => m.measure === measure) ?? board.measures[0]!;
  const { name, unit } = measureLabels[measure];
  const totals = board.district ?? board.streets[0] ?? null;
  const chartHeight = elder ? 320 : 260;
  return (
    <View>
      <ChoiceGroup label='指标' options={measureOptions} value={measure} onChange={setMeasure} />
      <View className='card dashboard-headline'>
        <Text className='card__title'>{`${name}（${unit}）`}</Text>
        <Text className='text-key dashboard-figure'>{`${figure.actual} / ${figure.target ?? '未设指标'}`}</Text>
        <DetailRows
          rows={[
            { label: '完成', value: shareText(figure.share) },
            { label: '时间过去', value: `${Math.round(board.elapsedShare * 100)}%` },
            { label: '按目前进度，年底约', value: figure.forecast === null ? (board.period.wholeYear ? '—' : '选全年时显示') : `${figure.forecast} ${unit}` },
            ...(measure === 'training' && totals ? [{ label: '培训人数', value: `${totals.persons} 人` }] : []),
            ...(measure === 'escortServices' && totals ? [{ label: '其中困难群体（已核实）', value: `${totals.escortForHardship} 次` }, { label: '其中免费', value: `${totals.escortFree} 次` }] : []),
          ]}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>全年进度</Text>
        <DashboardChart option={paceLineOption(figure.pace, unit, elder)} height={chartHeight} />
      </View>
      {board.streets.length > 1 ? (
        <View className='card'>
          <Text className='card__title'>各街道完成情况</Text>
          <DashboardChart option={placeBarsOption(board.streets.map((s) => ({ name: s.name, ...s.measures[measure] })), unit, elder)} height={chartHeight} />
        </View>
      ) : null}
      <VolunteersCard volunteers={board.volunteers} />
      <ActivitiesCard activities={board.activities} />
      <ShortOfVolunteers items={board.shortOfVolunteers} />
      {totals ? (
        <CellGroup title={board.district ? '全区服务' : '本街道服务'}>
          <View className='card'>
            <DetailRows rows={serviceRows(totals)} />
          </View>
        </CellGroup>
      ) : null}
      <Streets board={board} measure={measure} chartHeight={chartHeight} elder={elder} />
    </View>
  );
}

/** Each 街道's figures; a tap opens its 社区 with a bar per 社区 of the chosen measure. */
function Streets({ board, measure, chartHeight, elder }: { board: Dashboard; measure: DashboardMeasureKey; chartHeight: number; elder: boolean }) {
  const [open, setOpen] = useState<string | null>(board.streets.length === 1 ? board.streets[0]!.streetId : null);
  const { unit } = measureLabels[measure];
  return (
    <CellGroup title='各街道、社区'>
      {board.streets.map((street) => (
        <View key={street.streetId} className='card dashboard-street'>
          <Text className='card__title'>{street.name}</Text>
          <DetailRows
            rows={[
              ...dashboardMeasures.map((m) => ({ label: measureLabels[m].name, value: figureText(street.measures[m], measureLabels[m].unit) })),
              { label: '培训人数', value: `${street.persons} 人` },
              { label: '志愿者', value: `注册 ${street.volunteers.registered} 人，活跃 ${street.volunteers.active} 人，${street.volunteers.hours} 小时` },
              { label: '活动报名 / 名额', value: `${street.activities.count} 场，${fillText(street.activities)}` },
              { label: '陪诊中困难群体 / 免费', value: `${street.escortForHardship} / ${street.escortFree} 次` },
            ]}
          />
          <Text className='dashboard-street__toggle' onClick={() => setOpen(open === street.streetId ? null : street.streetId)}>
            {open === street.streetId ? '收起社区' : `查看 ${street.communities.length} 个社区`}
          </Text>
          {open === street.streetId ? (
            <View>
              {street.communities.length > 1 ? (
                <DashboardChart option={placeBarsOption(street.communities.map((c) => ({ name: c.name, actual: communityCount(c, measure), target: null })), unit, elder)} height={chartHeight} />
              ) : null}
              {street.communities.map((community) => (
                <View key={community.communityId} className='dashboard-community'>
                  <Text className='dashboard-community__name'>{community.name}</Text>
                  <DetailRows
                    rows={[
                      { label: '培训人次', value: `${community.personTimes}（${community.persons} 人）` },
                      ...serviceRows(community),
                      { label: '注册志愿者', value: `${community.volunteers.registered} 人` },
                      { label: '活动报名 / 名额', value: `${community.activities.count} 场，${fillText(community.activities)}` },
                    ]}
                  />
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </CellGroup>
  );
}

type Community = Dashboard['streets'][number]['communities'][number];

function communityCount(community: Community, measure: DashboardMeasureKey): number {
  return measure === 'training' ? community.personTimes : community[measure];
}

function figureText(figure: { actual: number; target: number | null; share: number | null }, unit: string): string {
  return figure.target === null ? `${figure.actual} ${unit}（未设指标）` : `${figure.actual} / ${figure.target}（${shareText(figure.share)}）`;
}

type ServiceCounts = Pick<Dashboard['streets'][number], 'advisorConsultations' | 'escortServices' | 'escortForHardship' | 'escortFree' | 'counselingSessions'>;

function serviceRows(place: ServiceCounts): { label: string; value: string }[] {
  return [
    { label: '养老顾问咨询', value: `${place.advisorConsultations} 次` },
    { label: '陪诊服务', value: `${place.escortServices} 次（困难群体 ${place.escortForHardship}，免费 ${place.escortFree}）` },
    { label: '婚姻辅导', value: `${place.counselingSessions} 次` },
  ];
}
