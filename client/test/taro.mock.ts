/**
 * A small stand-in for @tarojs/taro in jest: storage in memory, navigation and feedback recorded as
 * jest mock functions. Reset between tests with `resetTaroMock()`.
 */
const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown): void => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string): void => {
    storage.delete(key);
  }),
  navigateTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  reLaunch: jest.fn(async (_options: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
  redirectTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  navigateBack: jest.fn(async (_options?: { delta?: number }) => ({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn((): unknown[] => []),
  pageScrollTo: jest.fn(async (_options: { selector?: string; scrollTop?: number }) => ({ errMsg: 'pageScrollTo:ok' })),
  requestSubscribeMessage: jest.fn(async (_options: { tmplIds: string[] }) => ({ errMsg: 'requestSubscribeMessage:ok' })),
  showToast: jest.fn(async (_options: { title: string }) => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async (_options: { title?: string; content?: string }) => ({ confirm: true, cancel: false })),
  login: jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' })),
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
export const useDidShow = jest.fn((_callback: () => void) => undefined);

export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  for (const fn of Object.values(Taro)) fn.mockClear();
}

export default Taro;
