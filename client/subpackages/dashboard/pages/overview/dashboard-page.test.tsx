import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import DashboardPage from './index';

const counts = { advisorConsultations: 12, escortServices: 5, escortForHardship: 3, escortFree: 2, counselingSessions: 4 };
const fill = { count: 6, signedUp: 9, capacity: 17, fillRate: 0.529 };
const figure = (actual: number, target: number | null, forecast: number | null = null) => ({ actual, target, share: target ? Math.round((actual / target) * 1000) / 1000 : null, forecast });
const measuresOf = (training: number, trainingTarget: number | null, advisor: number, advisorTarget: number | null) => ({
  training: figure(training, trainingTarget),
  advisorConsultations: figure(advisor, advisorTarget),
  escortServices: figure(5, 40),
  counselingSessions: figure(4, null),
});
const pace = [{ month: '2026-01', actual: 300, pace: 594 }];
const board = (wholeYear = true) => ({
  year: 2026, period: { from: '2026-01-01', to: '2026-12-31', wholeYear }, asOf: '2026-12-01', elapsedShare: 0.915,
  training: { personTimes: 5500, persons: 2100, target: 7000, forecast: 6011, pace },
  measures: [
    { measure: 'training', actual: 5500, target: 7000, share: 0.786, forecast: wholeYear ? 6011 : null, pace },
    { measure: 'advisorConsultations', actual: 12, target: 100, share: 0.12, forecast: wholeYear ? 13 : null, pace },
    { measure: 'escortServices', actual: 5, target: 40, share: 0.125, forecast: wholeYear ? 5 : null, pace },
    { measure: 'counselingSessions', actual: 4, target: null, share: null, forecast: wholeYear ? 4 : null, pace },
  ],
  volunteers: { registered: 30, active: 12, hours: 86.5, activeSince: '2026-09-02' },
  activities: fill,
  shortOfVolunteers: [{ activityId: 'a4', title: '智能手机课助教', date: '2026-12-03', startsAt: '2026-12-03T01:00:00.000Z', streetId: 'st-nandajie', streetName: '南大街街道', shortBy: 3 }],
  district: { personTimes: 5500, persons: 2100, target: 7000, share: 0.786, ...counts, measures: measuresOf(5500, 7000, 12, 100), volunteers: { registered: 30, active: 12, hours: 86.5 }, activities: fill },
  streets: [
    { streetId: 'st-nandajie', name: '南大街街道', personTimes: 2500, persons: 900, target: 3000, share: 0.833, forecast: 2732, ...counts, measures: measuresOf(2500, 3000, 8, 50),
      volunteers: { registered: 20, active: 8, hours: 60 }, activities: { count: 3, signedUp: 4, capacity: 12, fillRate: 0.333 },
      communities: [
        { communityId: 'cm-xiaoying', name: '小营前社区', personTimes: 1500, persons: 500, ...counts, volunteers: { registered: 11 }, activities: { count: 2, signedUp: 3, capacity: 8, fillRate: 0.375 } },
        { communityId: 'cm-shuangguiping', name: '双桂坊社区', personTimes: 1000, persons: 400, ...counts, volunteers: { registered: 9 }, activities: { count: 0, signedUp: 0, capacity: 0, fillRate: null } },
      ] },
    { streetId: 'st-hehuachi', name: '荷花池街道', personTimes: 3000, persons: 1200, target: 2000, share: 1.5, forecast: 3279, ...counts, measures: measuresOf(3000, 2000, 4, null),
      volunteers: { registered: 10, active: 4, hours: 26.5 }, activities: { count: 3, signedUp: 5, capacity: 5, fillRate: 1 }, communities: [] },
  ],
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let downloads: { name: string; type: string }[];

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  downloads = [];
  let lastType = '';
  URL.createObjectURL = jest.fn((blob: Blob) => {
    lastType = blob.type;
    return 'blob:export';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, type: lastType });
  });
});
afterEach(() => jest.restoreAllMocks());

const renderPage = () =>
  render(
    <SessionProvider>
      <ElderModeProvider>
        <DashboardPage />
      </ElderModeProvider>
    </SessionProvider>,
  );

