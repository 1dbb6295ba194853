/**
 * The `user` and `admin` functions against the real local engine (fresh database), through the
 * same invoke path the host and WeChat Cloud take. Parts that are real: engine, driver, tokens,
 * a local server speaking WeChat's code2session protocol.
 */
import { FakeWeChatServer } from '../helpers/fake-wechat-server';
import { createTestApp, expectOk, loginAs, snapshot, type TestApp } from '../helpers/test-app';
import { SessionTokenService } from '../../cloudfunctions/core/services/session-token.service';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { PublicUser } from '../../shared/schemas/user.schema';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('devLogin and me', () => {
  it('creates a resident on first login and returns it from me', async () => {
    const { token } = await loginAs(t, 'resident-a');
    const me = expectOk<PublicUser>(await t.callAs(token, 'user', { action: 'me' }));
    expect(me).toMatchObject({ openid: 'resident-a', roles: ['resident'], elderMode: false });
  });

  it('returns the same user on a second login', async () => {
    const first = await loginAs(t, 'resident-a');
    const second = await loginAs(t, 'resident-a');
    expect(second.userId).toBe(first.userId);
    expect(await t.db.collection('users').countDocuments({ openid: 'resident-a' })).toBe(1);
  });

  it('creates exactly one user when the same first login races', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call('user', { action: 'devLogin', openid: 'racer' })));
    const ids = new Set(results.map((r) => (expectOk<{ user: { id: string } }>(r)).user.id));
    expect(ids.size).toBe(1);
    expect(await t.db.collection('users').countDocuments({ openid: 'racer' })).toBe(1);
  });

  it('is refused with FORBIDDEN when the config turns dev login off', async () => {
    const off = await createTestApp({ env: { DEV_LOGIN: '0' } });
    try {
      const result = await off.call('user', { action: 'devLogin', openid: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await off.db.collection('users').countDocuments()).toBe(0);
    } finally {
      await off.close();
    }
  });

  it('makes the configured first admin an admin', async () => {
    const withAdmin = await createTestApp({ env: { ADMIN_OPENIDS: 'boss' } });
    try {
      const { token } = await loginAs(withAdmin, 'boss');
      const me = expectOk<PublicUser>(await withAdmin.callAs(token, 'user', { action: 'me' }));
      expect(me.roles).toEqual(expect.arrayContaining(['resident', 'admin']));
    } finally {
      await withAdmin.close();
    }
  });
});

