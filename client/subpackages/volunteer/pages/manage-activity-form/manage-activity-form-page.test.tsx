import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { addDaysToKey, districtDateKey, districtInstant } from '../../../../../shared/domain/time-words';
import { managedActivity, renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageActivityFormPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const streets = () => [
  { id: 'st-nandajie', name: '南大街街道', communities: [{ id: 'cm-xiaoying', name: '小营前社区' }, { id: 'cm-shuangguiping', name: '双桂坊社区' }] },
  { id: 'st-hehuachi', name: '荷花池街道', communities: [{ id: 'cm-hehua', name: '荷花池社区' }] },
];
const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const HOUR = 3600_000;

describe('volunteer staff: the activity form', () => {
  it('creates an activity in a minute: title and place typed, the rest from the defaults', async () => {
    const sent: Record<string, unknown>[] = [];
    const before = Date.now();
    renderStaffPage(<ManageActivityFormPage />, {
      'catalog.streets': streets,
      'volunteer.createActivity': (payload) => {
        sent.push(payload);
        return { id: 'act-new' };
      },
    });
    // Only the staff member's own 街道's communities are offered.
    expect(await screen.findByRole('button', { name: '社区：双桂坊社区' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '社区：荷花池社区' })).toBeNull();
    type(/^活动名称/, '智能手机入门课');
    type(/^地点/, '小营前社区活动室');
    fireEvent.click(screen.getByRole('button', { name: '社区：小营前社区' }));
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const input = sent[0]!;
    const tomorrow = addDaysToKey(districtDateKey(new Date()), 1);
    const startsAt = districtInstant(tomorrow, '09:00');
    expect(input).toMatchObject({
      kind: 'tech_class', title: '智能手机入门课', place: '小营前社区活动室', communityId: 'cm-xiaoying', contactPhone: '13900000002', elderSeats: 20,
      startsAt, endsAt: districtInstant(tomorrow, '11:00'),
      signUpClosesAt: new Date(Date.parse(startsAt) - 2 * HOUR).toISOString(), withdrawCutoffAt: new Date(Date.parse(startsAt) - 24 * HOUR).toISOString(),
      roles: [{ code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] }, { code: 'role2', label: '助教', count: 2, skills: [] }],
    });
    // Sign-up opens now.
    expect(Date.parse(input.signUpOpensAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activity/index?activityId=act-new' });
  });

  it('names each field at fault before sending anything', async () => {
    const host = renderStaffPage(<ManageActivityFormPage />, { 'catalog.streets': streets });
    await screen.findByRole('button', { name: '社区：小营前社区' }, { timeout: 10_000 });
    type(/^结束时间/, '08:00');
    type(/^岗位 2 人数/, '0');
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    expect(await screen.findByText('结束时间要晚于开始时间', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('人数至少 1 人')).toBeTruthy();
    // Title and place were left empty: each says so under its own field.
    expect(screen.getAllByText('不能为空')).toHaveLength(2);
    expect(screen.getByLabelText(/^活动名称/).getAttribute('aria-invalid')).toBe('true');
    expect(host.calls).not.toContain('volunteer.createActivity');
  });

  it('creates a weekly series: the weekday, from a date, for a number of weeks', async () => {
    const sent: Record<string, unknown>[] = [];
    renderStaffPage(<ManageActivityFormPage />, {
      'catalog.streets': streets,
      'volunteer.createSeries': (payload) => {
        sent.push(payload);
        return { seriesId: 'ser-1', activities: [{ id: 'ser-1-0' }, { id: 'ser-1-1' }] };
      },
    }, { params: { mode: 'series' } });
    expect(await screen.findByLabelText(/^从哪天起/, {}, { timeout: 10_000 })).toBeTruthy();
    type(/^活动名称/, '每周手机课');
    type(/^地点/, '小营前社区活动室');
    fireEvent.click(screen.getByRole('button', { name: '每周几：周三' }));
    type(/^从哪天起/, '2099-12-01');
    type(/^共几周/, '4');
    // 2099-12-01 is a Tuesday: the first Wednesday is the 2nd, the fourth the 23rd.
    expect(await screen.findByText('第一次 12月2日 周三，最后一次 12月23日 周三', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '建好这个系列' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ firstDate: '2099-12-02', lastDate: '2099-12-23', startTime: '09:00', endTime: '11:00', signUpOpensDaysBefore: 7, signUpClosesHoursBefore: 2, withdrawCutoffHoursBefore: 24 });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/manage-activities/index' });
  });

  it('edits an activity with people signed up: text only, times kept', async () => {
    const sent: Record<string, unknown>[] = [];
    renderStaffPage(<ManageActivityFormPage />, {
      'catalog.streets': streets,
      'volunteer.managedActivity': () => managedActivity,
      'volunteer.updateActivity': (payload) => {
        sent.push(payload);
        return { id: 'act-1' };
      },
    }, { params: { activityId: 'act-1' } });
    expect(await screen.findByDisplayValue('智能手机入门课', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('已有人报名，时间不能再改；要改时间请取消后重建。')).toBeTruthy();
    type(/^要带什么/, '老花镜、充电宝');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      activityId: 'act-1',
      changes: { title: '智能手机入门课', description: '教老人用手机挂号', place: '小营前社区活动室', riskNote: '', insuranceRequired: false, bring: '老花镜、充电宝', contactPhone: '13900000002' },
    });
  });

  it('edits every session of a series from this one on', async () => {
    const sent: Record<string, unknown>[] = [];
    renderStaffPage(<ManageActivityFormPage />, {
      'catalog.streets': streets,
      'volunteer.managedActivity': () => ({ ...managedActivity, id: 'ser-1-2', seriesId: 'ser-1' }),
      'volunteer.updateSeriesFrom': (payload) => {
        sent.push(payload);
        return { updated: 3 };
      },
    }, { params: { activityId: 'ser-1-2' } });
    fireEvent.click(await screen.findByRole('button', { name: '改哪几次：这次及以后各次' }, { timeout: 10_000 }));
    type(/^地点/, '双桂坊社区活动室');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ seriesId: 'ser-1', fromDate: '2099-12-03', changes: { place: '双桂坊社区活动室' } });
  });
});
