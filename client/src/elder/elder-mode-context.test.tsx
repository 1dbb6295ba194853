import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import taroMock, { resetTaroMock } from '../../test/taro.mock';
import { Page } from '../components/Page';
import { SessionProvider } from '../session/session-context';
import { ElderModeProvider, useElderMode, type ElderModeValue } from './elder-mode-context';

let latest: ElderModeValue | null = null;

function Probe() {
  latest = useElderMode();
  return <Page>内容</Page>;
}

function renderApp() {
  // No stored session: the session provider stays signed out and calls nothing.
  return render(
    <SessionProvider>
      <ElderModeProvider>
        <Probe />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

const pageRoot = () => screen.getByText('内容');

const originalPlatform = process.env.TARO_ENV;

beforeEach(() => {
  resetTaroMock();
  latest = null;
});

afterEach(() => {
  process.env.TARO_ENV = originalPlatform;
});

describe('elder mode', () => {
  it('is off by default with normal font settings', () => {
    renderApp();

    expect(pageRoot().className).toBe('page');
    expect(latest?.source).toBe('default');
  });

  it('turns on by itself when WeChat font size is set large', () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 22 });

    renderApp();

    expect(pageRoot().className).toBe('page elder');
    expect(latest?.source).toBe('system');
  });

  it('follows the choice stored on this device over the system setting', () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 22 });
    Taro.setStorageSync('civic.elderMode', 'off');

    renderApp();

    expect(pageRoot().className).toBe('page');
    expect(latest?.source).toBe('device');
  });

  it('switches every page at once and remembers the choice', () => {
    renderApp();

    act(() => latest?.setElder(true));

    expect(pageRoot().className).toBe('page elder');
    expect(Taro.getStorageSync('civic.elderMode')).toBe('on');
  });
});
