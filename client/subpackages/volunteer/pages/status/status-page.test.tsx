import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerStatusPage from './index';

const base = { name: '王阿姨', statusLabel: '', submittedAt: '2026-11-30T02:00:00.000Z', skillLabels: ['智能手机教学', '陪诊'] };
const pending = { ...base, id: 'va-u1-2', status: 'pending', statusLabel: '待审核', volunteerNumber: null, decision: null };
const approved = {
  ...base, id: 'va-u1-1', status: 'approved', statusLabel: '已通过', volunteerNumber: 'ZL-2026-000007',
  decision: { action: 'approve', at: '2026-11-30T03:00:00.000Z', reason: null, skillLabels: ['智能手机教学'] },
};
const line = (doc: { id: string; status: string }, reason: string | null = null) => ({ id: doc.id, status: doc.status, statusLabel: '', submittedAt: base.submittedAt, reason });

function renderStatus(myApplication: unknown) {
  fakeHost({ 'volunteer.myApplication': () => myApplication });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerStatusPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('volunteer status page', () => {
  it('offers to apply when there is no application', async () => {
    renderStatus({ current: null, history: [], mayApply: true });
    fireEvent.click(await screen.findByRole('button', { name: '申请成为志愿者' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/apply/index' });
  });

  it('says a pending application waits for the 街道, with no way to apply twice', async () => {
    renderStatus({ current: pending, history: [line(pending)], mayApply: false });
    expect(await screen.findByText('待审核')).toBeTruthy();
    expect(screen.getByText('申请已交给街道审核')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /申请/ })).toBeNull();
  });

  it('shows an approval with the volunteer number, the approved skills and the way to activities', async () => {
    renderStatus({ current: approved, history: [line(approved)], mayApply: false });
    expect(await screen.findByText('已通过')).toBeTruthy();
    expect(screen.getByText('ZL-2026-000007')).toBeTruthy();
    expect(screen.getByText('智能手机教学')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '看看能报名的活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/activities/index' });
    // documents — certificates
    fireEvent.click(screen.getByRole('button', { name: '开具服务记录证明' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/certificate/index' });
  });

  it('shows a rejection with its reason and 重新申请', async () => {
    const rejected = { ...pending, status: 'rejected' };
    renderStatus({ current: null, history: [line(rejected, '请补充可服务时间')], mayApply: true });
    expect(await screen.findByText('未通过')).toBeTruthy();
    expect(screen.getByText('原因：请补充可服务时间')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新申请' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/apply/index' });
  });

  it('shows the ID number masked only, and deletes it when asked', async () => {
    let current: Record<string, unknown> = { ...approved, idNumber: '1101**********002X' };
    const deleted: string[] = [];
    fakeHost({
      'volunteer.myApplication': () => ({ current, history: [line(approved)], mayApply: false }),
      'volunteer.deleteIdNumber': () => {
        deleted.push('yes');
        current = { ...current, idNumber: null };
        return { deleted: 1 };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <VolunteerStatusPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    expect(await screen.findByText('身份证号：1101**********002X')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除身份证号' }));
    fireEvent.click(await screen.findByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByText(/身份证号：/)).toBeNull());
    expect(deleted).toHaveLength(1);
  });

  it('lets a volunteer leave after confirming, and then offers to apply again', async () => {
    let state = { current: approved as unknown, history: [line(approved)], mayApply: false };
    fakeHost({
      'volunteer.myApplication': () => state,
      'volunteer.leave': () => {
        state = { current: null, history: [line({ ...approved, status: 'left' })], mayApply: true };
        return { ...approved, status: 'left' };
      },
    });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <VolunteerStatusPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '退出志愿者队伍' }));
    fireEvent.click(await screen.findByRole('button', { name: '退出' }));
    expect(await screen.findByText('已退出')).toBeTruthy();
    expect(screen.getByRole('button', { name: '再次申请' })).toBeTruthy();
  });

  it('fetches the session again when the approval brought the volunteer role, so the activity pages open', async () => {
    const host = fakeHost({ 'volunteer.myApplication': () => ({ current: approved, history: [line(approved)], mayApply: false }) });
    render(
      <SessionProvider>
        <ElderModeProvider>
          <VolunteerStatusPage />
        </ElderModeProvider>
      </SessionProvider>,
    );
    await screen.findByText('ZL-2026-000007');
    await waitFor(() => expect(host.calls.filter((call) => call === 'user.me').length).toBeGreaterThanOrEqual(2));
  });

  it('opens from a notice link (?applicationId=) the same way', async () => {
    setRouterParams({ applicationId: 'va-u1-1' });
    renderStatus({ current: approved, history: [line(approved)], mayApply: false });
    expect(await screen.findByText('ZL-2026-000007')).toBeTruthy();
  });
});
