import { fireEvent, screen } from '@testing-library/react';
import { renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageApplicationPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const pending = {
  id: 'va-1', name: '李老师', status: 'pending', statusLabel: '待审核', genderLabel: '女', birthYear: 1958, phone: '13912345678', communityName: '小营前社区',
  backgroundLabel: '老知识分子', skills: ['smartphone_teaching', 'escort'], skillLabels: ['智能手机教学', '陪诊'], idNumber: '3204**********123X',
  submittedAt: '2026-11-30T02:00:00.000Z', skillNote: '退休前是信息技术老师', availability: [{ label: '周二上午' }], emergencyContact: { name: '李明', phone: '13698765432' },
  health: { fitForService: true, conditions: '不宜久站' }, volunteerNumber: null, decision: null,
};

describe('volunteer staff: one application', () => {
  it('shows the ID number masked only, and approves the skills kept ticked', async () => {
    let current: Record<string, unknown> = pending;
    const approved: unknown[] = [];
    renderStaffPage(<ManageApplicationPage />, {
      'volunteer.application': () => current,
      'volunteer.approve': (payload) => {
        approved.push(payload);
        current = { ...pending, status: 'approved', statusLabel: '已通过', volunteerNumber: 'ZL-2026-000009' };
        return current;
      },
    }, { params: { applicationId: 'va-1' } });
    expect(await screen.findByText('3204**********123X', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('周二上午')).toBeTruthy();
    expect(screen.getByText('能胜任；不宜久站')).toBeTruthy();
    // 陪诊 untoggled: only smartphone teaching is approved.
    fireEvent.click(screen.getByRole('button', { name: '通过哪些技能：陪诊' }));
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(await screen.findByText('ZL-2026-000009', {}, { timeout: 10_000 })).toBeTruthy();
    expect(approved).toEqual([{ applicationId: 'va-1', skills: ['smartphone_teaching'] }]);
    expect(screen.queryByRole('button', { name: '通过' })).toBeNull();
  });

  it('rejects only with a reason, which it sends', async () => {
    const rejected: unknown[] = [];
    let current: Record<string, unknown> = pending;
    renderStaffPage(<ManageApplicationPage />, {
      'volunteer.application': () => current,
      'volunteer.reject': (payload) => {
        rejected.push(payload);
        current = { ...pending, status: 'rejected', statusLabel: '未通过', decision: { action: 'reject', at: '2026-11-30T03:00:00.000Z', reason: '请补充可服务时间' } };
        return current;
      },
    }, { params: { applicationId: 'va-1' } });
    fireEvent.click(await screen.findByRole('button', { name: '不通过' }, { timeout: 10_000 }));
    fireEvent.click(screen.getAllByRole('button', { name: '不通过' }).at(-1)!);
    expect(await screen.findByText('请填写不通过的原因，对方会看到', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^不通过的原因/), { target: { value: '请补充可服务时间' } });
    fireEvent.click(screen.getAllByRole('button', { name: '不通过' }).at(-1)!);
    expect(await screen.findByText('未通过', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('请补充可服务时间')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '通过' })).toBeNull();
    expect(rejected).toEqual([{ applicationId: 'va-1', reason: '请补充可服务时间' }]);
  });
});
