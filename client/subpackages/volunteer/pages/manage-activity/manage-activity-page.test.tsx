import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { managedActivity, renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import { failWith } from '../../../../test/fake-host';
import { leavePage, showAgain } from '../../../../test/taro.mock';
import qrcode from 'qrcode-generator';
import ManageActivityPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

/** A QR code of `text`, made here on its own: the page's must be the one of the six digits alone. */
function qrOf(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 2);
}

beforeEach(resetForStaffPage);
afterEach(() => jest.useRealTimers());

const MIN = 60_000;
/** An activity going on now: check-in is open. */
function liveActivity() {
  const start = Date.now() - 10 * MIN;
  return { ...managedActivity, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 60 * MIN).toISOString() };
}
const roster = (phonesMasked: boolean) => ({
  activityId: 'act-1', phonesMasked, counts: { arrived: 1, notYet: 1, withdrawn: 1 },
  items: [
    { userId: 'u-a', name: '李老师', phone: phonesMasked ? '139****5678' : '13912345678', role: 'lead', state: 'left', checkedInAt: new Date(Date.now() - 9 * MIN).toISOString(), checkedOutAt: new Date().toISOString(), autoClosed: false },
    { userId: 'u-b', name: '王师傅', phone: phonesMasked ? '138****0001' : '13800000001', role: 'assist', state: 'not_yet', checkedInAt: null, checkedOutAt: null, autoClosed: false },
    { userId: 'u-c', name: '赵阿姨', phone: phonesMasked ? '137****0002' : '13700000002', role: 'assist', state: 'withdrawn', checkedInAt: null, checkedOutAt: null, autoClosed: false },
  ],
});
const record = (status: string, hours = 1.5) => ({
  activityId: 'act-1', userId: 'u-a', title: '智能手机入门课', startsAt: '', endsAt: '', checkInAt: new Date(Date.now() - 9 * MIN).toISOString(), checkOutAt: new Date().toISOString(),
  autoClosed: false, computedHours: 1.5, hours, status, requestedHours: null, history: [],
});

