import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { fakeHost, failWith, type Replies } from '../../../../test/fake-host';
import { hehuachi, nandajie, stationRecord, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import StationPage from './index';

function open(replies: Replies, user: Record<string, unknown> = staffOfNandajie) {
  const host = fakeHost({ 'user.me': () => user, 'catalog.streets': () => [nandajie, hehuachi], ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <StationPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  resetTaroMock();
  setRouterParams({});
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('station form', () => {
  it('edits a station’s hours day by day: Saturday morning added, Monday without lunch copied to the weekdays', async () => {
    setRouterParams({ stationId: 'sn-xiaoying' });
    jest.mocked(Taro.getCurrentPages).mockReturnValue([{ route: 'subpackages/staff/pages/stations/index' }, { route: 'subpackages/staff/pages/station/index' }]);
    const saved: Record<string, unknown>[] = [];
    open({
      'staff.managedStations': () => [stationRecord('sn-xiaoying'), stationRecord('sn-shuangguiping')],
      'admin.upsertStation': (payload) => {
        saved.push(payload);
        return stationRecord('sn-xiaoying');
      },
    });
    expect(((await screen.findByLabelText(/^站点名称/)) as HTMLInputElement).value).toBe('小营前社区养老顾问站');
    expect((screen.getByLabelText('周一午休开始') as HTMLInputElement).value).toBe('11:30');

    fireEvent.click(screen.getByRole('switch', { name: /周六/ }));
    type('周六开门', '09:00');
    type('周六关门', '12:00');
    const lunches = screen.getAllByRole('switch', { name: '中午休息' });
    // Saturday's own lunch switch is the sixth: Monday to Friday come first.
    fireEvent.click(lunches[5]!);
    fireEvent.click(lunches[0]!);
    type('周一开门', '09:00');
    fireEvent.click(screen.getByRole('button', { name: '周二到周五照周一填写' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await settle();

    expect(saved).toEqual([
      {
        stationId: 'sn-xiaoying',
        communityId: 'cm-xiaoying',
        name: '小营前社区养老顾问站',
        address: '钟楼区小营前社区服务中心一楼 101 室',
        phone: '0519-88661001',
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })).concat([{ weekday: 6, start: '09:00', end: '12:00' }]),
      },
    ]);
    // Saved: back to the list it was opened from.
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('creates a station in one of the staff member’s own 社区, and sends nothing while a time is wrong', async () => {
    const saved: Record<string, unknown>[] = [];
    open({
      'admin.upsertStation': (payload) => {
        saved.push(payload);
        return failWith('CONFLICT', 'conflict', 409, { reason: 'one station per community', stationId: 'sn-xiaoying' });
      },
    });
    // Only 南大街's 社区 are offered to its staff.
    fireEvent.click(await screen.findByRole('button', { name: '所在社区：双桂坊社区' }));
    expect(screen.queryByRole('button', { name: '所在社区：荷花池社区' })).toBeNull();
    type(/^站点名称/, '双桂坊站');
    type(/^地址/, '双桂坊 8 号');
    type(/^电话/, '0519-88660000');
    type('周三关门', '5点');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findAllByText('周三：时间请写成 08:30 这样')).not.toHaveLength(0);
    await settle();
    expect(saved).toEqual([]);

    type('周三关门', '17:00');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('这个社区已经有站点了，一个社区只设一个站点。')).toBeTruthy();
    expect(saved[0]).toMatchObject({ communityId: 'cm-shuangguiping', name: '双桂坊站', phone: '0519-88660000' });
    expect(saved[0]).not.toHaveProperty('stationId');
    expect((saved[0]!.openingHours as unknown[]).length).toBe(10);
  });
});

describe('a station saved before opening hours had rows', () => {
  it('starts from the usual week and shows the old line to check against', async () => {
    setRouterParams({ stationId: 'sn-xiaoying' });
    open({ 'staff.managedStations': () => [stationRecord('sn-xiaoying', { openingHours: [], hours: '周一至周五 9:00-11:30，14:00-17:00' })] });
    expect(await screen.findByText('原来写的开放时间：周一至周五 9:00-11:30，14:00-17:00。请按它核对下面每一天。')).toBeTruthy();
    expect((screen.getByLabelText('周五开门') as HTMLInputElement).value).toBe('08:30');
    expect(screen.queryByLabelText('周日开门')).toBeNull();
  });
});
