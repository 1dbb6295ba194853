/**
 * Build-time settings. Taro replaces each `process.env.TARO_APP_*` / `process.env.TARO_ENV`
 * expression with a literal (see config/index.ts), so only these exact expressions may be used.
 */
export type Platform = 'weapp' | 'h5';

const platform: Platform = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';

// WeChat's request API needs an absolute URL; the developer tools accept the local host when
// "do not verify domain names" is ticked. A real build sets TARO_APP_API_BASE or TARO_APP_CLOUD_ENV.
const defaultWeappApiBase = 'http://127.0.0.1:3000';

export const runtimeConfig = {
  platform,
  cloudEnv: process.env.TARO_APP_CLOUD_ENV ?? '',
  apiBase: process.env.TARO_APP_API_BASE || (platform === 'weapp' ? defaultWeappApiBase : ''),
  requestTimeoutMs: 15_000,
  /** staff sign-in: what a resident who opened the browser build is told to open in WeChat. */
  miniProgramName: '民政便民服务',
} as const;

/** True when calls go through WeChat Cloud (wx.cloud.callFunction) rather than HTTPS. */
export function usesWeChatCloud(): boolean {
  return runtimeConfig.platform === 'weapp' && runtimeConfig.cloudEnv !== '';
}
