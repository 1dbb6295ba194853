import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../test/taro.mock';
import { demoUser, fakeHost } from '../../test/fake-host';
import { saveSession } from '../../src/api/session-store';
import { ElderModeProvider } from '../../src/elder/elder-mode-context';
import { SessionProvider } from '../../src/session/session-context';
import HomePage from './index';

const fetchMock = jest.fn();

function renderHome() {
  return render(
    <SessionProvider>
      <ElderModeProvider>
        <HomePage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('home page', () => {
  it('signed out: shows the three services and a login button, and no empty appointment box', () => {
    renderHome();

    for (const name of ['养老顾问', '陪诊服务', '婚姻辅导']) {
      expect(screen.getByRole('button', { name: new RegExp(`^${name}`) })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.queryByText('下一个预约')).toBeNull();
    expect(screen.queryByText(/未读/)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signed out: choosing a service leads to the login page', () => {
    renderHome();

    fireEvent.click(screen.getByRole('button', { name: /^陪诊服务/ }));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('host unreachable with a stored session: says so and offers a retry instead of a blank page', async () => {
    saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    renderHome();

    expect((await screen.findByRole('alert')).textContent).toContain('网络连接不上');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^养老顾问/ })).toBeTruthy();
  });

  // volunteer — client
  it('signed in: offers 银龄行动 to everyone, opening the volunteer status page', async () => {
    saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
    // Only the session is answered: the entry does not depend on the home summary.
    fakeHost({});
    renderHome();

    fireEvent.click(await screen.findByRole('button', { name: /^银龄行动/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/status/index' });
  });

  // volunteer — staff
  it('offers 银龄行动管理 to staff (opening the hub) and not to residents', async () => {
    saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
    fakeHost({ 'user.me': () => ({ ...demoUser, roles: ['staff'], staffStreetId: 'st-nandajie' }) });
    const staff = renderHome();
    fireEvent.click(await screen.findByRole('button', { name: /^银龄行动管理/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage/index' });
    staff.unmount();

    fakeHost({});
    renderHome();
    await screen.findByRole('button', { name: /^银龄行动/ });
    expect(screen.queryByRole('button', { name: /^银龄行动管理/ })).toBeNull();
  });
});
