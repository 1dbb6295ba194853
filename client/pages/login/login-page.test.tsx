import { act, fireEvent, render, screen } from '@testing-library/react';
import { demoAccounts } from '../../../shared/domain/demo-accounts';
import Taro from '@tarojs/taro';
import { resetTaroMock, setRouterParams } from '../../test/taro.mock';
import { demoUser, failWith, fakeHost } from '../../test/fake-host';
import { clearSession, readSession, saveSession } from '../../src/api/session-store';
import { ElderModeProvider } from '../../src/elder/elder-mode-context';
import { SessionProvider } from '../../src/session/session-context';
import ChangePasswordPage from '../../subpackages/account/pages/password/index';
import LoginPage from './index';

const staffUser = { ...demoUser, id: 'u-chen', openid: 'pw:chen', name: '陈干事', roles: ['resident', 'staff'], staffStreetId: 'st-nandajie' };
const session = (mustChangePassword: boolean) => ({ token: 'tok-staff', expiresAt: '2099-01-01T00:00:00.000Z', user: staffUser, mustChangePassword });

function renderPage(page: JSX.Element) {
  return render(
    <SessionProvider>
      <ElderModeProvider>{page}</ElderModeProvider>
    </SessionProvider>,
  );
}

function typeInto(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

beforeEach(() => {
  resetTaroMock();
  clearSession();
});

describe('login page in the browser', () => {
  it('signs staff in with a name and password and goes home', async () => {
    const sent: Record<string, unknown>[] = [];
    fakeHost({
      'user.loginOptions': () => ({ devLogin: false, staffLogin: true }),
      'user.staffLogin': (payload) => (sent.push(payload), session(false)),
    });
    renderPage(<LoginPage />);
    expect(screen.getByText('工作人员登录')).toBeTruthy();
    typeInto('账号', 'chen');
    typeInto('密码', 'Street-start-88');
    expect((screen.getByLabelText('密码') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    await screen.findByRole('button', { name: '登录' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([{ loginName: 'chen', password: 'Street-start-88' }]);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(readSession()?.token).toBe('tok-staff');
  });

  it('shows the lockout with the time to try again, and clears the password', async () => {
    fakeHost({
      'user.loginOptions': () => ({ devLogin: false, staffLogin: true }),
      'user.staffLogin': () => failWith('ACCOUNT_LOCKED', '密码错误次数太多，账号暂时锁定，请在 10:19 后再试。', 429, { retryAt: '2026-11-30T02:19:00.000Z' }),
    });
    renderPage(<LoginPage />);
    typeInto('账号', 'chen');
    typeInto('密码', 'wrong-pass-1');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('密码错误次数太多，账号暂时锁定，请在 10:19 后再试。')).toBeTruthy();
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('账号') as HTMLInputElement).value).toBe('chen');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('asks for both fields before sending anything', async () => {
    const { calls } = fakeHost({ 'user.loginOptions': () => ({ devLogin: false, staffLogin: true }) });
    renderPage(<LoginPage />);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请填写账号')).toBeTruthy();
    expect(screen.getByText('请填写密码')).toBeTruthy();
    expect(calls).not.toContain('user.staffLogin');
  });

  it('sends a person whose password an admin set to change it first', async () => {
    fakeHost({
      'user.loginOptions': () => ({ devLogin: false, staffLogin: true }),
      'user.staffLogin': () => session(true),
    });
    renderPage(<LoginPage />);
    typeInto('账号', 'chen');
    typeInto('密码', 'Street-start-88');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('button', { name: '登录' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/subpackages/account/pages/password/index?forced=1' });
  });

  it('without dev login tells residents to open the mini-program, and lists no demo accounts', async () => {
    fakeHost({ 'user.loginOptions': () => ({ devLogin: false, staffLogin: true }) });
    renderPage(<LoginPage />);
    expect(await screen.findByText('居民请在微信中打开“民政便民服务”小程序')).toBeTruthy();
    expect(screen.queryByText('开发登录')).toBeNull();
    expect(screen.queryByRole('button', { name: /^以.+登录$/ })).toBeNull();
  });

  it('with dev login on lists the demo accounts below the staff login', async () => {
    fakeHost({ 'user.loginOptions': () => ({ devLogin: true, staffLogin: true }) });
    renderPage(<LoginPage />);
    expect(await screen.findByText('开发登录')).toBeTruthy();
    expect(screen.getByRole('button', { name: '以居民 王阿姨登录' })).toBeTruthy();
    expect(screen.queryByText(/居民请在微信中打开/)).toBeNull();
    expect(screen.getByText('工作人员登录')).toBeTruthy();
  });
});

describe('change password page', () => {
  beforeEach(() => {
    saveSession({ token: 'tok-staff', expiresAt: '2099-01-01T00:00:00.000Z' });
  });

  it('checks the rules and the repeat before sending, then changes the password and goes home', async () => {
    const sent: Record<string, unknown>[] = [];
    fakeHost({ 'user.me': () => staffUser, 'user.changePassword': (payload) => (sent.push(payload), { changedAt: '2026-11-30T02:00:00.000Z', token: 'tok-after-change', expiresAt: '2099-01-01T00:00:00.000Z' }) });
    setRouterParams({ forced: '1' });
    renderPage(<ChangePasswordPage />);
    expect(await screen.findByText(/这是管理员给您设的临时密码/)).toBeTruthy();

    typeInto('原密码', 'Street-start-88');
    typeInto('新密码', '12345678');
    typeInto('再输入一次新密码', '12345678');
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByText('密码不能全是数字，请加上字母')).toBeTruthy();

    typeInto('新密码', 'Brand-new-pw-7');
    typeInto('再输入一次新密码', 'Brand-new-pw-8');
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByText('两次输入的新密码不一样')).toBeTruthy();
    expect(sent).toEqual([]);

    typeInto('再输入一次新密码', 'Brand-new-pw-7');
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    await screen.findByRole('button', { name: '保存新密码' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([{ currentPassword: 'Street-start-88', newPassword: 'Brand-new-pw-7' }]);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    // The change ended the old session; the page keeps the fresh one.
    expect(readSession()?.token).toBe('tok-after-change');
  });

  it('shows the server refusing the current password at its field', async () => {
    // The server's field error, as the host sends it (VALIDATION_FAILED with the field at fault).
    global.fetch = jest.fn(async (url: string, init: { body: string }) => {
      const { action } = JSON.parse(init.body) as { action: string };
      if (action === 'me') return { status: 200, text: async () => JSON.stringify({ ok: true, data: staffUser }) };
      return { status: 400, text: async () => JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', details: { fields: [{ path: 'currentPassword', message: '原密码不对' }] } } }) };
    }) as unknown as typeof fetch;
    renderPage(<ChangePasswordPage />);
    await screen.findByLabelText('原密码');
    typeInto('原密码', 'not-current-1');
    typeInto('新密码', 'Brand-new-pw-7');
    typeInto('再输入一次新密码', 'Brand-new-pw-7');
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByText('原密码不对')).toBeTruthy();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});

describe('the browser development login', () => {
  it('offers every demo account the seed writes, from its one list, and logs in as the one tapped', async () => {
    const logins: unknown[] = [];
    fakeHost({
      'user.loginOptions': () => ({ devLogin: true, staffLogin: true }),
      'user.devLogin': ({ openid }) => {
        logins.push(openid);
        return { token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', user: { ...demoUser, openid: String(openid) } };
      },
    });
    renderPage(<LoginPage />);
    for (const account of demoAccounts) expect(await screen.findByRole('button', { name: `以${account.label}登录` })).toBeTruthy();
    for (const openid of ['demo-teacher', 'demo-volunteer-1', 'demo-volunteer-2', 'demo-applicant']) expect(demoAccounts.map((a) => a.openid)).toContain(openid);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '以志愿者申请人 刘阿姨登录' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(logins).toEqual(['demo-applicant']);
  });
});
