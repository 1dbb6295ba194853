import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { managedActivity, renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageActivitiesPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

describe('volunteer staff: activities', () => {
  it('lists the 街道\'s activities with places filled, people waiting and hours to confirm', async () => {
    renderStaffPage(<ManageActivitiesPage />, {
      'volunteer.managedActivities': () => ({
        items: [{ ...managedActivity, waiting: 2, pendingHours: 3 }, { ...managedActivity, id: 'ser-1-0', seriesId: 'ser-1', title: '每周手机课', status: 'cancelled' }],
        total: 2,
      }),
    });
    expect(await screen.findByText('智能手机入门课', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByText('主讲 1/1，助教 0/2')).toHaveLength(2);
    expect(screen.getByText('排队 2 人')).toBeTruthy();
    expect(screen.getByText('待确认时长 3 条')).toBeTruthy();
    expect(screen.getByText('智能技术培训课 · 每周')).toBeTruthy();
    expect(screen.getByText('已取消')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^智能技术培训课 智能手机入门课/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activity/index?activityId=act-1' });
  });

  it('shows the last 30 days when asked (where hours wait), and switches back to today on', async () => {
    const asked: unknown[] = [];
    renderStaffPage(<ManageActivitiesPage />, {
      'volunteer.managedActivities': (payload) => {
        asked.push(payload);
        return { items: [], total: 0 };
      },
    }, { params: { when: 'recent' } });
    expect(await screen.findByText('最近 30 天没有活动', {}, { timeout: 10_000 })).toBeTruthy();
    const range = asked[0] as { from: string; to: string };
    expect(Date.parse(range.to) - Date.parse(range.from)).toBe(30 * 24 * 3600_000);
    fireEvent.click(screen.getByRole('button', { name: '看哪些活动：今天起' }));
    expect(await screen.findByText('今天起还没有活动，点上面的按钮新建一个', {}, { timeout: 10_000 })).toBeTruthy();
    expect(asked[1]).toEqual({ page: 1, pageSize: 50 });
  });

  it('offers a new activity and a new weekly series', async () => {
    renderStaffPage(<ManageActivitiesPage />, { 'volunteer.managedActivities': () => ({ items: [], total: 0 }) });
    expect(await screen.findByText('今天起还没有活动，点上面的按钮新建一个', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建每周系列' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activity-form/index?mode=series' });
    fireEvent.click(screen.getByRole('button', { name: '新建活动' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activity-form/index' });
  });
});