describe('dashboard page', () => {
  it('shows each measure against its target with the forecast, and the volunteers, activities and those short of volunteers', async () => {
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['admin'] }), 'staff.dashboard': () => board() });
    renderPage();
    expect(await screen.findByText('智能技术培训（人次）')).toBeTruthy();
    expect(screen.getByText('5500 / 7000')).toBeTruthy();
    expect(screen.getByText('79%')).toBeTruthy();
    expect(screen.getByText('6011 人次')).toBeTruthy();
    expect(screen.getByText('2100 人')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('指标：陪诊服务'));
    expect(screen.getByText('陪诊服务（次）')).toBeTruthy();
    expect(screen.getByText('5 / 40')).toBeTruthy();
    expect(screen.getByText('13%')).toBeTruthy();
    expect(screen.getByText('其中困难群体（已核实）')).toBeTruthy();

    expect(screen.getByText('30 人')).toBeTruthy();
    expect(screen.getByText('12 人')).toBeTruthy();
    expect(screen.getByText('86.5 小时')).toBeTruthy();
    expect(screen.getByText('9 / 17（53%）')).toBeTruthy();
    expect(screen.getByText('智能手机课助教')).toBeTruthy();
    expect(screen.getByText('3 人')).toBeTruthy();
    expect(screen.getByText('12月3日 周四')).toBeTruthy();
  });

  it('shows each 街道’s figures and, on a tap, its 社区 with a chart of them', async () => {
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['admin'] }), 'staff.dashboard': () => board() });
    renderPage();
    expect(await screen.findByText('2500 / 3000（83%）')).toBeTruthy();
    // Counseling in both 街道 and 荷花池's advisor consultations have no target.
    expect(screen.getAllByText('4 次（未设指标）')).toHaveLength(3);
    expect(screen.getByText('注册 20 人，活跃 8 人，60 小时')).toBeTruthy();
    expect(screen.getByText('3 场，4 / 12（33%）')).toBeTruthy();
    const chartsBefore = screen.getAllByTestId('chart').length;
    expect(screen.queryByText('小营前社区')).toBeNull();
    fireEvent.click(screen.getByText('查看 2 个社区'));
    expect(screen.getByText('小营前社区')).toBeTruthy();
    expect(screen.getByText('0 场，没有名额')).toBeTruthy();
    expect(screen.getByText('11 人')).toBeTruthy();
    expect(screen.getAllByTestId('chart').length).toBe(chartsBefore + 1);
  });

  it('asks for a quarter as its days, and says a quarter has no year-end forecast', async () => {
    const asked: unknown[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['admin'] }),
      'staff.dashboard': (payload) => {
        asked.push(payload);
        return board(asked.length === 1);
      },
    });
    renderPage();
    await screen.findByText('5500 / 7000');
    fireEvent.click(screen.getByLabelText('统计时段：二季度'));
    expect(await screen.findByText('选全年时显示')).toBeTruthy();
    const thisYear = new Date().getFullYear();
    expect(asked[0]).toMatchObject({ year: thisYear });
    expect(asked[1]).toMatchObject({ from: `${thisYear}-04-01`, to: `${thisYear}-06-30` });
  });

  it('downloads the year’s workbook under the server’s name; staff are not offered full phones', async () => {
    const asked: unknown[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }),
      'staff.dashboard': () => ({ ...board(), district: null, streets: [board().streets[0]] }),
      'exports.dashboardXlsx': (payload) => {
        asked.push(payload);
        return { fileName: '南大街-预约明细-2026-01-01至2026-12-01-20261201.xlsx', mimeType: XLSX, base64: 'UEsDBA==' };
      },
    });
    renderPage();
    fireEvent.click(await screen.findByText('导出 Excel（汇总和预约明细）'));
    await waitFor(() => expect(downloads).toEqual([{ name: '南大街-预约明细-2026-01-01至2026-12-01-20261201.xlsx', type: XLSX }]));
    expect(asked).toEqual([{ year: new Date().getFullYear() }]);
    expect(screen.queryByText('导出 Excel（含完整电话）')).toBeNull();
  });

  it('offers admin the workbook with full phones, and says the refusal in words', async () => {
    const asked: unknown[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['admin'] }),
      'staff.dashboard': () => board(),
      'exports.dashboardXlsx': (payload) => {
        asked.push(payload);
        return failWith('FORBIDDEN', '您没有权限做这件事。', 403);
      },
    });
    renderPage();
    fireEvent.click(await screen.findByText('导出 Excel（含完整电话）'));
    expect(await screen.findByText('您没有权限做这件事。')).toBeTruthy();
    expect(asked).toEqual([{ year: new Date().getFullYear(), fullPhones: true }]);
    expect(downloads).toEqual([]);
  });

  it('is for staff only', async () => {
    fakeHost({ 'user.me': () => demoUser });
    renderPage();
    expect(await screen.findByText('无权限')).toBeTruthy();
  });

  it('works in elder mode', async () => {
    Taro.setStorageSync('civic.elderMode', 'on');
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }), 'staff.dashboard': () => ({ ...board(), district: null, streets: [board().streets[0]] }) });
    const { container } = renderPage();
    expect(await screen.findByText('5500 / 7000')).toBeTruthy();
    expect(container.querySelector('.page.elder')).toBeTruthy();
    // One 街道: its 社区 are open at once, with no district bar chart.
    expect(screen.getByText('小营前社区')).toBeTruthy();
  });
});