describe('identity never comes from the event body', () => {
  it('ignores openid, userId, role and userInfo in the body of me', async () => {
    const admin = await loginAs(t, 'someone-else');
    const { token } = await loginAs(t, 'resident-a');
    const me = expectOk<PublicUser>(
      await t.callAs(token, 'user', { action: 'me', openid: 'someone-else', userId: admin.userId, role: 'admin', roles: ['admin'], userInfo: { openId: 'someone-else' } }),
    );
    expect(me.openid).toBe('resident-a');
    expect(me.roles).toEqual(['resident']);
  });

  it('does not let updateProfile grant a role or move the change to another user', async () => {
    const other = await loginAs(t, 'other');
    const { token, userId } = await loginAs(t, 'resident-a');
    const updated = expectOk<PublicUser>(
      await t.callAs(token, 'user', { action: 'updateProfile', name: '王阿姨', roles: ['admin'], role: 'admin', userId: other.userId }),
    );
    expect(updated).toMatchObject({ id: userId, name: '王阿姨', roles: ['resident'] });
    const otherDoc = await t.db.collection('users').findOne({ _id: other.userId as never });
    expect(otherDoc?.name).toBeNull();
  });

  it('answers UNAUTHENTICATED without a token, even when the body names a user', async () => {
    const { userId } = await loginAs(t, 'resident-a');
    const result = await t.call('user', { action: 'me', openid: 'resident-a', userId });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('tokens', () => {
  it('refuses an expired token', async () => {
    const { userId } = await loginAs(t, 'resident-a');
    const past = new SessionTokenService(t.app.config.tokenSecret!, 60, manualClock('2020-01-01T00:00:00Z'));
    const { token } = await past.issue({ userId, openid: 'resident-a' });
    expect(await t.callAs(token, 'user', { action: 'me' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token forged with another secret', async () => {
    const { userId } = await loginAs(t, 'resident-a');
    const forger = new SessionTokenService('x'.repeat(40), 3600, manualClock(new Date()));
    const { token } = await forger.issue({ userId, openid: 'resident-a' });
    expect(await t.callAs(token, 'user', { action: 'me' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses garbage', async () => {
    expect(await t.callAs('not-a-token', 'user', { action: 'me' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('updateProfile', () => {
  beforeEach(async () => {
    await t.db.collection<{ _id: string; streetId: string; name: string }>('communities').insertOne({ _id: 'cm-1', streetId: 'st-1', name: '小营前社区' });
  });

  it('saves name, phone, community, address and elder mode', async () => {
    const { token } = await loginAs(t, 'resident-a');
    const updated = expectOk<PublicUser>(
      await t.callAs(token, 'user', {
        action: 'updateProfile', name: '  王阿姨 ', phone: '138 1234-5678', communityId: 'cm-1', address: ' 小营前 12 号 3 单元 201 ', elderMode: true,
      }),
    );
    expect(updated).toMatchObject({ name: '王阿姨', phone: '13812345678', communityId: 'cm-1', address: '小营前 12 号 3 单元 201', elderMode: true });
    expect(expectOk<PublicUser>(await t.callAs(token, 'user', { action: 'me' }))).toMatchObject({ communityId: 'cm-1', address: '小营前 12 号 3 单元 201' });
  });

  it('starts without an address and clears it with an empty one', async () => {
    const { token } = await loginAs(t, 'resident-a');
    expect(expectOk<PublicUser>(await t.callAs(token, 'user', { action: 'me' })).address).toBeNull();
    expectOk(await t.callAs(token, 'user', { action: 'updateProfile', address: '南大街 1 号' }));
    expect(expectOk<PublicUser>(await t.callAs(token, 'user', { action: 'updateProfile', address: '  ' })).address).toBeNull();
  });

  it('refuses a community the district does not have, and writes nothing', async () => {
    const { token } = await loginAs(t, 'resident-a');
    const before = await snapshot(t.db);
    const result = await t.callAs(token, 'user', { action: 'updateProfile', communityId: 'cm-nowhere', address: '南大街 1 号' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'communityId', message: '没有这个社区' }] } } });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('malformed events are rejected with VALIDATION_FAILED and write nothing', () => {
  const cases: [string, unknown, string][] = [
    ['no action', {}, 'action'],
    ['an unknown action', { action: 'dropDatabase' }, 'action'],
    ['a non-object event', 'me', '(root)'],
    ['an array event', [{ action: 'me' }], '(root)'],
    ['login without code', { action: 'login' }, 'code'],
    ['login with an operator as code', { action: 'login', code: { $gt: '' } }, 'code'],
    ['login with an extra field', { action: 'login', code: 'abc', admin: true }, 'admin'],
    ['devLogin without openid', { action: 'devLogin' }, 'openid'],
    ['devLogin with an operator', { action: 'devLogin', openid: { $ne: null } }, 'openid'],
    ['devLogin with a long openid', { action: 'devLogin', openid: 'a'.repeat(65) }, 'openid'],
    ['devLogin with a $ in openid', { action: 'devLogin', openid: '$where' }, 'openid'],
    ['me with an unknown field', { action: 'me', sort: { $natural: 1 } }, 'sort'],
    ['updateProfile with nothing', { action: 'updateProfile' }, '(root)'],
    ['updateProfile with a bad phone', { action: 'updateProfile', phone: '12345' }, 'phone'],
    ['updateProfile with an operator phone', { action: 'updateProfile', phone: { $gt: '' } }, 'phone'],
    ['updateProfile with a long name', { action: 'updateProfile', name: '名'.repeat(21) }, 'name'],
    ['updateProfile with an empty name', { action: 'updateProfile', name: '   ' }, 'name'],
    ['updateProfile with elderMode as text', { action: 'updateProfile', elderMode: 'yes' }, 'elderMode'],
    ['updateProfile with a control character', { action: 'updateProfile', name: 'a\u0000b' }, 'name'],
    ['updateProfile with an address over 100 characters', { action: 'updateProfile', address: '址'.repeat(101) }, 'address'],
    ['updateProfile with an unknown field', { action: 'updateProfile', name: 'ok', createdAt: 0 }, 'createdAt'],
  ];

  it.each(cases)('%s', async (_label, event, path) => {
    const { token } = await loginAs(t, 'resident-a');
    const before = await snapshot(t.db);
    const result = await t.callAs(token, 'user', event);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (result.ok) return;
    const paths = (result.error.details?.fields ?? []).map((f) => f.path);
    expect(paths).toContain(path);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('login with WeChat code2session', () => {
  let wechat: FakeWeChatServer;
  let app: TestApp;
  beforeEach(async () => {
    wechat = new FakeWeChatServer();
    const url = await wechat.start();
    app = await createTestApp({ env: { WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.appSecret, WECHAT_API_BASE: url } });
  });
  afterEach(async () => {
    await app.close();
    await wechat.stop();
  });

  it('exchanges a code for the openid WeChat names and returns a session', async () => {
    const result = expectOk<{ token: string; user: PublicUser }>(await app.call('user', { action: 'login', code: 'ok-wx-user-1' }));
    expect(result.user.openid).toBe('wx-user-1');
    expect(wechat.calls[0]?.query).toMatchObject({ appid: wechat.appId, js_code: 'ok-wx-user-1', grant_type: 'authorization_code' });
    const me = expectOk<PublicUser>(await app.callAs(result.token, 'user', { action: 'me' }));
    expect(me.openid).toBe('wx-user-1');
  });

  it.each([
    ['bad', 'UNAUTHENTICATED'],
    ['limit', 'RATE_LIMITED'],
    ['busy', 'WECHAT_UNAVAILABLE'],
  ])('maps code %s to %s and writes nothing', async (code, expected) => {
    const result = await app.call('user', { action: 'login', code });
    expect(result).toMatchObject({ ok: false, error: { code: expected } });
    expect(await app.db.collection('users').countDocuments()).toBe(0);
  });

  it('refuses a code used twice', async () => {
    expectOk(await app.call('user', { action: 'login', code: 'ok-twice' }));
    expect(await app.call('user', { action: 'login', code: 'ok-twice' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('says WeChat is unavailable when its server is down', async () => {
    await wechat.stop();
    expect(await app.call('user', { action: 'login', code: 'ok-x' })).toMatchObject({ ok: false, error: { code: 'WECHAT_UNAVAILABLE' } });
  });

  it('inside WeChat Cloud takes the openid from the platform, not from code2session', async () => {
    const result = expectOk<{ user: PublicUser }>(await app.call('user', { action: 'login', code: 'anything' }, { kind: 'wechat', openid: 'from-platform' }));
    expect(result.user.openid).toBe('from-platform');
    expect(wechat.calls).toHaveLength(0);
  });
});

describe('admin role grants', () => {
  it('only an admin grants roles, and the grant takes effect on the next call', async () => {
    const withAdmin = await createTestApp({ env: { ADMIN_OPENIDS: 'boss' } });
    try {
      const boss = await loginAs(withAdmin, 'boss');
      const target = await loginAs(withAdmin, 'future-advisor');
      const stranger = await loginAs(withAdmin, 'stranger');

      expect(await withAdmin.callAs(stranger.token, 'admin', { action: 'grantRoles', userId: target.userId, roles: ['advisor'] }))
        .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      expectOk(await withAdmin.callAs(boss.token, 'admin', { action: 'grantRoles', userId: target.userId, roles: ['advisor'] }));
      const me = expectOk<PublicUser>(await withAdmin.callAs(target.token, 'user', { action: 'me' }));
      expect(me.roles).toEqual(['resident', 'advisor']);

      expect(await withAdmin.callAs(boss.token, 'admin', { action: 'grantRoles', userId: target.userId, roles: ['staff'] }))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const staff = expectOk<PublicUser>(await withAdmin.callAs(boss.token, 'admin', { action: 'grantRoles', userId: target.userId, roles: ['staff'], streetId: 'st-1' }));
      expect(staff.staffStreetId).toBe('st-1');

      const revoked = expectOk<PublicUser>(await withAdmin.callAs(boss.token, 'admin', { action: 'revokeRoles', userId: target.userId, roles: ['advisor', 'staff'] }));
      expect(revoked).toMatchObject({ roles: ['resident'], staffStreetId: null });
      expect(await withAdmin.callAs(boss.token, 'admin', { action: 'grantRoles', userId: 'nobody', roles: ['advisor'] }))
        .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await withAdmin.close();
    }
  });
});
