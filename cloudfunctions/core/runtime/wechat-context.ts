/**
 * Reads the caller's OPENID the way WeChat Cloud vouches for it: through wx-server-sdk's
 * getWXContext. The SDK is loaded only here and only inside WeChat Cloud, where it is installed
 * from the function's package.json; the local host never calls this.
 */
export function readWeChatOpenid(context: unknown): string | null {
  let sdk: { init(options: object): void; getWXContext(context?: unknown): { OPENID?: string }; DYNAMIC_CURRENT_ENV: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require('wx-server-sdk');
  } catch {
    return null;
  }
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const openid = sdk.getWXContext(context).OPENID;
  return typeof openid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(openid) ? openid : null;
}
