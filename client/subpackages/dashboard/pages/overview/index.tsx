import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dashboardApi, type Dashboard } from '../../../../src/api/dashboard.api';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { DetailRows } from '../../../../src/components/DetailRows';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { DashboardChart } from '../../../../src/features/dashboard/DashboardChart';
import { paceLineOption, shareText, streetBarsOption } from '../../../../src/features/dashboard/dashboard-charts';
import { staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { useRequest } from '../../../../src/hooks/use-request';
import { CellGroup } from '../../../../src/ui/Cell';
import { exportsApi } from '../../../../src/api/exports.api';
import { ExportButtons } from '../../../../src/features/exports/ExportButtons';

/**
 * The dashboard: the 7,000 training person-times (人次, with persons 人数) against the targets, the
 * pace and the year-end forecast, then the services given, by 街道 and 社区. Counts only: counseling
 * is a number, never a topic.
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

function Overview({ isAdmin }: { isAdmin: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const state = useRequest(() => dashboardApi.overview(year), [year]);
  const years = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年` }));
  return (
    <View>
      <ChoiceGroup label='年份' options={years} value={String(year)} onChange={(value) => setYear(Number(value))} />
      <RequestView state={state}>{(board) => <Board board={board} />}</RequestView>
      <DashboardExport year={year} isAdmin={isAdmin} />
    </View>
  );
}

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
  const [open, setOpen] = useState<string | null>(null);
  const totals = board.district ?? board.streets[0] ?? null;
  return (
    <View>
      <View className='card dashboard-headline'>
        <Text className='card__title'>智能技术培训（人次）</Text>
        <Text className='text-key dashboard-figure'>{`${board.training.personTimes} / ${board.training.target ?? '未设指标'}`}</Text>
        <DetailRows
          rows={[
            { label: '完成', value: shareText(board.training.target ? board.training.personTimes / board.training.target : null) },
            { label: '时间过去', value: `${Math.round(board.elapsedShare * 100)}%` },
            { label: '按目前进度，年底约', value: board.training.forecast === null ? '—' : `${board.training.forecast} 人次` },
            ...(totals ? [{ label: '培训人数', value: `${totals.persons} 人` }] : []),
          ]}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>全年进度</Text>
        <DashboardChart option={paceLineOption(board.training.pace)} />
      </View>
      {board.streets.length > 1 ? (
        <View className='card'>
          <Text className='card__title'>各街道完成情况</Text>
          <DashboardChart option={streetBarsOption(board.streets)} />
        </View>
      ) : null}
      {totals ? (
        <CellGroup title={board.district ? '全区服务' : '本街道服务'}>
          <View className='card'>
            <DetailRows rows={serviceRows(totals)} />
          </View>
        </CellGroup>
      ) : null}
      <CellGroup title='各街道、社区'>
        {board.streets.map((street) => (
          <View key={street.streetId} className='card dashboard-street'>
            <Text className='card__title'>{street.name}</Text>
            <DetailRows
              rows={[
                { label: '培训人次', value: `${street.personTimes} / ${street.target ?? '未设指标'}（${shareText(street.share)}）` },
                { label: '培训人数', value: `${street.persons} 人` },
                ...serviceRows(street),
              ]}
            />
            <Text className='dashboard-street__toggle' onClick={() => setOpen(open === street.streetId ? null : street.streetId)}>
              {open === street.streetId ? '收起社区' : `查看 ${street.communities.length} 个社区`}
            </Text>
            {open === street.streetId
              ? street.communities.map((community) => (
                  <View key={community.communityId} className='dashboard-community'>
                    <Text className='dashboard-community__name'>{community.name}</Text>
                    <DetailRows rows={[{ label: '培训人次', value: `${community.personTimes}（${community.persons} 人）` }, ...serviceRows(community)]} />
                  </View>
                ))
              : null}
          </View>
        ))}
      </CellGroup>
    </View>
  );
}

type ServiceCounts = Pick<Dashboard['streets'][number], 'advisorConsultations' | 'escortServices' | 'escortForHardship' | 'escortFree' | 'counselingSessions'>;

function serviceRows(place: ServiceCounts): { label: string; value: string }[] {
  return [
    { label: '养老顾问咨询', value: `${place.advisorConsultations} 次` },
    { label: '陪诊服务', value: `${place.escortServices} 次（困难群体 ${place.escortForHardship}，免费 ${place.escortFree}）` },
    { label: '婚姻辅导', value: `${place.counselingSessions} 次` },
  ];
}
