import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { demoUser } from '../../../../test/fake-host';
import { renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageHubPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

describe('volunteer staff hub', () => {
  it('shows what waits for the 街道 and opens each part', async () => {
    renderStaffPage(<ManageHubPage />, { 'volunteer.manageOverview': () => ({ streetId: 'st-nandajie', pendingApplications: 2, todayActivities: 1, pendingHours: 5, openCorrections: 3 }) });
    expect(await screen.findByText('待审核申请', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^2\s*待审核申请/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^5\s*待确认时长/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activities/index?when=recent' });
    fireEvent.click(screen.getByRole('button', { name: /^3\s*更正申请/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-corrections/index' });
    fireEvent.click(screen.getByRole('button', { name: /^培训进度/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-training/index' });
  });

  it('tells someone who is not staff plainly, and asks the server nothing', async () => {
    const host = renderStaffPage(<ManageHubPage />, {}, { user: { ...demoUser, roles: ['resident', 'volunteer'] } });
    expect(await screen.findByText('无权限', {}, { timeout: 10_000 })).toBeTruthy();
    expect(host.calls).not.toContain('volunteer.manageOverview');
  });
});
