import Fastify, { type FastifyInstance } from 'fastify';

export type SentMessage = { touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state?: string; nid: string | null };

/** What WeChat allows in each kind of subscribe-message keyword (the prefix of `thing1`, `time2`, …). */
const keywordRules: Record<string, (value: string) => boolean> = {
  thing: (v) => Array.from(v).length >= 1 && Array.from(v).length <= 20,
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  name: (v) => /^\p{Script=Han}{1,10}$/u.test(v) || /^[A-Za-z .·-]{1,20}$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  number: (v) => /^\d{1,32}(\.\d+)?$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]{1,5}$/.test(v),
  phone_number: (v) => /^[0-9+-]{1,17}$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/.test(v),
};

function invalidField(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data';
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const prefix = /^([a-z_]+?)\d{1,2}$/.exec(key)?.[1];
    const rule = prefix ? keywordRules[prefix] : undefined;
    const value = (entry as { value?: unknown } | null)?.value;
    if (!rule || typeof value !== 'string' || !rule(value)) return `data.${key}.value`;
  }
  return null;
}

/**
 * A local server that speaks WeChat's HTTP API as far as we use it, error codes included, so the
 * real client code is exercised without reaching WeChat.
 *
 * jscode2session: a code `ok-<openid>` logs that openid in once (a second use gives 40163, as
 * WeChat does); `bad` gives 40029, `limit` 45011, `busy` -1. A wrong appid gives 40013 and a
 * wrong secret 40125.
 *
 * Access tokens: `/cgi-bin/token` and `/cgi-bin/stable_token` (normal mode returns the current token
 * while it is valid; force_refresh replaces it). `expireToken(42001)` or `expireToken(40001)` makes
 * the current token fail with that code.
 *
 * Subscribe messages: `/cgi-bin/message/subscribe/send` checks the token (41001, 40001, 42001), the
 * openid (40003), the template (40037 when `knownTemplates` is set), the user's consent (43101 for
 * openids or `openid:templateId` in `refusing`) and every keyword against WeChat's rules (47003). It
 * counts accepted messages per notice (`nid` in the page's query). `failNext` queues error codes,
 * `hold` makes token or send requests hang after `holdAfter` answered ones: a held request is
 * handled (a send delivered if valid) and only the reply waits for `release()`, as when a worker
 * dies, or stalls, between WeChat's accepting a message and recording it. `stop()` then `start()` takes the server down and brings it
 * back on the same port.
 */
export class FakeWeChatServer {
  http: FastifyInstance;
  readonly usedCodes = new Set<string>();
  readonly calls: { path: string; query: Record<string, string> }[] = [];
  readonly tokenCalls: { path: string; force: boolean }[] = [];
  /** Every send request that reached the server, accepted or not. */
  readonly sendRequests: SentMessage[] = [];
  /** Messages WeChat would have delivered. */
  readonly sent: SentMessage[] = [];
  readonly refusing = new Set<string>();
  readonly knownTemplates = new Set<string>();
  readonly failNext: number[] = [];
  hold: 'token' | 'send' | null = null;
  /** Requests of the held kind answered before holding starts. */
  holdAfter = 0;
  url = '';
  private port = 0;
  private tokenSeq = 0;
  private current: { token: string; rejectWith: number | null } | null = null;
  private readonly rejected = new Map<string, number>();
  private readonly held: { release: () => void; drop: () => void }[] = [];
  private readonly heldWaiters: (() => void)[] = [];

  constructor(readonly appId = 'wx-test-appid', readonly appSecret = 'wx-test-secret') {
    this.http = this.build();
  }

  /** Accepted messages for one notice. */
  sentCount(nid: string): number {
    return this.sent.filter((m) => m.nid === nid).length;
  }

  expireToken(code: 40001 | 42001 = 42001): void {
    if (this.current) this.current.rejectWith = code;
  }

