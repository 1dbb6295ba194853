import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { fakeHost, type Replies } from '../../../../test/fake-host';
import { districtAdmin, stationRecord, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import ProviderPage from './index';

function open(replies: Replies, user: Record<string, unknown> = districtAdmin) {
  const host = fakeHost({
    'user.me': () => user,
    'staff.managedStations': () => [stationRecord('sn-xiaoying'), stationRecord('sn-shuangguiping', { active: false })],
    ...replies,
  });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <ProviderPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

const type = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  resetTaroMock();
  setRouterParams({});
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('provider form', () => {
  it('links a new advisor to a person found by phone, grants the role first, and saves at an open station', async () => {
    const granted: Record<string, unknown>[] = [];
    const saved: Record<string, unknown>[] = [];
    open({
      'staff.findPeople': () => ({ items: [{ userId: 'u9', name: '刘**', phone: '139****8888', communityId: null, roles: ['resident'], staffStreetId: null }], more: false }),
      'admin.grantRoles': (payload) => {
        granted.push(payload);
        return { id: 'u9' };
      },
      'admin.upsertProvider': (payload) => {
        saved.push(payload);
        return { id: 'pv-new' };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '服务：养老顾问' }));
    // A station that is off is not offered; an advisor must have one, so there is no “none”.
    expect(screen.queryByRole('button', { name: '所在站点：双桂坊社区养老顾问站' })).toBeNull();
    expect(screen.queryByRole('button', { name: '所在站点：不属于站点（区级）' })).toBeNull();
    type(/手机号或姓名/, '13900008888');
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    fireEvent.click(await screen.findByRole('button', { name: '选这个人' }));
    expect(await screen.findByText('账号：刘** · 139****8888')).toBeTruthy();

    type(/^称呼/, '刘顾问');
    type(/^服务地点/, '小营前社区养老顾问站');
    fireEvent.click(screen.getByRole('button', { name: '所在站点：小营前社区养老顾问站' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await settle();
    expect(saved).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '授予养老顾问角色' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '授予养老顾问角色' })).toBeNull());
    expect(granted).toEqual([{ userId: 'u9', roles: ['advisor'] }]);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await settle();
    expect(saved).toEqual([{ userId: 'u9', kind: 'advisor', name: '刘顾问', stationId: 'sn-xiaoying', venue: '小营前社区养老顾问站', intro: '' }]);
  });

  it('edits a record as it is, keeping its person and service', async () => {
    setRouterParams({ providerId: 'pv-counselor-1' });
    const saved: Record<string, unknown>[] = [];
    open({
      'staff.managedProviders': () => [
        { id: 'pv-counselor-1', kind: 'counseling', name: '何老师', venue: '婚姻登记处辅导室', intro: '二级咨询师', stationId: null, streetId: null, userId: 'u-he', active: false },
      ],
      'admin.upsertProvider': (payload) => {
        saved.push(payload);
        return { id: 'pv-counselor-1' };
      },
    });
    expect(await screen.findByText('这位服务人员已停用；保存后恢复在岗。')).toBeTruthy();
    expect(screen.getByText('服务：婚姻辅导')).toBeTruthy();
    type(/^服务地点/, '婚姻登记处二楼');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await settle();
    expect(saved).toEqual([{ providerId: 'pv-counselor-1', userId: 'u-he', kind: 'counseling', name: '何老师', stationId: null, venue: '婚姻登记处二楼', intro: '二级咨询师' }]);
  });

  it('is for admin only', async () => {
    open({}, staffOfNandajie);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
