import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import PeoplePage from './index';

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('people and roles page', () => {
  it('finds a person (masked) and makes them staff of a 街道', async () => {
    const granted: Record<string, unknown>[] = [];
    fakeHost({
      'user.me': () => ({ ...demoUser, roles: ['admin'] }),
      'staff.findPeople': () => ({ items: [{ userId: 'u9', name: '刘**', phone: '139****8888', communityId: null, roles: ['resident'], staffStreetId: null }], more: false }),
      'catalog.streets': () => [{ id: 'st-nandajie', name: '南大街街道', communities: [] }],
      'admin.grantRoles': (payload) => {
        granted.push(payload);
        return { id: 'u9' };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <PeoplePage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    fireEvent.input(await screen.findByLabelText(/手机号或姓名/), { target: { value: '13900008888' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    expect(await screen.findByText('刘** · 139****8888')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '授予角色：工作人员' }));
    fireEvent.click(await screen.findByRole('button', { name: '所在街道：南大街街道' }));
    fireEvent.click(screen.getByRole('button', { name: '授予' }));
    await screen.findByText('刘** · 139****8888');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(granted).toEqual([{ userId: 'u9', roles: ['staff'], streetId: 'st-nandajie' }]);
  });

  it('is for admin only', async () => {
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }) });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <PeoplePage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
