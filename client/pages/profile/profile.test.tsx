import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../test/taro.mock';
import { demoUser, fakeHost } from '../../test/fake-host';
import { saveSession } from '../../src/api/session-store';
import { ElderModeProvider } from '../../src/elder/elder-mode-context';
import { SessionProvider } from '../../src/session/session-context';
import ChooseProviderPage from '../../subpackages/booking/pages/choose/index';
import ProfilePage from './index';

const streets = [
  { id: 'st-nandajie', name: '南大街街道', communities: [{ id: 'cm-xiaoying', name: '小营前社区' }, { id: 'cm-shuangguiping', name: '双桂坊社区' }] },
  { id: 'st-wuxing', name: '五星街道', communities: [{ id: 'cm-wuxing', name: '五星社区' }] },
];
const advisor = { id: 'advisor', name: '养老顾问', description: '', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120 };

function renderWithSession(page: JSX.Element) {
  return render(
    <SessionProvider>
      <ElderModeProvider>{page}</ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('where the resident lives', () => {
  it('is asked in the profile: 街道, 社区 and a home address, saved to the account', async () => {
    const saved: Record<string, unknown>[] = [];
    let user = { ...demoUser, communityId: null as string | null, address: null as string | null };
    fakeHost({
      'user.me': () => user,
      'catalog.streets': () => streets,
      'user.updateProfile': (changes) => {
        saved.push(changes);
        user = { ...user, ...changes };
        return user;
      },
    });
    renderWithSession(<ProfilePage />);

    fireEvent.click(await screen.findByRole('button', { name: '所在街道：五星街道' }));
    fireEvent.click(screen.getByRole('button', { name: '所在社区：五星社区' }));
    fireEvent.change(screen.getByLabelText(/^住址/), { target: { value: '五星新村 8 幢 302' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await screen.findByRole('button', { name: '保存' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(saved).toEqual([{ communityId: 'cm-wuxing', address: '五星新村 8 幢 302' }]);
  });

  it('is asked once at the first advisor booking, and kept for the next', async () => {
    const saved: Record<string, unknown>[] = [];
    let user = { ...demoUser, communityId: null as string | null };
    fakeHost({
      'user.me': () => user,
      'catalog.services': () => [advisor],
      'catalog.streets': () => streets,
      'catalog.stations': () => [
        { id: 'sn-shuangguiping', name: '双桂坊社区养老顾问站', communityId: 'cm-shuangguiping', streetId: 'st-nandajie', address: '', hours: '' },
      ],
      'catalog.providers': () => [],
      'user.updateProfile': (changes) => {
        saved.push(changes);
        user = { ...user, ...changes };
        return user;
      },
    });
    setRouterParams({ service: 'advisor' });
    renderWithSession(<ChooseProviderPage />);

    expect(await screen.findByText('1. 您住在哪个街道')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '街道：南大街街道' }));
    fireEvent.click(await screen.findByText('双桂坊社区养老顾问站'));

    expect(await screen.findByText('已记下您的社区：双桂坊社区')).toBeTruthy();
    expect(saved).toEqual([{ communityId: 'cm-shuangguiping' }]);
  });
});
