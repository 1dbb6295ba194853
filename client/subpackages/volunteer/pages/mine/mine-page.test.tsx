import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import VolunteerMinePage from './index';

const volunteer = { ...demoUser, roles: ['resident', 'volunteer'] };
// Today in the district whatever the hour the test runs: now itself.
const rightNow = new Date().toISOString();
const place = (activityId: string, title: string, extra: Record<string, unknown> = {}) => ({
  activityId, role: 'lead', state: 'placed', position: null, offerExpiresAt: null, title, kind: 'tech_class', startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T03:00:00.000Z', teaches: false, ...extra,
});

function renderPage(items: unknown[]) {
  fakeHost({ 'user.me': () => volunteer, 'volunteer.myPlaces': () => ({ items }) });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <VolunteerMinePage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('my places page', () => {
  it('offers check-in for a place today and the roll for a class I teach, not for other places', async () => {
    renderPage([
      place('act-today', '今天的手机课', { startsAt: rightNow, endsAt: rightNow, teaches: true }),
      place('act-later', '下周的探访', { kind: 'festival_visit' }),
      place('act-wait', '排队的课', { state: 'waiting', startsAt: rightNow, teaches: false }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: '签到签退 今天的手机课' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/checkin/index?activityId=act-today' });
    fireEvent.click(screen.getByRole('button', { name: '课堂点名 今天的手机课' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/roll/index?activityId=act-today' });
    expect(screen.queryByRole('button', { name: /签到签退 下周的探访|签到签退 排队的课|课堂点名 下周的探访/ })).toBeNull();
  });

  it('lists what is over below what is to come, newest first, with the roll only while it is still open', async () => {
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    renderPage([
      place('act-old', '五天前的课', { startsAt: ago(121), endsAt: ago(120), teaches: true }),
      place('act-later', '下周的探访', { kind: 'festival_visit' }),
      place('act-yesterday', '昨天的课', { startsAt: ago(26), endsAt: ago(25), teaches: true }),
      place('act-wait-old', '排过队的旧活动', { state: 'waiting', startsAt: ago(50), endsAt: ago(49) }),
    ]);
    await screen.findByText('下周的探访');
    const text = document.body.textContent ?? '';
    // 已报上 (the visit next week), then 已结束: yesterday's class before the one five days ago.
    expect(text.indexOf('下周的探访')).toBeLessThan(text.indexOf('昨天的课'));
    expect(text.indexOf('昨天的课')).toBeLessThan(text.indexOf('五天前的课'));
    // The group's title and each ended place's tag.
    expect(screen.getAllByText('已结束')).toHaveLength(3);
    expect(screen.queryByText('排过队的旧活动')).toBeNull();
    expect(screen.getByRole('button', { name: '课堂点名 昨天的课' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '课堂点名 五天前的课' })).toBeNull();
  });

  it('links to my hours', async () => {
    renderPage([place('act-later', '下周的探访')]);
    fireEvent.click(await screen.findByRole('button', { name: '我的服务时长' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/hours/index' });
  });
});
