/**
 * Reads the caller's OPENID the way WeChat Cloud vouches for it: the platform sets it for each
 * invocation in the function's environment, `WX_CONTEXT_KEYS` naming the keys it set (`WX_OPENID`
 * among them). This is what wx-server-sdk's getWXContext reads (it reads nothing else: the event
 * and the context argument never name the caller); loading the SDK for it cost a cold start about
 * a second of require on this machine. tests/unit/wechat-context.test.ts checks that both agree.
 * The local host never calls this.
 */
export function readWeChatOpenid(_context: unknown, env: NodeJS.ProcessEnv = process.env): string | null {
  const keys = (env.WX_CONTEXT_KEYS ?? '').split(',');
  if (!keys.includes('WX_OPENID')) return null;
  const openid = env.WX_OPENID;
  // The SDK turns an all-digit value into a number, which was never taken for an OPENID.
  if (openid === undefined || /^[-]?\d+$/.test(openid)) return null;
  return /^[A-Za-z0-9_-]{1,64}$/.test(openid) ? openid : null;
}
