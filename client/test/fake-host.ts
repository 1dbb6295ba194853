/**
 * The host as component tests need it: `POST /api/<function>` answered by handlers keyed
 * `function.action`. A handler returns the data, or `failWith(code)` for an error envelope.
 */
type Handler = (payload: Record<string, unknown>) => unknown;
export type Replies = Record<string, Handler>;

const failure = Symbol('failure');
type Failure = { [failure]: true; status: number; code: string; message: string; details?: Record<string, unknown> };

export function failWith(code: string, message: string, status = 409, details?: Record<string, unknown>): Failure {
  return { [failure]: true, status, code, message, details };
}

export const demoUser = {
  id: 'u1', openid: 'demo-resident-1', name: '王阿姨', phone: '13800000001', communityId: 'cm-xiaoying', address: null,
  elderMode: false, roles: ['resident'], staffStreetId: null, createdAt: '2026-11-01T00:00:00.000Z',
};

/** Installs the fake host as `fetch`; returns the calls made, as `function.action`. */
export function fakeHost(replies: Replies): { calls: string[] } {
  const calls: string[] = [];
  const all: Replies = { 'user.me': () => demoUser, ...replies };
  global.fetch = jest.fn(async (url: string, init: { body: string }) => {
    const fn = url.replace(/^.*\/api\//, '');
    const { action, ...payload } = JSON.parse(init.body) as { action: string } & Record<string, unknown>;
    const key = `${fn}.${action}`;
    calls.push(key);
    const handler = all[key];
    if (!handler) throw new Error(`no fake reply for ${key}`);
    const data = handler(payload);
    if (data && typeof data === 'object' && failure in data) {
      const f = data as Failure;
      return { status: f.status, text: async () => JSON.stringify({ ok: false, error: { code: f.code, message: f.message, details: f.details } }) };
    }
    return { status: 200, text: async () => JSON.stringify({ ok: true, data }) };
  }) as unknown as typeof fetch;
  return { calls };
}
