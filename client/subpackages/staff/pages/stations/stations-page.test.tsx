import { fireEvent, render, screen, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { districtAdmin, hehuachi, nandajie, stationRecord, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import StationsPage from './index';

function open(replies: Replies, user: Record<string, unknown> = staffOfNandajie) {
  const host = fakeHost({ 'user.me': () => user, 'catalog.streets': () => [nandajie, hehuachi], ...replies });
  const view = render(
    <SessionProvider>
      <ElderModeProvider>
        <StationsPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return { host, view };
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('stations page', () => {
  it('lists the 街道’s stations with the inactive one marked 已停用, and switches one off after asking', async () => {
    const switched: Record<string, unknown>[] = [];
    const { host } = open({
      'staff.managedStations': () => [stationRecord('sn-xiaoying'), stationRecord('sn-shuangguiping', { active: false, hours: '' })],
      'admin.setStationActive': (payload) => {
        switched.push(payload);
        return stationRecord('sn-xiaoying', { active: false });
      },
    });
    expect(await screen.findByText('小营前社区养老顾问站')).toBeTruthy();
    expect(screen.getByText('已停用')).toBeTruthy();
    expect(screen.getByText('周一至周五 08:30-11:30、14:00-17:00')).toBeTruthy();
    expect(screen.getByText('小营前社区')).toBeTruthy();
    expect(screen.getByText('未填写')).toBeTruthy();
    // Staff choose no 街道: theirs is the only one.
    expect(screen.queryByRole('button', { name: '街道：荷花池街道' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '停用' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '停用' }));
    await screen.findByText('小营前社区养老顾问站');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(switched).toEqual([{ stationId: 'sn-xiaoying', active: false }]);
    expect(host.calls.filter((c) => c === 'staff.managedStations').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(screen.getByRole('button', { name: '恢复开放' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(switched[1]).toEqual({ stationId: 'sn-shuangguiping', active: true });
  });

  it('says plainly why a station with working advisors stays open', async () => {
    open({
      'staff.managedStations': () => [stationRecord('sn-xiaoying')],
      'admin.setStationActive': () => failWith('CONFLICT', 'conflict', 409, { reason: 'the station still has active advisors' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '停用' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '停用' }));
    expect(await screen.findByText(/站点里还有在岗的养老顾问/)).toBeTruthy();
  });

  it('lets admin pick a 街道, and opens the form to edit or create', async () => {
    const asked: Record<string, unknown>[] = [];
    open(
      {
        'staff.managedStations': (payload) => {
          asked.push(payload);
          return [stationRecord('sn-xiaoying')];
        },
      },
      { ...districtAdmin, elderMode: true },
    );
    fireEvent.click(await screen.findByRole('button', { name: '街道：荷花池街道' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([{}, { streetId: 'st-hehuachi' }]);
    fireEvent.click(await screen.findByRole('button', { name: '修改小营前社区养老顾问站' }));
    const { default: Taro } = await import('@tarojs/taro');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/station/index?stationId=sn-xiaoying' });
    fireEvent.click(screen.getByRole('button', { name: '新建站点' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/staff/pages/station/index' });
    expect(document.querySelector('.page.elder')).not.toBeNull();
  });

  it('is not for residents', async () => {
    open({}, demoUser);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
