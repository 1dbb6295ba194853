import { fireEvent, render, screen, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { fakeHost, type Replies } from '../../../../test/fake-host';
import { districtAdmin, stationRecord, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import ProvidersPage from './index';

const provider = (id: string, overrides: Record<string, unknown> = {}) => ({
  id, kind: 'advisor', name: '刘顾问', venue: '小营前社区养老顾问站', intro: '', stationId: 'sn-xiaoying', streetId: 'st-nandajie', userId: `u-${id}`, active: true, ...overrides,
});

function open(replies: Replies, user: Record<string, unknown>) {
  const host = fakeHost({ 'user.me': () => user, 'staff.managedStations': () => [stationRecord('sn-xiaoying'), stationRecord('sn-shuangguiping')], ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <ProvidersPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('providers page', () => {
  it('shows staff their 街道’s providers by service and station, inactive ones marked, with nothing to change', async () => {
    const asked: Record<string, unknown>[] = [];
    open(
      {
        'staff.managedProviders': (payload) => {
          asked.push(payload);
          return [provider('pv-advisor-1'), provider('pv-advisor-2', { name: '赵顾问', stationId: 'sn-shuangguiping', active: false })];
        },
      },
      { ...staffOfNandajie, elderMode: true },
    );
    expect(await screen.findByText('刘顾问')).toBeTruthy();
    expect(screen.getByText('已停用')).toBeTruthy();
    // The record's station, beside the station filter's own choice of it.
    expect(screen.getAllByText('双桂坊社区养老顾问站')).toHaveLength(2);
    expect(screen.getByText('新增、修改或停用服务人员，请联系区民政局管理员。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '停用' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '服务：养老顾问' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '站点：双桂坊社区养老顾问站' }));
    await settle();
    expect(asked).toEqual([{}, { service: 'advisor' }, { service: 'advisor', stationId: 'sn-shuangguiping' }]);
    expect(document.querySelector('.page.elder')).not.toBeNull();
  });

  it('lets admin stop a provider and lists the bookings to move', async () => {
    const stopped: Record<string, unknown>[] = [];
    open(
      {
        'staff.managedProviders': () => [provider('pv-advisor-1')],
        'admin.deactivateProvider': (payload) => {
          stopped.push(payload);
          return {
            deactivated: 'pv-advisor-1',
            affected: [
              { id: 'bk-1', service: 'advisor', status: 'confirmed', startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T01:30:00.000Z', provider: null, contactPhone: '138****2222', cancelDeadline: '2099-12-02T01:00:00.000Z', details: { kind: 'advisor', topics: ['policy'] }, allowedActions: [] },
            ],
          };
        },
      },
      districtAdmin,
    );
    expect(await screen.findByRole('button', { name: '修改刘顾问' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '停用' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '停用' }));
    expect(await screen.findByText('还有 1 个预约要改期或取消，请联系居民')).toBeTruthy();
    expect(stopped).toEqual([{ providerId: 'pv-advisor-1' }]);
  });
});
