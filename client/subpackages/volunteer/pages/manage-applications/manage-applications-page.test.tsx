import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageApplicationsPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const item = (id: string, name: string, status: string, statusLabel: string) => ({
  id, name, status, statusLabel, genderLabel: '女', birthYear: 1958, phone: '139****5678', communityName: '小营前社区', backgroundLabel: '老知识分子',
  skills: ['smartphone_teaching'], skillLabels: ['智能手机教学'], idNumber: null, submittedAt: '2026-11-30T02:00:00.000Z',
});

describe('volunteer staff: applications', () => {
  it('lists pending ones first, filters by status, and opens one', async () => {
    const asked: unknown[] = [];
    renderStaffPage(<ManageApplicationsPage />, {
      'volunteer.applications': (payload) => {
        asked.push(payload.status);
        return payload.status === 'pending' ? { items: [item('va-1', '李老师', 'pending', '待审核')], total: 1 } : { items: [item('va-2', '王师傅', 'approved', '已通过')], total: 1 };
      },
    });
    expect(await screen.findByText('李老师', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('技能：智能手机教学')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '看哪些：已通过' }));
    expect(await screen.findByText('王师傅', {}, { timeout: 10_000 })).toBeTruthy();
    expect(asked).toEqual(['pending', 'approved']);
    fireEvent.click(screen.getByRole('button', { name: /^王师傅/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-application/index?applicationId=va-2' });
  });

  it('says so when nothing is waiting', async () => {
    renderStaffPage(<ManageApplicationsPage />, { 'volunteer.applications': () => ({ items: [], total: 0 }) });
    expect(await screen.findByText('没有待审核的申请', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
