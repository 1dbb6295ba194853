import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HOURS_RULE_TEXT } from '../../../../../shared/domain/volunteer/activity-rules';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerActivityPage from './index';

const volunteer = { ...demoUser, roles: ['resident', 'volunteer'] };
const activity = {
  id: 'act-1', kind: 'tech_class', kindLabel: '智能技术培训课', title: '智能手机入门课', description: '教老人用手机挂号', place: '小营前社区活动室',
  startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T03:00:00.000Z', signUpClosesAt: '2099-12-03T00:00:00.000Z', status: 'open',
  roles: [{ code: 'lead', label: '主讲', count: 1, taken: 1, skills: [] }, { code: 'assist', label: '助教', count: 2, taken: 0, skills: [] }],
  rules: { hours: HOURS_RULE_TEXT, withdrawCutoffAt: '2099-12-02T01:00:00.000Z', bring: '老花镜', riskNote: '', insuranceRequired: false },
  mine: null as unknown,
};
const signup = (state: string, extra: Record<string, unknown> = {}) => ({ activityId: 'act-1', role: 'assist', state, position: null, offerExpiresAt: null, ...extra });

function renderPage(replies: Replies) {
  const host = fakeHost({ 'user.me': () => volunteer, ...replies });
  setRouterParams({ activityId: 'act-1' });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerActivityPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('volunteer activity page', () => {
  it('shows the rules before sign-up, places left per role, and signs up in the role tapped', async () => {
    let mine: unknown = null;
    const signedUp: unknown[] = [];
    renderPage({
      'volunteer.activity': () => ({ ...activity, mine }),
      'volunteer.signUp': (payload) => {
        signedUp.push(payload);
        mine = signup('placed');
        return mine;
      },
    });
    expect(await screen.findByText(HOURS_RULE_TEXT)).toBeTruthy();
    expect(screen.getByText('老花镜')).toBeTruthy();
    expect(screen.getByText(/前可以在这里退出/)).toBeTruthy();
    expect(screen.getByText('主讲（共 1 个，已满，可排队）')).toBeTruthy();
    expect(screen.getByText('排队：主讲')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '报名助教' }));
    expect(await screen.findByText('我的岗位：助教')).toBeTruthy();
    expect(screen.getByText('已报上')).toBeTruthy();
    expect(signedUp).toEqual([{ activityId: 'act-1', role: 'assist' }]);
  });

  it('shows the waiting position', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: signup('waiting', { role: 'lead', position: 2 }) }) });
    expect(await screen.findByText('排队中，第 2 位')).toBeTruthy();
    expect(screen.getByRole('button', { name: '不排队了' })).toBeTruthy();
  });

  it('shows an open offer with its deadline, and confirms it', async () => {
    let mine: unknown = signup('offered', { offerExpiresAt: '2099-12-02T12:00:00.000Z' });
    const confirmed: unknown[] = [];
    renderPage({
      'volunteer.activity': () => ({ ...activity, mine }),
      'volunteer.confirmOffer': (payload) => {
        confirmed.push(payload);
        mine = signup('placed');
        return mine;
      },
    });
    expect(await screen.findByText('请在 12月2日 周三 晚上 8:00 前确认')).toBeTruthy();
    expect(screen.getByRole('button', { name: '放弃' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已报上')).toBeTruthy();
    expect(confirmed).toEqual([{ activityId: 'act-1' }]);
  });

  it('after the cut-off says so and offers to call the organizer', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: signup('placed') }) });
    await screen.findByText('已报上');
    const host = global.fetch;
    global.fetch = jest.fn(async (url: string, init: { body: string }) => {
      if (!init.body.includes('"withdraw"')) return (host as unknown as (u: string, i: unknown) => Promise<unknown>)(url, init);
      const error = { code: 'WITHDRAWAL_CLOSED', message: '已经过了可以退出的时间，请打电话给组织者：13800000009', details: { contactPhone: '13800000009' } };
      return { status: 409, text: async () => JSON.stringify({ ok: false, error }) };
    }) as unknown as typeof fetch;

    fireEvent.click(screen.getByRole('button', { name: '退出活动' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认退出' }));
    // The client says it in its own words; the number comes from the error's details, as a call.
    expect(await screen.findByText('已经过了可以退出的时间，请直接打电话给组织者。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /13800000009/ }).getAttribute('href')).toBe('tel:13800000009');
    expect(screen.getByText('已报上')).toBeTruthy();
  });

  // volunteer — client: the ways to check-in and the roll from the activity.
  it('offers check-in to a placed volunteer and the roll only to the teaching role of a class', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: signup('placed', { role: 'lead' }) }) });
    fireEvent.click(await screen.findByRole('button', { name: '签到签退' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/checkin/index?activityId=act-1' });
    fireEvent.click(screen.getByRole('button', { name: '课堂点名' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/roll/index?activityId=act-1' });
  });

  it('an assistant checks in but takes no roll', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: signup('placed') }) });
    expect(await screen.findByRole('button', { name: '签到签退' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '课堂点名' })).toBeNull();
  });

  it('someone waiting for the teaching place neither checks in nor takes the roll', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: signup('waiting', { role: 'lead', position: 1 }) }) });
    await screen.findByText('排队中，第 1 位');
    expect(screen.queryByRole('button', { name: '签到签退' })).toBeNull();
    expect(screen.queryByRole('button', { name: '课堂点名' })).toBeNull();
  });
});
