import { fireEvent, render, screen } from '@testing-library/react';
import { HOURS_RULE_TEXT } from '../../../../../shared/domain/volunteer/activity-rules';
import { codeFromScan } from '../../../../src/features/volunteer/attendance-labels';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, failWith, fakeHost, type Replies } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerCheckinPage from './index';

const volunteer = { ...demoUser, roles: ['resident', 'volunteer'] };
const hour = 3600_000;
// Happening now: started 10 minutes ago, two hours long, so check-in is open.
const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
const endsAt = new Date(Date.now() + 2 * hour - 10 * 60_000).toISOString();
const activity = {
  id: 'act-1', kind: 'tech_class', kindLabel: '智能技术培训课', title: '智能手机入门课', description: '', place: '小营前社区活动室',
  startsAt, endsAt, signUpClosesAt: startsAt, status: 'open',
  roles: [{ code: 'lead', label: '主讲', count: 1, taken: 1, skills: [] }],
  rules: { hours: HOURS_RULE_TEXT, withdrawCutoffAt: startsAt, bring: '', riskNote: '', insuranceRequired: false },
  mine: { activityId: 'act-1', role: 'lead', state: 'placed', position: null, offerExpiresAt: null },
  attendance: null as unknown,
};

function renderPage(replies: Replies, elderMode = false) {
  const host = fakeHost({ 'user.me': () => ({ ...volunteer, elderMode }), ...replies });
  setRouterParams({ activityId: 'act-1' });
  const view = render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerCheckinPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return { host, view };
}

const typeCode = (value: string) => fireEvent.change(screen.getByLabelText(/^签到码|^签退码/), { target: { value } });

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('volunteer check-in page', () => {
  it('shows the activity, the window and 未签到; in the browser the six digits are typed, then it checks in and out', async () => {
    let attendance: unknown = null;
    const sent: unknown[] = [];
    renderPage({
      'volunteer.activity': () => ({ ...activity, attendance }),
      'volunteer.checkIn': (payload) => {
        sent.push(['in', payload]);
        attendance = { checkedInAt: '2026-12-02T01:05:00.000Z', checkedOutAt: null, autoClosed: false };
        return { activityId: 'act-1', checkedInAt: '2026-12-02T01:05:00.000Z' };
      },
      'volunteer.checkOut': (payload) => {
        sent.push(['out', payload]);
        attendance = { checkedInAt: '2026-12-02T01:05:00.000Z', checkedOutAt: '2026-12-02T03:01:00.000Z', autoClosed: false };
        return { activityId: 'act-1', checkedInAt: '2026-12-02T01:05:00.000Z', checkedOutAt: '2026-12-02T03:01:00.000Z', hours: 1.5, status: 'pending' };
      },
    });
    expect(await screen.findByText('未签到')).toBeTruthy();
    expect(screen.getByText('智能手机入门课')).toBeTruthy();
    expect(screen.getByText('签到时间')).toBeTruthy();
    // No scanner in the browser: no 扫码 button, the digits instead.
    expect(screen.queryByRole('button', { name: /扫码/ })).toBeNull();

    typeCode('12345');
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    expect(await screen.findByText('签到码是 6 位数字')).toBeTruthy();
    expect(sent).toEqual([]);

    typeCode('402913');
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    expect(await screen.findByText('已签到 上午 9:05')).toBeTruthy();
    expect(sent).toEqual([['in', { activityId: 'act-1', code: '402913' }]]);

    typeCode('771204');
    fireEvent.click(await screen.findByRole('button', { name: '确认签退' }));
    expect(await screen.findByText('已签退 上午 11:01')).toBeTruthy();
    expect(screen.getByText('本次记 1.5 小时，等组织者确认')).toBeTruthy();
    expect(sent[1]).toEqual(['out', { activityId: 'act-1', code: '771204' }]);
    expect(screen.getByRole('button', { name: '看我的服务时长' })).toBeTruthy();
  });

  it.each([
    ['CODE_EXPIRED', '签到码已过期，请扫组织者手机上最新的码。', /请看组织者手机上现在的码/],
    ['CODE_REPLAYED', '这个签到码您已经用过了。', /等组织者手机上的码换了/],
    ['CODE_INVALID', '这不是这个活动的签到码，请扫组织者手机上的码。', /核对组织者手机上的 6 位数字/],
    ['ATTENDANCE_CLOSED', '现在不在签到签退时间内（活动开始前 30 分钟到结束后 60 分钟）。', /签到时间内再来/],
  ])('a refused code (%s) is said in plain words with what to do, and nothing changes', async (code, message, hint) => {
    renderPage({
      'volunteer.activity': () => activity,
      'volunteer.checkIn': () => failWith(code, 'server words'),
    });
    await screen.findByText('未签到');
    typeCode('000000');
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText(hint)).toBeTruthy();
    expect(screen.getByText('未签到')).toBeTruthy();
  });

  it('says so when the volunteer has no place, with no way to check in', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, mine: { ...activity.mine, state: 'waiting' } }) });
    expect(await screen.findByText('您在这个活动没有名额，不用签到。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认签到' })).toBeNull();
  });

  it('shows a check-out the system closed as forgotten', async () => {
    renderPage({ 'volunteer.activity': () => ({ ...activity, attendance: { checkedInAt: startsAt, checkedOutAt: endsAt, autoClosed: true } }) });
    expect(await screen.findByText(/^已签退/)).toBeTruthy();
    expect(screen.getByText(/您忘了签退/)).toBeTruthy();
  });

  it('puts the page in elder mode when the volunteer uses it', async () => {
    const { view } = renderPage({ 'volunteer.activity': () => activity }, true);
    await screen.findByText('未签到');
    expect(view.container.querySelector('.page.elder')).not.toBeNull();
  });
});

describe('reading a scanned code', () => {
  it('takes the organizer QR of this activity, or six bare digits', () => {
    expect(codeFromScan('yinling-checkin:1:act-1:402913', 'act-1')).toEqual({ code: '402913' });
    expect(codeFromScan(' 402913 ', 'act-1')).toEqual({ code: '402913' });
  });

  it('tells another activity’s QR apart from something that is no code at all', () => {
    expect(codeFromScan('yinling-checkin:1:act-2:402913', 'act-1')).toEqual({ problem: 'other_activity' });
    expect(codeFromScan('https://example.com/402913', 'act-1')).toEqual({ problem: 'not_a_code' });
    expect(codeFromScan('yinling-checkin:1:act-1:40291', 'act-1')).toEqual({ problem: 'not_a_code' });
  });
});
