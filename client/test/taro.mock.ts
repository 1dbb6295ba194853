import { useEffect, useRef } from 'react';
/**
 * A small stand-in for @tarojs/taro in jest: storage in memory, navigation and feedback recorded as
 * jest mock functions. Reset between tests with `resetTaroMock()`.
 */
const storage = new Map<string, unknown>();
/** The page shown now, as Taro.getCurrentInstance().router.path reports it: moved by navigation. */
let shownPath = '';
const showing = (url: string) => {
  shownPath = `/${url.replace(/^\//, '').split('?')[0]}`;
};

const Taro = {
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown): void => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string): void => {
    storage.delete(key);
  }),
  navigateTo: jest.fn(async (options: { url: string }) => (showing(options.url), { errMsg: 'navigateTo:ok' })),
  reLaunch: jest.fn(async (options: { url: string }) => (showing(options.url), { errMsg: 'reLaunch:ok' })),
  redirectTo: jest.fn(async (options: { url: string }) => (showing(options.url), { errMsg: 'redirectTo:ok' })),
  navigateBack: jest.fn(async (options?: { delta?: number }) => {
    // The stack is whatever the test made getCurrentPages return; back shows the page below.
    const pages = Taro.getCurrentPages() as { route?: string }[];
    const target = pages[pages.length - 1 - (options?.delta ?? 1)];
    if (target?.route) showing(target.route);
    return { errMsg: 'navigateBack:ok' };
  }),
  getCurrentPages: jest.fn((): unknown[] => []),
  getCurrentInstance: jest.fn(() => ({ router: { path: shownPath } })),
  pageScrollTo: jest.fn(async (_options: { selector?: string; scrollTop?: number }) => ({ errMsg: 'pageScrollTo:ok' })),
  requestSubscribeMessage: jest.fn(async (_options: { tmplIds: string[] }) => ({ errMsg: 'requestSubscribeMessage:ok' })),
  showToast: jest.fn(async (_options: { title: string }) => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async (_options: { title?: string; content?: string }) => ({ confirm: true, cancel: false })),
  login: jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' })),
  makePhoneCall: jest.fn(async (_options: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' })),
  getSystemInfoSync: jest.fn(() => ({ fontSizeSetting: 16 })),
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting: 16 })),
  request: jest.fn(() => {
    throw new Error('Taro.request is the weapp transport; jest runs the H5 variants (fetch)');
  }),
};

/** The page's query, as a test sets it with `setRouterParams`. */
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export const useRouter = jest.fn(() => ({ params: routerParams, path: '' }));
type Holder = { run: () => void };
const onShow = new Set<Holder>();
const onHide = new Set<Holder>();

/** Page lifecycle hooks that a test drives with `leavePage()` and `showAgain()`. */
function lifecycleHook(set: Set<Holder>) {
  return jest.fn((callback: () => void) => {
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      const holder = { run: () => latest.current() };
      set.add(holder);
      return () => {
        set.delete(holder);
      };
    }, []);
  });
}

export const useDidShow = lifecycleHook(onShow);
export const useDidHide = lifecycleHook(onHide);

/** Another page is opened on top (navigateTo): the page's onHide runs. */
export function leavePage(): void {
  for (const holder of Array.from(onHide)) holder.run();
}

/** The page is back on screen (navigateBack to it): its onShow runs. */
export function showAgain(): void {
  for (const holder of Array.from(onShow)) holder.run();
}

export const usePageNotFound = jest.fn((_callback: () => void) => undefined);

export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  shownPath = '';
  for (const fn of Object.values(Taro)) fn.mockClear();
}

export default Taro;