describe('volunteer staff: one activity on its day', () => {
  it('shows the six digits large with a QR code of exactly those digits, and the seconds left', async () => {
    const refreshAt = new Date(Date.now() + 20_000).toISOString();
    renderStaffPage(<ManageActivityPage />, {
      'volunteer.managedActivity': liveActivity,
      'volunteer.attendanceCode': () => ({ activityId: 'act-1', code: '402913', qr: 'yinling-checkin:1:act-1:402913', refreshAt, windowSeconds: 30 }),
      'volunteer.roster': () => roster(false),
      'volunteer.activityHours': () => ({ items: [] }),
    }, { params: { activityId: 'act-1' } });
    expect(await screen.findByText('402913', {}, { timeout: 10_000 })).toBeTruthy();
    const qr = screen.getByAltText('签到二维码，内容 402913');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    // The volunteer's scanner reads the six digits: not the server's prefixed payload.
    expect(qr.getAttribute('src')).toBe(qrOf('402913'));
    expect(qr.getAttribute('src')).not.toBe(qrOf('yinling-checkin:1:act-1:402913'));
    // The seconds left count down to the window's end (20 s from when the reply was made).
    const left = Number(/^(\d+) 秒后换新码/.exec(screen.getByText(/秒后换新码/).textContent ?? '')?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(20);
  });

  it('groups the roster into 已到 / 未到 / 已退出, masks phones before the day, and asks again every 10 s while shown', async () => {
    // Before the session's expiry (2099-01-01) and the activity's day.
    jest.useFakeTimers({ now: Date.parse('2098-12-01T00:00:00.000Z') });
    let asked = 0;
    renderStaffPage(<ManageActivityPage />, {
      'volunteer.managedActivity': () => managedActivity,
      'volunteer.roster': () => {
        asked += 1;
        return roster(true);
      },
      'volunteer.activityHours': () => ({ items: [] }),
    }, { params: { activityId: 'act-1' } });
    expect(await screen.findByText('已到 1 人', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('未到 1 人')).toBeTruthy();
    expect(screen.getByText('已退出 1 人')).toBeTruthy();
    expect(screen.getByText('李老师（已签退）')).toBeTruthy();
    expect(screen.getByText('电话 139****5678')).toBeTruthy();
    expect(screen.getByText('名单（电话在活动当天显示完整）')).toBeTruthy();
    // Before the check-in window: no code is asked for.
    expect(screen.getByText(/签到码在 .* 出现/)).toBeTruthy();
    const first = asked;
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(asked).toBe(first + 1));
    leavePage();
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(asked).toBe(first + 1);
    showAgain();
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(asked).toBeGreaterThan(first + 1));
  });

  it('confirms a pending record, and corrects one with hours and a reason', async () => {
    let status = 'pending';
    let hours = 1.5;
    const sent: unknown[] = [];
    renderStaffPage(<ManageActivityPage />, {
      'volunteer.managedActivity': liveActivity,
      'volunteer.attendanceCode': () => failWith('ATTENDANCE_CLOSED', '现在不在签到时间'),
      'volunteer.roster': () => roster(false),
      'volunteer.activityHours': () => ({ items: [record(status, hours)] }),
      'volunteer.correctHours': (payload) => {
        sent.push(['correct', payload]);
        status = 'corrected';
        hours = payload.hours as number;
        return record(status, hours);
      },
      'volunteer.confirmHours': (payload) => {
        sent.push(['confirm', payload]);
        status = 'confirmed';
        return record(status, hours);
      },
    }, { params: { activityId: 'act-1' } });
    expect(await screen.findByText('李老师：1.5 小时（待确认）', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更正李老师的时长' }));
    fireEvent.change(screen.getByLabelText(/^李老师的时长/), { target: { value: '1.2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存更正' }));
    expect(await screen.findByText('时长按半小时计，如 1.5，最多 24', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('请写明原因，志愿者会看到')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^李老师的时长/), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText(/^更正原因/), { target: { value: '课后留下帮老人' } });
    fireEvent.click(screen.getByRole('button', { name: '保存更正' }));
    expect(await screen.findByText('李老师：2 小时（已更正）', {}, { timeout: 10_000 })).toBeTruthy();
    expect(sent).toEqual([['correct', { activityId: 'act-1', volunteerId: 'u-a', hours: 2, reason: '课后留下帮老人' }]]);
    expect(screen.queryByRole('button', { name: '确认李老师的时长' })).toBeNull();
  });

  it('confirms one pending record with one tap', async () => {
    let status = 'pending';
    renderStaffPage(<ManageActivityPage />, {
      'volunteer.managedActivity': () => managedActivity,
      'volunteer.roster': () => roster(true),
      'volunteer.activityHours': () => ({ items: [record(status)] }),
      'volunteer.confirmHours': () => {
        status = 'confirmed';
        return record(status);
      },
    }, { params: { activityId: 'act-1' } });
    fireEvent.click(await screen.findByRole('button', { name: '确认李老师的时长' }, { timeout: 10_000 }));
    expect(await screen.findByText('李老师：1.5 小时（已确认）', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('cancels the activity with a reason', async () => {
    let current = managedActivity as Record<string, unknown>;
    const sent: unknown[] = [];
    renderStaffPage(<ManageActivityPage />, {
      'volunteer.managedActivity': () => current,
      'volunteer.roster': () => roster(true),
      'volunteer.activityHours': () => ({ items: [] }),
      'volunteer.cancelActivity': (payload) => {
        sent.push(payload);
        current = { ...managedActivity, status: 'cancelled', cancelReason: payload.reason };
        return { id: 'act-1' };
      },
    }, { params: { activityId: 'act-1' } });
    fireEvent.click(await screen.findByRole('button', { name: '取消活动' }, { timeout: 10_000 }));
    fireEvent.change(screen.getByLabelText(/^取消原因/), { target: { value: '场地临时不能用' } });
    fireEvent.click(screen.getAllByRole('button', { name: '取消活动' }).at(-1)!);
    expect(await screen.findByText('已取消：场地临时不能用', {}, { timeout: 10_000 })).toBeTruthy();
    expect(sent).toEqual([{ activityId: 'act-1', reason: '场地临时不能用' }]);
  });
});
