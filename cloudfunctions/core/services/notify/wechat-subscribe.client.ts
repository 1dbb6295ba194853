import type { WeChatAuthConfig } from '../wechat/wechat-auth.client';

export type SubscribeMessage = {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'formal' | 'trial' | 'developer';
};

/**
 * What a send came to, as far as the next step cares:
 * - sent;
 * - token: the access token was refused (40001, 40014, 42001); nothing was sent;
 * - refused: the user has no subscription for the template (43101);
 * - permanent: WeChat will refuse this message every time (bad data, openid, template);
 * - retry: nothing reached WeChat, or WeChat said to try later; safe to send again;
 * - unknown: the request may have reached WeChat and we never heard back.
 */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'token'; errcode: number }
  | { kind: 'refused'; errcode: number }
  | { kind: 'permanent'; errcode: number; errmsg: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'unknown'; reason: string };

export class WeChatApiError extends Error {
  constructor(message: string, readonly errcode: number | null) {
    super(message);
    this.name = 'WeChatApiError';
  }
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Errors no retry can cure: argument invalid, openid invalid, template invalid or banned, sensitive words. */
const PERMANENT_ERRORS = new Set([40003, 40037, 41030, 43107, 45168, 47001, 47003]);
/** Network failures that happen before a request is written: nothing can have reached WeChat. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function networkCode(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : null;
}

/**
 * The two WeChat server APIs the notifications worker uses: the stable access token and the
 * subscribe message. HTTPS only; no SDK, so the same code runs in WeChat Cloud and behind the host.
 */
export class WeChatSubscribeClient {
  constructor(
    private readonly config: WeChatAuthConfig,
    private readonly timeoutMs = 5_000,
  ) {}

  get appId(): string | undefined {
    return this.config.appId;
  }

  /** getStableAccessToken: normal mode returns the token every caller shares until it expires. */
  async stableToken(forceRefresh: boolean): Promise<{ token: string; expiresInSeconds: number }> {
    const { appId, appSecret } = this.config;
    if (!appId || !appSecret) throw new WeChatApiError('WECHAT_APPID and WECHAT_SECRET are not configured', null);
    let reply: { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    try {
      const response = await fetch(new URL('/cgi-bin/stable_token', this.config.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: forceRefresh }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      reply = (await response.json()) as typeof reply;
    } catch (error) {
      throw new WeChatApiError(`token request failed: ${networkCode(error) ?? (error instanceof Error ? error.message : 'network')}`, null);
    }
    if (reply.errcode || !reply.access_token) {
      throw new WeChatApiError(`token refused: ${reply.errcode ?? 'no token'} ${reply.errmsg ?? ''}`.trim(), reply.errcode ?? null);
    }
    return { token: reply.access_token, expiresInSeconds: reply.expires_in ?? 7200 };
  }

  async send(token: string, message: SubscribeMessage): Promise<SendOutcome> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const code = networkCode(error);
      if (code && NOT_SENT_CODES.has(code)) return { kind: 'retry', reason: code };
      return { kind: 'unknown', reason: code ?? (error instanceof Error ? error.name : 'network') };
    }
    // A gateway error: WeChat's API never handled the request.
    if (response.status >= 500) return { kind: 'retry', reason: `HTTP ${response.status}` };
    let reply: { errcode?: number; errmsg?: string };
    try {
      reply = (await response.json()) as typeof reply;
    } catch {
      return { kind: 'unknown', reason: `HTTP ${response.status} without a JSON reply` };
    }
    const errcode = reply.errcode ?? 0;
    if (errcode === 0) return { kind: 'sent' };
    if (TOKEN_ERRORS.has(errcode)) return { kind: 'token', errcode };
    if (errcode === 43101) return { kind: 'refused', errcode };
    if (PERMANENT_ERRORS.has(errcode)) return { kind: 'permanent', errcode, errmsg: reply.errmsg ?? '' };
    // -1 system busy, 45009/45011 rate limits, 43108 concurrent sends, anything new: try again later.
    return { kind: 'retry', reason: `errcode ${errcode} ${reply.errmsg ?? ''}`.trim() };
  }
}
