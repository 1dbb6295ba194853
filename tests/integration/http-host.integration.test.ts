/** The local host's HTTP layer (fastify, real engine): statuses, envelopes, body limits, bearer tokens. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../host/http-app';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { MongoClient } from 'mongodb';
import { createApp } from '../../cloudfunctions/core/runtime/app';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let http: FastifyInstance;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  http = buildHttpApp({ app: t.app, functions: cloudFunctions });
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await http.close();
  await t.close();
});

type Reply = { statusCode: number; json(): any };

/** A real HTTP request to the listening host. */
async function send(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  const response = await fetch(base + url, { method: 'POST', body, headers });
  const text = await response.text();
  return { statusCode: response.status, json: () => JSON.parse(text) };
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(url, typeof payload === 'string' ? payload : JSON.stringify(payload), { 'content-type': 'application/json', ...headers });

describe('GET /healthz', () => {
  it('answers 200 when the database answers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'up' });
  });
});

describe('a host whose database cannot be reached', () => {
  let down: FastifyInstance;
  let client: MongoClient;
  let downBase: string;
  beforeAll(async () => {
    // Nothing listens on port 1: every operation fails server selection, as with a dead engine.
    client = new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 300 });
    const app = await createApp({ config: t.app.config, db: client.db('unreachable'), ensureIndexes: false });
    down = buildHttpApp({ app, functions: cloudFunctions });
    await down.listen({ host: '127.0.0.1', port: 0 });
    const address = down.server.address();
    downBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await down.close();
    await client.close();
  });

  it('answers /healthz with 503', async () => {
    const res = await fetch(`${downBase}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, db: 'down', error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('answers calls with 503 SERVICE_UNAVAILABLE and a Chinese message, not INTERNAL', async () => {
    const res = await fetch(`${downBase}/api/user`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'devLogin', openid: 'x' }) });
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(body.error.message).toMatch(/暂时不可用/);
  });
});

describe('POST /api/<function>', () => {
  it('logs in with devLogin and answers me with that token', async () => {
    const login = await post('/api/user', { action: 'devLogin', openid: 'x' });
    expect(login.statusCode).toBe(200);
    const { data } = login.json();
    expect(data.token).toEqual(expect.any(String));
    const me = await post('/api/user', { action: 'me' }, { authorization: `Bearer ${data.token}` });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ ok: true, data: { openid: 'x' } });
  });

  it('answers 401 without a token and 400 for a bad event', async () => {
    expect((await post('/api/user', { action: 'me' })).statusCode).toBe(401);
    const bad = await post('/api/user', { action: 'devLogin', openid: { $gt: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'openid' }] } } });
  });

  it('answers 403 for a role the caller lacks', async () => {
    const { data } = (await post('/api/user', { action: 'devLogin', openid: 'plain' })).json();
    const res = await post('/api/admin', { action: 'grantRoles', userId: data.user.id, roles: ['admin'] }, { authorization: `Bearer ${data.token}` });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 with an envelope for an unknown function', async () => {
    const res = await post('/api/nothing', { action: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers malformed JSON with a 400 envelope', async () => {
    const res = await post('/api/user', '{"action":"me"');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'MALFORMED_JSON' } });
  });

  it('answers a body over 100 KB with a 400 envelope and writes nothing', async () => {
    const before = await t.db.collection('users').countDocuments();
    const res = await post('/api/user', JSON.stringify({ action: 'devLogin', openid: 'big', pad: 'a'.repeat(101 * 1024) }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await t.db.collection('users').countDocuments()).toBe(before);
  });

  it('answers a non-JSON content type with a 400 envelope', async () => {
    const res = await send('/api/user', 'action=me', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false });
  });

  it('refuses a prototype key inside a field as VALIDATION_FAILED naming where it sits, and writes nothing', async () => {
    const before = await t.db.collection('users').countDocuments();
    for (const [body, path] of [
      ['{"action":"devLogin","openid":"proto","extra":{"__proto__":{"admin":true}}}', 'extra.__proto__'],
      ['{"action":"devLogin","openid":"proto","extra":{"constructor":{"prototype":{"admin":true}}}}', 'extra.constructor'],
      ['{"action":"devLogin","__proto__":{"roles":["admin"]},"openid":"proto"}', '__proto__'],
    ] as const) {
      const res = await post('/api/user', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path }] } } });
    }
    expect(await t.db.collection('users').countDocuments()).toBe(before);
  });

  it('names the field of a union that no branch accepts', async () => {
    const { data } = (await post('/api/user', { action: 'devLogin', openid: 'reader' })).json();
    const auth = { authorization: `Bearer ${data.token}` };
    const ids = await post('/api/notify', { action: 'markRead', ids: { $gt: '' } }, auth);
    expect(ids.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'ids' }] } } });
    const all = await post('/api/notify', { action: 'markRead', all: 'true' }, auth);
    expect(all.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'all' }] } } });
  });

  it('ignores a malformed Authorization header instead of crashing', async () => {
    const res = await post('/api/user', { action: 'me' }, { authorization: 'Bearer <script>' });
    expect(res.statusCode).toBe(401);
  });
});

describe('the H5 build at /', () => {
  let site: FastifyInstance;
  let siteBase: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-static-'));
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><title>民政便民服务</title>');
    // The icon the H5 build ships (config/index.ts copies it into build/h5).
    copyFileSync(path.resolve(__dirname, '../../client/favicon.ico'), path.join(dir, 'favicon.ico'));
    site = buildHttpApp({ app: t.app, functions: cloudFunctions, staticDir: dir });
    await site.listen({ host: '127.0.0.1', port: 0 });
    const address = site.server.address();
    siteBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the favicon as an icon, not the page', async () => {
    const response = await fetch(`${siteBase}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/icon/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // An ICO file starts with reserved 0, type 1.
    expect(Array.from(bytes.slice(0, 4))).toEqual([0, 0, 1, 0]);
  });

  it('gives app routes the page and a missing file a 404', async () => {
    const route = await fetch(`${siteBase}/subpackages/booking/pages/mine/index`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('民政便民服务');
    expect((await fetch(`${siteBase}/js/gone.1234abcd.js`)).status).toBe(404);
    expect((await fetch(`${siteBase}/apple-touch-icon.png`)).status).toBe(404);
  });
});