  /** Resolves once a request is being held. */
  whenHeld(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  private shouldHold(kind: 'token' | 'send'): boolean {
    if (this.hold !== kind) return false;
    const seen = kind === 'token' ? this.tokenCalls.length : this.sendRequests.length;
    return seen > this.holdAfter;
  }

  private holdHere<T>(reply: T): Promise<T> {
    for (const wake of this.heldWaiters.splice(0)) wake();
    // Not answered until release(); a caller killed meanwhile never hears back.
    return new Promise<T>((resolve, reject) => this.held.push({ release: () => resolve(reply), drop: () => reject(new Error('dropped')) }));
  }

  /** Answers the held requests as they would have been answered, and stops holding. */
  release(): void {
    this.hold = null;
    for (const request of this.held.splice(0)) request.release();
  }

  private issueToken(force: boolean): { access_token: string; expires_in: number } {
    if (force || !this.current || this.current.rejectWith !== null) {
      if (this.current) this.rejected.set(this.current.token, this.current.rejectWith ?? 40001);
      this.tokenSeq += 1;
      this.current = { token: `fake-token-${this.tokenSeq}`, rejectWith: null };
    }
    return { access_token: this.current.token, expires_in: 7200 };
  }

  private credentialsError(appid: unknown, secret: unknown): { errcode: number; errmsg: string } | null {
    if (appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    return null;
  }

  private build(): FastifyInstance {
    const http = Fastify({ forceCloseConnections: true });
    http.get<{ Querystring: Record<string, string> }>('/sns/jscode2session', async (request) => {
      const q = request.query;
      this.calls.push({ path: '/sns/jscode2session', query: q });
      if (q.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' };
      if (q.secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
      if (q.grant_type !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
      const code = q.js_code ?? '';
      if (code === 'limit') return { errcode: 45011, errmsg: 'api minute-quota reach limit' };
      if (code === 'busy') return { errcode: -1, errmsg: 'system error' };
      const match = code.match(/^ok-(.+)$/);
      if (!match) return { errcode: 40029, errmsg: 'invalid code' };
      if (this.usedCodes.has(code)) return { errcode: 40163, errmsg: 'code been used' };
      this.usedCodes.add(code);
      return { openid: match[1], session_key: 'c2Vzc2lvbi1rZXk=' };
    });

    http.get<{ Querystring: Record<string, string> }>('/cgi-bin/token', async (request) => {
      const q = request.query;
      this.tokenCalls.push({ path: '/cgi-bin/token', force: true });
      const hold = this.shouldHold('token');
      const reply = q.grant_type !== 'client_credential' ? { errcode: 40002, errmsg: 'invalid grant_type' } : (this.credentialsError(q.appid, q.secret) ?? this.issueToken(true));
      return hold ? this.holdHere(reply) : reply;
    });

    http.post<{ Body: Record<string, unknown> }>('/cgi-bin/stable_token', async (request) => {
      const body = request.body ?? {};
      this.tokenCalls.push({ path: '/cgi-bin/stable_token', force: body.force_refresh === true });
      const hold = this.shouldHold('token');
      const reply =
        body.grant_type !== 'client_credential'
          ? { errcode: 40002, errmsg: 'invalid grant_type' }
          : (this.credentialsError(body.appid, body.secret) ?? this.issueToken(body.force_refresh === true));
      return hold ? this.holdHere(reply) : reply;
    });

    http.post<{ Querystring: Record<string, string>; Body: Record<string, unknown> }>('/cgi-bin/message/subscribe/send', async (request) => {
      const body = request.body ?? {};
      const page = typeof body.page === 'string' ? body.page : '';
      const nid = new URLSearchParams(page.split('?')[1] ?? '').get('nid');
      const message = { ...(body as Omit<SentMessage, 'nid'>), nid };
      this.sendRequests.push(message);
      const reply = this.handleSend(request.query.access_token, body, message);
      return this.shouldHold('send') ? this.holdHere(reply) : reply;
    });
    return http;
  }

  private handleSend(token: string | undefined, body: Record<string, unknown>, message: SentMessage): { errcode: number; errmsg: string } {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const rejectWith = this.rejected.get(token) ?? (token === this.current?.token ? this.current.rejectWith : 40001);
    if (rejectWith) return { errcode: rejectWith, errmsg: rejectWith === 42001 ? 'access_token expired' : 'invalid credential, access_token is invalid or not latest' };
    const queued = this.failNext.shift();
    if (queued !== undefined) return { errcode: queued, errmsg: 'queued failure' };
    if (typeof body.touser !== 'string' || !body.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof body.template_id !== 'string' || (this.knownTemplates.size > 0 && !this.knownTemplates.has(body.template_id))) {
      return { errcode: 40037, errmsg: 'invalid template_id' };
    }
    if (body.miniprogram_state !== undefined && !['formal', 'trial', 'developer'].includes(String(body.miniprogram_state))) {
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' };
    }
    const bad = invalidField(body.data);
    if (bad) return { errcode: 47003, errmsg: `argument invalid! ${bad} invalid` };
    if (this.refusing.has(body.touser) || this.refusing.has(`${body.touser}:${body.template_id}`)) {
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    }
    this.sent.push(message);
    return { errcode: 0, errmsg: 'ok' };
  }

  async start(): Promise<string> {
    if (this.http.server.listening) return this.url;
    await this.http.listen({ host: '127.0.0.1', port: this.port });
    const address = this.http.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.url = `http://127.0.0.1:${this.port}`;
    return this.url;
  }

  /** Stops listening (connections are refused); start() again serves on the same port. */
  async stop(): Promise<void> {
    for (const request of this.held.splice(0)) request.drop();
    await this.http.close();
    this.http = this.build();
  }
}
