import { fireEvent, render, screen } from '@testing-library/react';
import { HOURS_RULE_TEXT } from '../../../../../shared/domain/volunteer/activity-rules';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { askSubscribeConsent } from '../../../../src/features/booking/subscribe-consent';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerActivityPage from './index';

// WeChat's dialog itself is weapp-only; what the page owes is to ask within the tap, before the call.
jest.mock('../../../../src/features/booking/subscribe-consent', () => ({ askSubscribeConsent: jest.fn(async () => undefined) }));

const activity = {
  id: 'act-1', kind: 'tech_class', kindLabel: '智能技术培训课', title: '智能手机入门课', description: '', place: '小营前社区活动室',
  startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T03:00:00.000Z', signUpClosesAt: '2099-12-03T00:00:00.000Z', status: 'open',
  roles: [{ code: 'assist', label: '助教', count: 2, taken: 0, skills: [] }],
  rules: { hours: HOURS_RULE_TEXT, withdrawCutoffAt: '2099-12-02T01:00:00.000Z', bring: '', riskNote: '', insuranceRequired: false },
};
const signup = (state: string, extra: Record<string, unknown> = {}) => ({ activityId: 'act-1', role: 'assist', state, position: null, offerExpiresAt: null, ...extra });

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  (askSubscribeConsent as jest.Mock).mockClear();
});

function renderWith(mine: () => unknown, order: string[]) {
  fakeHost({
    'user.me': () => ({ ...demoUser, roles: ['resident', 'volunteer'] }),
    'volunteer.activity': () => ({ ...activity, mine: mine() }),
    'volunteer.signUp': () => {
      order.push(`signUp after ${(askSubscribeConsent as jest.Mock).mock.calls.length} consent`);
      return signup('placed');
    },
    'volunteer.confirmOffer': () => {
      order.push(`confirmOffer after ${(askSubscribeConsent as jest.Mock).mock.calls.length} consent`);
      return signup('placed');
    },
  });
  setRouterParams({ activityId: 'act-1' });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerActivityPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

describe('volunteer activity page: WeChat consent for the place notices and reminders', () => {
  it('is asked at the sign-up tap, before the sign-up is sent', async () => {
    const order: string[] = [];
    let mine: unknown = null;
    renderWith(() => mine, order);
    fireEvent.click(await screen.findByRole('button', { name: '报名助教' }));
    mine = signup('placed');
    expect(await screen.findByText('我的岗位：助教')).toBeTruthy();
    expect(order).toEqual(['signUp after 1 consent']);
  });

  it('is asked at the tap that confirms an offer', async () => {
    const order: string[] = [];
    let mine: unknown = signup('offered', { offerExpiresAt: '2099-12-02T12:00:00.000Z' });
    renderWith(() => mine, order);
    const button = await screen.findByRole('button', { name: /确认/ });
    mine = signup('placed');
    fireEvent.click(button);
    expect(await screen.findByText('我的岗位：助教')).toBeTruthy();
    expect(order).toEqual(['confirmOffer after 1 consent']);
  });
});
