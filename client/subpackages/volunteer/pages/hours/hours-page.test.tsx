import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerHoursPage from './index';

const volunteer = { ...demoUser, roles: ['resident', 'volunteer'] };
const record = (activityId: string, title: string, status: string, extra: Record<string, unknown> = {}) => ({
  activityId, userId: 'u1', title, startsAt: '2026-11-20T01:00:00.000Z', endsAt: '2026-11-20T03:00:00.000Z',
  checkInAt: '2026-11-20T00:50:00.000Z', checkOutAt: '2026-11-20T03:05:00.000Z', autoClosed: false, computedHours: 2, hours: 2,
  status, requestedHours: null, history: [], ...extra,
});
const pending = record('act-p', '重阳节探访', 'pending');
const confirmed = record('act-c', '智能手机课', 'confirmed', { history: [{ type: 'confirmed', actorId: 's1', at: '2026-11-21T00:00:00.000Z', reason: null, hours: 2 }] });
const corrected = record('act-x', '春晚排练', 'corrected', {
  hours: 1.5,
  history: [{ type: 'corrected', actorId: 's1', at: '2026-11-21T00:00:00.000Z', reason: '提前离场半小时', hours: 1.5 }],
});
const ledger = (items: unknown[]) => ({ items, year: 2026, yearTotal: 3.5, allTimeTotal: 10, pendingTotal: 2 });

function renderPage(replies: Replies) {
  const host = fakeHost({ 'user.me': () => volunteer, ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerHoursPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

const cardOf = (title: string) => screen.getByText(title).closest('.volunteer-hours__record') as HTMLElement;

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('volunteer hours page', () => {
  it('shows the totals and each record with its state; a correction shows its reason', async () => {
    renderPage({ 'volunteer.myHours': () => ledger([pending, confirmed, corrected]) });
    expect(await screen.findByText('2026 年')).toBeTruthy();
    expect(screen.getByText('3.5 小时')).toBeTruthy();
    expect(screen.getByText('10 小时')).toBeTruthy();

    const p = within(cardOf('重阳节探访'));
    expect(p.getByText('待确认')).toBeTruthy();
    expect(p.getByText('11月20日 周五')).toBeTruthy();
    expect(p.getByText('上午 8:50')).toBeTruthy();
    expect(p.getByText('上午 11:05')).toBeTruthy();
    // Pending hours are checked by the organizer first: no correction asked yet.
    expect(p.queryByRole('button', { name: /申请更正/ })).toBeNull();

    expect(within(cardOf('智能手机课')).getByText('已确认')).toBeTruthy();
    const x = within(cardOf('春晚排练'));
    expect(x.getByText('已更正')).toBeTruthy();
    expect(x.getByText('提前离场半小时')).toBeTruthy();
    expect(x.getByText('1.5 小时')).toBeTruthy();
  });

  it('asks for a correction on a confirmed record with the hours and a reason', async () => {
    let items: unknown[] = [confirmed];
    const asked: unknown[] = [];
    renderPage({
      'volunteer.myHours': () => ledger(items),
      'volunteer.requestCorrection': (payload) => {
        asked.push(payload);
        const changed = { ...confirmed, status: 'correction_requested', requestedHours: 2.5 };
        items = [changed];
        return changed;
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '申请更正 智能手机课' }));
    fireEvent.click(screen.getByRole('button', { name: '提交更正申请' }));
    expect(await screen.findByText('请填写时长，例如 2 或 1.5')).toBeTruthy();
    expect(screen.getByText('请写明为什么要更正')).toBeTruthy();
    expect(asked).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^应该是多少小时/), { target: { value: '2.3' } });
    fireEvent.change(screen.getByLabelText(/^更正原因/), { target: { value: '签退晚了，实际服务到 11 点半' } });
    fireEvent.click(screen.getByRole('button', { name: '提交更正申请' }));
    expect(await screen.findByText('时长按半小时计，0 到 24，例如 1.5')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^应该是多少小时/), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: '提交更正申请' }));
    expect(await screen.findByText('更正申请中')).toBeTruthy();
    expect(screen.getByText('申请改为')).toBeTruthy();
    expect(asked).toEqual([{ activityId: 'act-c', hours: 2.5, reason: '签退晚了，实际服务到 11 点半' }]);
    expect(screen.queryByRole('button', { name: /申请更正/ })).toBeNull();
  });

  it('says why when the server refuses the request', async () => {
    renderPage({
      'volunteer.myHours': () => ledger([confirmed]),
      'volunteer.requestCorrection': () => failWith('CORRECTION_OPEN', 'x'),
    });
    fireEvent.click(await screen.findByRole('button', { name: '申请更正 智能手机课' }));
    fireEvent.change(screen.getByLabelText(/^应该是多少小时/), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText(/^更正原因/), { target: { value: '多干了一小时' } });
    fireEvent.click(screen.getByRole('button', { name: '提交更正申请' }));
    expect(await screen.findByText('已有一份更正申请在处理中。')).toBeTruthy();
  });

  it('links to the certificate, and with no records says how hours come', async () => {
    renderPage({ 'volunteer.myHours': () => ({ items: [], year: 2026, yearTotal: 0, allTimeTotal: 0, pendingTotal: 0 }) });
    expect(await screen.findByText(/还没有服务记录/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开具服务证明' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/certificate/index' });
  });
});
