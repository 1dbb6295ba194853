import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { districtAdmin, hehuachi, nandajie, staffOfNandajie } from '../../../../test/station-fixtures';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import { passwordProblem } from '../../../../../shared/domain/staff-auth/password-rules';
import AccountsPage from './index';

function open(replies: Replies, user: Record<string, unknown> = districtAdmin) {
  const host = fakeHost({ 'user.me': () => user, 'catalog.streets': () => [nandajie, hehuachi], ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <AccountsPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

const type = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const account = (loginName: string) => ({ user: { id: 'u-new', name: '林干事' }, loginName, mustChangePassword: true, lockedUntil: null });

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('staff accounts page', () => {
  it('makes a 街道 staff account with a first password it shows once, and says it must be changed', async () => {
    const created: Record<string, unknown>[] = [];
    open({
      'admin.createStaffAccount': (payload) => {
        created.push(payload);
        return account('lin.hehua');
      },
    });
    await screen.findByLabelText(/^姓名/);
    type(/^姓名/, '林干事');
    type(/^手机号\*?$/, '139 0000 7777');
    type(/^登录账号/, 'lin.hehua');
    fireEvent.click(screen.getByRole('button', { name: '建立账号并生成初始密码' }));
    // 街道 staff need their 街道: nothing is sent without it.
    expect(await screen.findByText('街道工作人员要选所在街道')).toBeTruthy();
    expect(created).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '所在街道：荷花池街道' }));
    fireEvent.click(screen.getByRole('button', { name: '建立账号并生成初始密码' }));

    expect(await screen.findByText('已为林干事建立账号。账号：lin.hehua')).toBeTruthy();
    expect(created).toHaveLength(1);
    const { initialPassword, ...rest } = created[0] as { initialPassword: string };
    expect(rest).toEqual({ name: '林干事', phone: '13900007777', loginName: 'lin.hehua', role: 'staff', streetId: 'st-hehuachi' });
    expect(passwordProblem(initialPassword, 'lin.hehua')).toBeNull();
    expect(screen.getByText(`初始密码：${initialPassword}`)).toBeTruthy();
    expect(screen.getByText('本人下次登录时须先修改密码。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '已告诉本人，关闭' }));
    expect(screen.queryByText(`初始密码：${initialPassword}`)).toBeNull();
  });

  it('resets the password of a person found by phone, and says when they have no account', async () => {
    const resets: Record<string, unknown>[] = [];
    let hasAccount = false;
    open({
      'staff.findPeople': () => ({ items: [{ userId: 'u7', name: '陈**', phone: '139****0002', communityId: null, roles: ['staff'], staffStreetId: 'st-nandajie' }], more: false }),
      'admin.resetStaffPassword': (payload) => {
        resets.push(payload);
        return hasAccount ? account('chen') : failWith('NOT_FOUND', 'not found', 404, { reason: 'this user has no password account' });
      },
    });
    await screen.findByLabelText(/手机号或姓名/);
    type(/手机号或姓名/, '13900000002');
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    fireEvent.click(await screen.findByRole('button', { name: '重设陈**的密码' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '重设' }));
    expect(await screen.findByText('这个人还没有登录账号，请在上面为他建立一个。')).toBeTruthy();

    hasAccount = true;
    fireEvent.click(screen.getByRole('button', { name: '重设陈**的密码' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '重设' }));
    await waitFor(() => expect(resets).toHaveLength(2));
    const { newPassword } = resets[1] as { newPassword: string };
    expect(await screen.findByText(`初始密码：${newPassword}`)).toBeTruthy();
    expect(screen.getByText('已重设陈**的密码。账号：chen')).toBeTruthy();
    expect(resets[0]).not.toEqual(resets[1]);
  });

  it('is for admin only', async () => {
    open({}, staffOfNandajie);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
