import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { fakeHost } from '../../../../test/fake-host';
import { hehuachi, nandajie, stationRecord, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import StreetBookingsPage from './index';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('street bookings page', () => {
  it('filters by the staff member’s own stations and 社区 as well as service, status and dates', async () => {
    const asked: Record<string, unknown>[] = [];
    fakeHost({
      'user.me': () => ({ ...staffOfNandajie, elderMode: true }),
      'catalog.streets': () => [nandajie, hehuachi],
      'staff.managedStations': () => [stationRecord('sn-xiaoying'), stationRecord('sn-shuangguiping', { active: false })],
      'staff.streetBookings': (payload) => {
        asked.push(payload);
        return { items: [], total: 0, page: 1, pageSize: 20 };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <StreetBookingsPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    // A station that is off still has bookings to look back on.
    fireEvent.click(await screen.findByRole('button', { name: '站点：双桂坊社区养老顾问站' }));
    await settle();
    expect(screen.queryByRole('button', { name: '社区：荷花池社区' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '社区：小营前社区' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '站点：全部' }));
    await settle();
    const filters = asked.map(({ from: _from, to: _to, ...rest }) => rest);
    expect(filters).toEqual([
      { page: 1, pageSize: 20 },
      { stationId: 'sn-shuangguiping', page: 1, pageSize: 20 },
      { stationId: 'sn-shuangguiping', communityId: 'cm-xiaoying', page: 1, pageSize: 20 },
      { communityId: 'cm-xiaoying', page: 1, pageSize: 20 },
    ]);
    expect(await screen.findByText('没有符合条件的预约')).toBeTruthy();
    expect(document.querySelector('.page.elder')).not.toBeNull();
  });
});
