import { AppError } from '../../../../shared/errors';

export type WeChatAuthConfig = { appId?: string; appSecret?: string; apiBase: string };

type Code2SessionReply = { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };

/**
 * WeChat's code2session (auth.code2Session) over HTTPS. Its error codes become ours: a bad or used
 * code is the caller's (UNAUTHENTICATED), 45011 is a rate limit, anything else is WeChat being away.
 */
export class WeChatAuthClient {
  constructor(
    private readonly config: WeChatAuthConfig,
    private readonly timeoutMs = 5_000,
  ) {}

  async code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
    const { appId, appSecret, apiBase } = this.config;
    if (!appId || !appSecret) {
      throw new AppError('WECHAT_UNAVAILABLE', { reason: 'WECHAT_APPID and WECHAT_SECRET are not configured' });
    }
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
    let reply: Code2SessionReply;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      reply = (await response.json()) as Code2SessionReply;
    } catch (error) {
      throw new AppError('WECHAT_UNAVAILABLE', { reason: error instanceof Error ? error.message : 'network' });
    }
    if (reply.errcode && reply.errcode !== 0) {
      if (reply.errcode === 40029 || reply.errcode === 40163 || reply.errcode === 40226) {
        throw new AppError('UNAUTHENTICATED', { wechatErrcode: reply.errcode });
      }
      if (reply.errcode === 45011) throw new AppError('RATE_LIMITED', { wechatErrcode: reply.errcode });
      throw new AppError('WECHAT_UNAVAILABLE', { wechatErrcode: reply.errcode });
    }
    if (!reply.openid) throw new AppError('WECHAT_UNAVAILABLE', { reason: 'no openid in reply' });
    return { openid: reply.openid, unionid: reply.unionid };
  }
}
