import { act, fireEvent, render, screen } from '@testing-library/react';
import { demoAccounts } from '../../../shared/domain/demo-accounts';
import { resetTaroMock } from '../../test/taro.mock';
import { demoUser, fakeHost } from '../../test/fake-host';
import { ElderModeProvider } from '../../src/elder/elder-mode-context';
import { SessionProvider } from '../../src/session/session-context';
import LoginPage from './index';

beforeEach(() => resetTaroMock());

describe('the browser development login', () => {
  it('offers every demo account the seed writes, from its one list, and logs in as the one tapped', async () => {
    const logins: unknown[] = [];
    fakeHost({
      'user.devLogin': ({ openid }) => {
        logins.push(openid);
        return { token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', user: { ...demoUser, openid: String(openid) } };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <LoginPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    for (const account of demoAccounts) expect(await screen.findByRole('button', { name: `以${account.label}登录` })).toBeTruthy();
    for (const openid of ['demo-teacher', 'demo-volunteer-1', 'demo-volunteer-2', 'demo-applicant']) expect(demoAccounts.map((a) => a.openid)).toContain(openid);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '以志愿者申请人 刘阿姨登录' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(logins).toEqual(['demo-applicant']);
  });
});
