import type { PageStack } from './page-stack';

export type WxRequest = { url: string; method: string; header: Record<string, string>; data: unknown };
export type WxResponse = { statusCode: number; data: unknown; header?: Record<string, string> };
/** Answers the mini-program's wx.request: the test itself, or a forwarder to a real host. */
export type RequestHandler = (request: WxRequest) => Promise<WxResponse>;

export type Modal = { title: string; content: string; confirmText?: string; cancelText?: string };

export type WxOptions = {
  request: RequestHandler;
  /** The code wx.login returns (the host exchanges it with WeChat's code2session). */
  loginCode: () => string;
  /** WeChat's font-size setting in px (16 normal; 20 and up counts as large text). */
  fontSizeSetting: number;
  /** Whether the person taps the modal's confirm button. */
  answerModal: (modal: Modal) => boolean;
};

/** What the mini-program asked of WeChat, for the test to read. */
export type WxRecords = {
  requests: WxRequest[];
  toasts: string[];
  modals: Modal[];
  navigations: { api: string; url: string; error?: string }[];
  subscribeRequests: string[][];
};

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void };
type ApiOptions = Callbacks & Record<string, unknown>;
type Wx = Record<string, unknown>;

/**
 * An API in WeChat's style: callbacks when given, a promise otherwise; `errMsg` is `<name>:ok` or
 * `<name>:fail <reason>`.
 */
function asyncApi(name: string, run: (options: ApiOptions) => object | Promise<object>) {
  return (options: ApiOptions = {}) => {
    const hasCallbacks = Boolean(options.success || options.fail || options.complete);
    const settled = Promise.resolve()
      .then(() => run(options))
      .then(
        (result) => {
          const res = { errMsg: `${name}:ok`, ...result };
          options.success?.(res);
          options.complete?.(res);
          return res;
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          const res = { errMsg: reason.startsWith(`${name}:fail`) ? reason : `${name}:fail ${reason}` };
          options.fail?.(res);
          options.complete?.(res);
          if (!hasCallbacks) throw res;
          return res;
        },
      );
    return hasCallbacks ? undefined : settled;
  };
}

/** Device storage as WeChat keeps it: values serialised, '' for a missing key. */
function storageApis(store: Map<string, string>): Wx {
  const read = (key: string): unknown => {
    const raw = store.get(key);
    return raw === undefined ? '' : (JSON.parse(raw) as unknown);
  };
  return {
    getStorageSync: read,
    setStorageSync: (key: string, value: unknown) => void store.set(key, JSON.stringify(value ?? null)),
    removeStorageSync: (key: string) => void store.delete(key),
    clearStorageSync: () => store.clear(),
    getStorageInfoSync: () => ({ keys: [...store.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', ({ key }) => {
      if (!store.has(String(key))) throw new Error('data not found');
      return { data: read(String(key)) };
    }),
    setStorage: asyncApi('setStorage', ({ key, data }) => (store.set(String(key), JSON.stringify(data ?? null)), {})),
    removeStorage: asyncApi('removeStorage', ({ key }) => (store.delete(String(key)), {})),
    clearStorage: asyncApi('clearStorage', () => (store.clear(), {})),
  };
}

function requestApi(options: WxOptions, records: WxRecords) {
  return (call: ApiOptions = {}) => {
    let done = false;
    const finish = (ok: boolean, res: Record<string, unknown>) => {
      if (done) return;
      done = true;
      (ok ? call.success : call.fail)?.(res);
      call.complete?.(res);
    };
    const request: WxRequest = {
      url: String(call.url),
      method: String(call.method ?? 'GET').toUpperCase(),
      header: { ...((call.header as Record<string, string> | undefined) ?? {}) },
      data: call.data,
    };
    records.requests.push(request);
    const timeout = typeof call.timeout === 'number' ? call.timeout : 60_000;
    const timer = setTimeout(() => finish(false, { errMsg: 'request:fail timeout' }), timeout);
    options.request(request).then(
      (response) => finish(true, { errMsg: 'request:ok', statusCode: response.statusCode, data: response.data, header: response.header ?? {}, cookies: [] }),
      (error: unknown) => finish(false, { errMsg: `request:fail ${error instanceof Error ? error.message : String(error)}` }),
    ).finally(() => clearTimeout(timer));
    return {
      abort: () => finish(false, { errMsg: 'request:fail abort' }),
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
      onChunkReceived: () => undefined,
      offChunkReceived: () => undefined,
    };
  };
}

function navigationApis(stack: () => PageStack, records: WxRecords): Wx {
  const navigate = (api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab') =>
    asyncApi(api, ({ url }) => {
      const entry: WxRecords['navigations'][number] = { api, url: String(url) };
      records.navigations.push(entry);
      try {
        stack()[api](String(url));
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
        throw error;
      }
      return api === 'navigateTo' ? { eventChannel: { emit: () => undefined, on: () => undefined, off: () => undefined, once: () => undefined } } : {};
    });
  return {
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: asyncApi('navigateBack', ({ delta }) => {
      records.navigations.push({ api: 'navigateBack', url: String(delta ?? 1) });
      stack().navigateBack(typeof delta === 'number' ? delta : 1);
      return {};
    }),
  };
}

function feedbackApis(options: WxOptions, records: WxRecords): Wx {
  return {
    showToast: asyncApi('showToast', ({ title }) => (records.toasts.push(String(title)), {})),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', () => ({})),
    hideLoading: asyncApi('hideLoading', () => ({})),
    showModal: asyncApi('showModal', (call) => {
      const modal: Modal = {
        title: String(call.title ?? ''),
        content: String(call.content ?? ''),
        confirmText: call.confirmText as string | undefined,
        cancelText: call.cancelText as string | undefined,
      };
      records.modals.push(modal);
      const confirm = options.answerModal(modal);
      return { confirm, cancel: !confirm };
    }),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', ({ tmplIds }) => {
      const ids = Array.isArray(tmplIds) ? tmplIds.map(String) : [];
      records.subscribeRequests.push(ids);
      return Object.fromEntries(ids.map((id) => [id, 'accept']));
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', () => ({})),
  };
}

/**
 * Puts the harness's answers on the simulator's `wx` (which stubs the rest of WeChat's API):
 * storage, wx.request, wx.login, toasts and modals, the page stack, the font-size setting.
 */
export function installWx(wx: Wx, options: WxOptions, stack: () => PageStack, store: Map<string, string>): WxRecords {
  const records: WxRecords = { requests: [], toasts: [], modals: [], navigations: [], subscribeRequests: [] };
  const getSystemInfoSync = wx.getSystemInfoSync as () => Record<string, unknown>;
  const systemInfo: Record<string, unknown> = { ...getSystemInfoSync(), fontSizeSetting: options.fontSizeSetting };
  Object.assign(wx, storageApis(store), navigationApis(stack, records), feedbackApis(options, records), {
    request: requestApi(options, records),
    login: asyncApi('login', () => ({ code: options.loginCode() })),
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...systemInfo })),
    getAppBaseInfo: () => ({
      SDKVersion: systemInfo.SDKVersion,
      enableDebug: false,
      host: { env: 'WeChat' },
      language: 'zh_CN',
      version: systemInfo.version,
      theme: 'light',
      fontSizeSetting: options.fontSizeSetting,
    }),
  });
  return records;
}
