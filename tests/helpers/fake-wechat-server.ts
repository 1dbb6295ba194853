import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A local server that speaks WeChat's HTTP API as far as we use it, error codes included, so the
 * real client code is exercised without reaching WeChat.
 *
 * jscode2session: a code `ok-<openid>` logs that openid in once (a second use gives 40163, as
 * WeChat does); `bad` gives 40029, `limit` 45011, `busy` -1. A wrong appid gives 40013 and a
 * wrong secret 40125.
 */
export class FakeWeChatServer {
  readonly http: FastifyInstance;
  readonly usedCodes = new Set<string>();
  readonly calls: { path: string; query: Record<string, string> }[] = [];
  url = '';

  constructor(readonly appId = 'wx-test-appid', readonly appSecret = 'wx-test-secret') {
    this.http = Fastify();
    this.http.get<{ Querystring: Record<string, string> }>('/sns/jscode2session', async (request) => {
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
  }

  async start(): Promise<string> {
    await this.http.listen({ host: '127.0.0.1', port: 0 });
    const address = this.http.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await this.http.close();
  }
}
