import { fireEvent, render, screen, within } from '@testing-library/react';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { saveFamilyMember } from '../../../../src/features/booking/family-members';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerClassesPage from './index';

const streets = [{ id: 'st-nandajie', name: '南大街街道', communities: [{ id: 'cm-xiaoying', name: '小营前社区' }, { id: 'cm-shuangguiping', name: '双桂坊社区' }] }];
const session = (id: string, extra: Record<string, unknown> = {}) => ({
  id, seriesId: 'ser-1', title: '智能手机课：挂号、付款、视频通话', place: '小营前社区活动室', communityId: 'cm-xiaoying',
  startsAt: '2099-12-02T01:00:00.000Z', endsAt: '2099-12-02T03:00:00.000Z', elderSeats: 20, seatsLeft: 5, enrolmentOpen: true, ...extra,
});
const enrolment = (elderName: string) => ({
  id: `ser-1-0:el-${elderName}`, activityId: 'ser-1-0', elderId: `el-${elderName}`, elderName, ageBand: '70_79', ageBandLabel: '70–79 岁', state: 'enrolled',
  title: '智能手机课：挂号、付款、视频通话', place: '小营前社区活动室', startsAt: '2099-12-02T01:00:00.000Z',
});

function renderPage(replies: Replies) {
  const host = fakeHost({ 'catalog.streets': () => streets, ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerClassesPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('elders’ class sign-up page', () => {
  it('lists classes with seats left and signs the resident up themselves, then shows the enrolment', async () => {
    let mine: unknown[] = [];
    const sent: unknown[] = [];
    renderPage({
      'volunteer.classes': () => ({ items: [session('ser-1-0'), session('ser-1-1', { seatsLeft: 0, startsAt: '2099-12-09T01:00:00.000Z', endsAt: '2099-12-09T03:00:00.000Z' })] }),
      'volunteer.myEnrolments': () => ({ items: mine }),
      'volunteer.enrollElder': (payload) => {
        sent.push(payload);
        mine = [enrolment('王阿姨')];
        return mine[0];
      },
    });
    expect(await screen.findByText('还剩 5 个座位')).toBeTruthy();
    expect(screen.getByText('座位已满')).toBeTruthy();
    // Only the class with seats offers sign-up.
    const buttons = screen.getAllByRole('button', { name: /^报名这节课 智能手机课/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);

    // Herself by default: her name and community from the account; no phone or ID asked.
    expect((screen.getByLabelText(/^上课老人姓名/) as HTMLInputElement).value).toBe('王阿姨');
    expect(screen.queryByLabelText(/手机|身份证/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '确认报名' }));
    expect(await screen.findByText('请选择年龄段')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '年龄段：70–79 岁' }));
    fireEvent.click(screen.getByRole('button', { name: '确认报名' }));
    const done = await screen.findByText('已报名：王阿姨');
    expect(within(done.closest('.card') as HTMLElement).getByText('地点：小营前社区活动室')).toBeTruthy();
    expect(sent).toEqual([{ activityId: 'ser-1-0', who: 'self', name: '王阿姨', communityId: 'cm-xiaoying', ageBand: '70_79' }]);
  });

  it('signs up a family member picked from the ones saved for booking, by name only', async () => {
    saveFamilyMember({ name: '王建国', phone: '13912345678', relationship: 'parent' });
    const sent: unknown[] = [];
    let mine: unknown[] = [];
    renderPage({
      'volunteer.classes': () => ({ items: [session('ser-1-0')] }),
      'volunteer.myEnrolments': () => ({ items: mine }),
      'volunteer.enrollElder': (payload) => {
        sent.push(payload);
        mine = [enrolment('王建国')];
        return mine[0];
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /^报名这节课 智能手机课/ }));
    fireEvent.click(screen.getByRole('button', { name: '谁来上课：家里的老人' }));
    expect((screen.getByLabelText(/^上课老人姓名/) as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: '常用家人：王建国' }));
    expect((screen.getByLabelText(/^上课老人姓名/) as HTMLInputElement).value).toBe('王建国');
    fireEvent.click(await screen.findByRole('button', { name: '所在社区：双桂坊社区' }));
    fireEvent.click(screen.getByRole('button', { name: '年龄段：80–89 岁' }));
    fireEvent.click(screen.getByRole('button', { name: '确认报名' }));
    expect(await screen.findByText('已报名：王建国')).toBeTruthy();
    expect(sent).toEqual([{ activityId: 'ser-1-0', who: 'family', name: '王建国', communityId: 'cm-shuangguiping', ageBand: '80_89' }]);
    expect(JSON.stringify(sent)).not.toContain('13912345678');
  });

  it('says plainly when the class filled up meanwhile or the account named 3 elders already', async () => {
    let refusal = 'CLASS_FULL';
    renderPage({
      'volunteer.classes': () => ({ items: [session('ser-1-0')] }),
      'volunteer.myEnrolments': () => ({ items: [] }),
      'volunteer.enrollElder': () => failWith(refusal, 'x'),
    });
    fireEvent.click(await screen.findByRole('button', { name: /^报名这节课 智能手机课/ }));
    fireEvent.click(screen.getByRole('button', { name: '年龄段：60–69 岁' }));
    fireEvent.click(screen.getByRole('button', { name: '确认报名' }));
    expect(await screen.findByText('这节课的座位已经报满了，请选别的时间。')).toBeTruthy();
    refusal = 'ENROLMENT_LIMIT';
    fireEvent.click(screen.getByRole('button', { name: '确认报名' }));
    expect(await screen.findByText('一个账号每节课最多给 3 位老人报名。')).toBeTruthy();
  });

  it('with no classes says when to come back', async () => {
    renderPage({ 'volunteer.classes': () => ({ items: [] }), 'volunteer.myEnrolments': () => ({ items: [] }) });
    expect(await screen.findByText('最近没有可以报名的手机课，过几天再来看看')).toBeTruthy();
  });
});
