import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import DashboardPage from './index';

const counts = { advisorConsultations: 12, escortServices: 5, escortForHardship: 3, escortFree: 2, counselingSessions: 4 };
const board = {
  year: 2026, asOf: '2026-12-01', elapsedShare: 0.915,
  training: { personTimes: 5500, target: 7000, forecast: 6011, pace: [{ month: '2026-01', actual: 300, pace: 594 }] },
  district: { personTimes: 5500, persons: 2100, target: 7000, share: 0.786, ...counts },
  streets: [
    { streetId: 'st-nandajie', name: '南大街街道', personTimes: 2500, persons: 900, target: 3000, share: 0.833, forecast: 2732, ...counts,
      communities: [{ communityId: 'cm-xiaoying', name: '小营前社区', personTimes: 1500, persons: 500, ...counts }] },
    { streetId: 'st-hehuachi', name: '荷花池街道', personTimes: 3000, persons: 1200, target: 2000, share: 1.5, forecast: 3279, ...counts, communities: [] },
  ],
};

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

function renderPage() {
  render(
    <SessionProvider>
      <ElderModeProvider>
        <DashboardPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

describe('dashboard page', () => {
  it('shows the person-times against the 7,000, the forecast, services by 街道 and, on a tap, its 社区', async () => {
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['admin'] }), 'staff.dashboard': () => board });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <DashboardPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    expect(await screen.findByText('5500 / 7000')).toBeTruthy();
    expect(screen.getByText('79%')).toBeTruthy();
    expect(screen.getByText('6011 人次')).toBeTruthy();
    expect(screen.getByText('2500 / 3000（83%）')).toBeTruthy();
    expect(screen.getAllByText('5 次（困难群体 3，免费 2）').length).toBeGreaterThan(0);
    expect(screen.queryByText('小营前社区')).toBeNull();
    fireEvent.click(screen.getByText('查看 1 个社区'));
    expect(screen.getByText('小营前社区')).toBeTruthy();
  });

  it('downloads the year’s workbook under the server’s name; staff are not offered full phones', async () => {
    const asked: unknown[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }),
      'staff.dashboard': () => ({ ...board, district: null, streets: [board.streets[0]] }),
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
      'staff.dashboard': () => board,
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
    render(
      <SessionProvider>
        <ElderModeProvider>
          <DashboardPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
