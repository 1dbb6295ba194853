/**
 * Staff sign-in with a password against the real local engine (a fresh database per test): the
 * first admin from configuration, accounts made by an admin, the password login with its lockout
 * and per-address limit, changing and resetting a password, and no password or hash in any reply,
 * event or log. Real parts: engine, driver, argon2id, session tokens, the invoke path of the host
 * (and the host's HTTP layer for the client address). The clock is a manual one, so a lockout's
 * end is reached by moving it, not by waiting.
 */
import type { FastifyInstance } from 'fastify';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { IdentitySource } from '../../cloudfunctions/core/runtime/caller';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { buildHttpApp } from '../../host/http-app';
import { loginLimits } from '../../shared/domain/staff-auth/login-limits';
import type { Envelope } from '../../shared/errors';
import type { StaffAccount, StaffLoginResult } from '../../shared/schemas/staff-auth.schema';
import type { PublicUser } from '../../shared/schemas/user.schema';
import { openRacingClients, raceAll } from '../helpers/racing-clients';
import { createTestApp, expectOk, loginAs, snapshot, type TestApp } from '../helpers/test-app';

const ADMIN_LOGIN = 'bureau';
const ADMIN_PASSWORD = 'Bureau-first-1';
const STAFF_PASSWORD = 'Street-start-88';
const START = '2026-11-30T02:00:00.000Z'; // Monday 10:00 in Shanghai

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
/** Every reply of the test, to prove none carries a hash or a password. */
let replies: Envelope<unknown>[];

beforeEach(async () => {
  clock = manualClock(START);
  t = await createTestApp({ clock, env: { ADMIN_LOGIN, ADMIN_PASSWORD } });
  await t.app.repos.district.upsertStreet({ _id: 'st-nandajie', name: '南大街街道', escortDailyCapacity: 10 });
  replies = [];
});
afterEach(async () => {
  await t.close();
});

const at = (address: string): IdentitySource => ({ kind: 'bearer', token: null, clientAddress: address });

async function call(fn: string, event: Record<string, unknown>, identity: IdentitySource): Promise<Envelope<unknown>> {
  const reply = await t.call(fn, event, identity);
  replies.push(reply);
  return reply;
}

const login = (loginName: string, password: string, address = '10.0.0.1') => call('user', { action: 'staffLogin', loginName, password }, at(address));
const codeOf = (reply: Envelope<unknown>) => (reply.ok ? 'ok' : reply.error.code);

const ADMIN_CHANGED_PASSWORD = 'District-own-7';

/** The first admin's session, after the change of the configured password its first login asks for. */
async function adminToken(): Promise<string> {
  const first = expectOk<StaffLoginResult>(await login(ADMIN_LOGIN, ADMIN_PASSWORD));
  if (!first.mustChangePassword) return first.token;
  const changed = await call('user', { action: 'changePassword', currentPassword: ADMIN_PASSWORD, newPassword: ADMIN_CHANGED_PASSWORD }, { kind: 'bearer', token: first.token });
  return expectOk<{ token: string }>(changed).token;
}

async function createStaff(token: string, loginName = 'chen', extra: Record<string, unknown> = {}): Promise<StaffAccount> {
  const reply = await call(
    'admin',
    { action: 'createStaffAccount', name: '陈干事', phone: '13900000002', loginName, role: 'staff', streetId: 'st-nandajie', initialPassword: STAFF_PASSWORD, ...extra },
    { kind: 'bearer', token },
  );
  return expectOk<StaffAccount>(reply);
}

describe('accounts and the login', () => {
  it('the first admin comes from configuration and makes a staff account that signs in as staff of its 街道', async () => {
    const admin = expectOk<StaffLoginResult>(await login(ADMIN_LOGIN, ADMIN_PASSWORD));
    expect(admin.user.roles).toContain('admin');
    // A password read from the environment is to be changed at the first login.
    expect(admin.mustChangePassword).toBe(true);

    const changed = expectOk<{ token: string }>(
      await call('user', { action: 'changePassword', currentPassword: ADMIN_PASSWORD, newPassword: ADMIN_CHANGED_PASSWORD }, { kind: 'bearer', token: admin.token }),
    );
    const account = await createStaff(changed.token);
    expect(account).toMatchObject({ loginName: 'chen', mustChangePassword: true, lockedUntil: null });
    expect(account.user).toMatchObject({ name: '陈干事', phone: '13900000002', staffStreetId: 'st-nandajie' });

    const staff = expectOk<StaffLoginResult>(await login('Chen', STAFF_PASSWORD));
    expect(staff.mustChangePassword).toBe(true);
    const me = expectOk<PublicUser>(await call('user', { action: 'me' }, { kind: 'bearer', token: staff.token }));
    expect(me).toMatchObject({ id: account.user.id, name: '陈干事', staffStreetId: 'st-nandajie' });
    expect([...me.roles].sort()).toEqual(['resident', 'staff']);
  });

  it('a wrong password and an unknown name get one and the same answer', async () => {
    await createStaff(await adminToken());
    const wrong = await login('chen', 'not-the-password-1');
    const unknown = await login('nobody-here', 'not-the-password-1');
    expect(wrong).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: expect.any(String) } });
    expect(unknown).toEqual(wrong);
  });

  it('a staff account needs a 街道 that exists, and nothing is written without one', async () => {
    const token = await adminToken();
    const before = await snapshot(t.db);
    const noStreet = await call('admin', { action: 'createStaffAccount', name: '陈干事', phone: '13900000002', loginName: 'chen', role: 'staff', initialPassword: STAFF_PASSWORD }, { kind: 'bearer', token });
    expect(noStreet).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'streetId' }] } } });
    const unknown = await call('admin', { action: 'createStaffAccount', name: '陈干事', phone: '13900000002', loginName: 'chen', role: 'staff', streetId: 'st-nowhere', initialPassword: STAFF_PASSWORD }, { kind: 'bearer', token });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'streetId', message: '没有这个街道' }] } } });
    expect(await snapshot(t.db)).toEqual(before);
    // An admin account needs no 街道.
    const admin = expectOk<StaffAccount>(await call('admin', { action: 'createStaffAccount', name: '吴科长', phone: '13900000005', loginName: 'wu.kz', role: 'admin', initialPassword: 'Bureau-second-2' }, { kind: 'bearer', token }));
    expect(admin.user.roles).toContain('admin');
    expect(admin.user.staffStreetId).toBeNull();
  });

  it('a password can be given to an existing user (one who also uses WeChat), who keeps their profile', async () => {
    const token = await adminToken();
    const existing = await loginAs(t, 'wx-chen-openid');
    await t.call('user', { action: 'updateProfile', name: '陈干事本人' }, { kind: 'bearer', token: existing.token });
    const account = await createStaff(token, 'chen', { userId: existing.userId });
    expect(account.user).toMatchObject({ id: existing.userId, openid: 'wx-chen-openid', name: '陈干事本人', phone: '13900000002', staffStreetId: 'st-nandajie' });
    expect(expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD)).user.id).toBe(existing.userId);
    const again = await call('admin', { action: 'createStaffAccount', name: '陈干事', phone: '13900000002', loginName: 'chen2', role: 'staff', streetId: 'st-nandajie', userId: existing.userId, initialPassword: STAFF_PASSWORD }, { kind: 'bearer', token });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'userId' }] } } });
  });

  it('a second account with a taken login name is refused, also when two admins race for it', async () => {
    const token = await adminToken();
    const results = await raceAll(['陈一', '陈二', '陈三', '陈四'].map((name) => () =>
      call('admin', { action: 'createStaffAccount', name, phone: '13900000003', loginName: 'same', role: 'staff', streetId: 'st-nandajie', initialPassword: STAFF_PASSWORD }, { kind: 'bearer', token }),
    ));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(['LOGIN_NAME_TAKEN', 'LOGIN_NAME_TAKEN', 'LOGIN_NAME_TAKEN']);
    expect(await t.db.collection('staff_credentials').countDocuments({ _id: 'same' as never })).toBe(1);
    const staffUsers = await t.db.collection('users').find({ roles: 'staff' }).toArray();
    expect(staffUsers).toHaveLength(1);
  });

  it('only an admin makes accounts or resets passwords, and a refused call writes nothing', async () => {
    const token = await adminToken();
    const account = await createStaff(token);
    const staff = expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD));
    const resident = await loginAs(t, 'resident-x');
    const before = await snapshot(t.db);
    for (const who of [staff.token, resident.token]) {
      const create = await call('admin', { action: 'createStaffAccount', name: '冒名', phone: '13900000009', loginName: 'intruder', role: 'admin', initialPassword: 'Intruder-pw-1' }, { kind: 'bearer', token: who });
      expect(codeOf(create)).toBe('FORBIDDEN');
      const reset = await call('admin', { action: 'resetStaffPassword', userId: account.user.id, newPassword: 'Taken-over-1' }, { kind: 'bearer', token: who });
      expect(codeOf(reset)).toBe('FORBIDDEN');
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('lockout and rate limits', () => {
  it('five wrong passwords lock the account until 15 minutes after the last, and say when in Chinese', async () => {
    await createStaff(await adminToken());
    for (let i = 0; i < loginLimits.accountFailures - 1; i++) {
      expect(codeOf(await login('chen', `wrong-pass-${i}`))).toBe('BAD_CREDENTIALS');
      clock.advance(60_000);
    }
    const locking = await login('chen', 'wrong-pass-last');
    // 10:04 in Shanghai + 15 minutes.
    expect(locking).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', message: '密码错误次数太多，账号暂时锁定，请在 10:19 后再试。', details: { retryAt: '2026-11-30T02:19:00.000Z' } },
    });
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('ACCOUNT_LOCKED');
    clock.set('2026-11-30T02:18:59.000Z');
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('ACCOUNT_LOCKED');
    clock.set('2026-11-30T02:19:00.000Z');
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('ok');
    // The success cleared the count: four wrong ones are again only wrong.
    for (let i = 0; i < loginLimits.accountFailures - 1; i++) expect(codeOf(await login('chen', `wrong-again-${i}`))).toBe('BAD_CREDENTIALS');
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('ok');
  });

  it('50 wrong passwords at once from 50 clients check at most five and lock the account', async () => {
    await createStaff(await adminToken());
    const clients = await openRacingClients(t, 25, clock);
    try {
      const results = await raceAll(Array.from({ length: 50 }, (_, i) => () => {
        const client = clients[i % clients.length]!;
        // Each from its own address: the account's limit alone must hold them.
        return cloudFunctions.user!.invoke(client.app, { action: 'staffLogin', loginName: 'chen', password: `guess-${i}-x` }, at(`10.1.${i}.1`));
      }));
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(loginLimits.accountFailures - 1);
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(50 - (loginLimits.accountFailures - 1));
      // One ticket per password check, numbered below the limit: five checks, no more.
      const tickets = await t.db.collection('login_attempts').find({ pool: { $regex: '^acct:chen:' } }).toArray();
      expect(tickets.map((doc) => doc.n).sort()).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await clients.close();
    }
    const locked = await login('chen', STAFF_PASSWORD, '10.9.9.9');
    expect(codeOf(locked)).toBe('ACCOUNT_LOCKED');
    const retryAt = (locked as unknown as { error: { details: { retryAt: string } } }).error.details.retryAt;
    expect(new Date(retryAt).getTime()).toBe(new Date(START).getTime() + loginLimits.lockMs);
    clock.set(new Date(new Date(retryAt).getTime() - 1000));
    expect(codeOf(await login('chen', STAFF_PASSWORD, '10.9.9.9'))).toBe('ACCOUNT_LOCKED');
    clock.set(retryAt);
    expect(codeOf(await login('chen', STAFF_PASSWORD, '10.9.9.9'))).toBe('ok');
  });

  it('twenty failures from one address across accounts stop that address, not another, until the window ends', async () => {
    const token = await adminToken();
    await createStaff(token, 'chen');
    await createStaff(token, 'lisi', { name: '李干事', phone: '13900000004' });
    // Spread over two real accounts and unknown names, so no account locks: the address limit decides.
    const names = ['chen', 'lisi', 'ghost-a', 'ghost-b', 'ghost-c'];
    for (let i = 0; i < loginLimits.addressFailures; i++) expect(codeOf(await login(names[i % names.length]!, `wrong-${i}-pw`, '10.2.0.1'))).not.toBe('ok');
    const stopped = await login('chen', STAFF_PASSWORD, '10.2.0.1');
    expect(stopped).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAt: '2026-11-30T02:15:00.000Z' } } });
    expect((stopped as unknown as { error: { message: string } }).error.message).toContain('请在 10:15 后再试');
    expect(codeOf(await login('chen', STAFF_PASSWORD, '10.2.0.2'))).toBe('ok');
    clock.set('2026-11-30T02:15:00.000Z');
    expect(codeOf(await login('lisi', STAFF_PASSWORD, '10.2.0.1'))).toBe('ok');
  });

  it('successful logins do not count against their address (a street office behind one address)', async () => {
    await createStaff(await adminToken());
    for (let i = 0; i < loginLimits.addressFailures + 5; i++) expect(codeOf(await login('chen', STAFF_PASSWORD, '10.3.0.1'))).toBe('ok');
  });

  it('the per-address limit holds under a race: 40 wrong logins at once from one address check at most 20', async () => {
    await createStaff(await adminToken());
    const names = Array.from({ length: 40 }, (_, i) => `ghost-${i}`);
    const results = await raceAll(names.map((name) => () => login(name, 'wrong-pass-1', '10.4.0.1')));
    expect(results.map(codeOf).filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(loginLimits.addressFailures);
    expect(results.map(codeOf).filter((c) => c === 'RATE_LIMITED')).toHaveLength(40 - loginLimits.addressFailures);
  });

  it('the host takes the address from the connection, never from a header', async () => {
    await createStaff(await adminToken());
    const http: FastifyInstance = buildHttpApp({ app: t.app, functions: cloudFunctions });
    await http.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = http.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/user`;
      // A client naming a new address in X-Forwarded-For each time still comes from 127.0.0.1.
      const post = (password: string, forwardedFor: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ action: 'staffLogin', loginName: 'ghost', password }),
        });
      for (let i = 0; i < loginLimits.addressFailures; i++) expect((await post(`wrong-${i}-pw`, `198.51.100.${i}`)).status).toBe(401);
      const limited = await post('wrong-x-pw', '198.51.100.200');
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      // The limit is the connection's address: another one still gets its password checked.
      expect(codeOf(await login('chen', STAFF_PASSWORD, '192.0.2.8'))).toBe('ok');
    } finally {
      await http.close();
    }
  });

  it('the purge timer forgets tickets older than a day, and keeps newer ones', async () => {
    await createStaff(await adminToken());
    await login('chen', 'wrong-old-1', '10.5.0.1');
    await login('ghost-old', 'wrong-old-2', '10.5.0.1');
    clock.advance(25 * 60 * 60_000);
    await login('chen', 'wrong-new-1', '10.5.0.2');
    const purged = await cloudFunctions.user!.runTimer(t.app, 'purgeLoginAttempts');
    expect(purged).toEqual({ ok: true, data: { deleted: 3 } });
    const left = await t.db.collection('login_attempts').find({}).toArray();
    // The account's newer failure (numbered after the older one, taken before the purge) and its address ticket.
    const ids = left.map((doc) => String(doc._id)).sort();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe('acct:chen:0#1');
    expect(ids[1]).toMatch(/^addr:10\.5\.0\.2:\d+#0$/);
  });
});

describe('changing and resetting a password', () => {
  it('a session whose password must change first can do nothing else, on the server, until it does', async () => {
    await createStaff(await adminToken());
    const first = expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD));
    expect(first.mustChangePassword).toBe(true);
    const as = { kind: 'bearer', token: first.token } as const;
    const before = await snapshot(t.db);
    for (const [fn, event] of [
      ['staff', { action: 'streetBookings' }],
      ['user', { action: 'updateProfile', name: '改名' }],
      ['admin', { action: 'stats' }],
      ['notify', { action: 'list' }],
    ] as const) {
      expect(`${fn}.${event.action}: ${codeOf(await call(fn, event, as))}`).toBe(`${fn}.${event.action}: PASSWORD_CHANGE_REQUIRED`);
    }
    expect(await snapshot(t.db)).toEqual(before);
    // Who it is stays readable, so the app can send it to the change.
    expect(expectOk<PublicUser>(await call('user', { action: 'me' }, as)).name).toBe('陈干事');
    clock.advance(1000);
    const changed = expectOk<{ token: string }>(await call('user', { action: 'changePassword', currentPassword: STAFF_PASSWORD, newPassword: 'Brand-new-pw-7' }, as));
    expect(codeOf(await call('staff', { action: 'streetBookings' }, { kind: 'bearer', token: changed.token }))).toBe('ok');
    // The next login, with the password changed, is an ordinary session.
    const next = expectOk<StaffLoginResult>(await login('chen', 'Brand-new-pw-7'));
    expect(next.mustChangePassword).toBe(false);
    expect(codeOf(await call('staff', { action: 'streetBookings' }, { kind: 'bearer', token: next.token }))).toBe('ok');
  });

  it('an admin reset clears a lockout at once and asks for a change at the next login', async () => {
    const token = await adminToken();
    const account = await createStaff(token);
    const earlier = expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD)).token;
    clock.advance(1000);
    for (let i = 0; i < loginLimits.accountFailures; i++) await login('chen', `wrong-pass-${i}`);
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('ACCOUNT_LOCKED');
    const reset = expectOk<StaffAccount>(await call('admin', { action: 'resetStaffPassword', userId: account.user.id, newPassword: 'Fresh-start-22' }, { kind: 'bearer', token }));
    expect(reset).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    // A reset ends the account's sessions: whoever held one must sign in with the new password.
    expect(await call('user', { action: 'me' }, { kind: 'bearer', token: earlier })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'password changed' } } });
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('BAD_CREDENTIALS');
    expect(expectOk<StaffLoginResult>(await login('chen', 'Fresh-start-22')).mustChangePassword).toBe(true);
  });

  it('changePassword checks the current password and the rules, each with a plain message at its field', async () => {
    await createStaff(await adminToken());
    const { token } = expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD));
    const change = (currentPassword: string, newPassword: string) => call('user', { action: 'changePassword', currentPassword, newPassword }, { kind: 'bearer', token });
    const fieldOf = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.details?.fields?.[0]);

    for (const weak of ['12345678901', 'short1', 'abcdefghij', 'aaaaaaaa']) {
      const reply = await change(STAFF_PASSWORD, weak);
      expect(codeOf(reply)).toBe('VALIDATION_FAILED');
      expect(fieldOf(reply)).toEqual({ path: 'newPassword', message: expect.stringMatching(/^密码/) });
    }
    expect(fieldOf(await change(STAFF_PASSWORD, 'my-chen-pass-1'))).toEqual({ path: 'newPassword', message: '密码里不能包含账号' });
    expect(fieldOf(await change(STAFF_PASSWORD, STAFF_PASSWORD))).toEqual({ path: 'newPassword', message: '新密码不能和原密码一样' });
    expect(fieldOf(await change('not-current-1', 'Brand-new-pw-7'))).toEqual({ path: 'currentPassword', message: '原密码不对' });

    clock.advance(1000);
    const changed = expectOk<{ changedAt: string; token: string }>(await change(STAFF_PASSWORD, 'Brand-new-pw-7'));
    // The old session ends; the fresh token the change handed out goes on.
    expect(codeOf(await call('user', { action: 'me' }, { kind: 'bearer', token }))).toBe('UNAUTHENTICATED');
    expect(expectOk<PublicUser>(await call('user', { action: 'me' }, { kind: 'bearer', token: changed.token })).name).toBe('陈干事');
    expect(codeOf(await login('chen', STAFF_PASSWORD))).toBe('BAD_CREDENTIALS');
    expect(expectOk<StaffLoginResult>(await login('chen', 'Brand-new-pw-7')).mustChangePassword).toBe(false);
  });

  it('a resident, with no password, cannot call changePassword', async () => {
    const resident = await loginAs(t, 'resident-y');
    expect(codeOf(await call('user', { action: 'changePassword', currentPassword: 'x', newPassword: 'Brand-new-pw-7' }, { kind: 'bearer', token: resident.token }))).toBe('FORBIDDEN');
  });
});

describe('no password and no hash anywhere but the credential', () => {
  it('not in a reply, not in another collection, not in a log line, and a refused login stores nothing of it', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    try {
      const token = await adminToken();
      const account = await createStaff(token);
      const staff = expectOk<StaffLoginResult>(await login('chen', STAFF_PASSWORD));
      for (let i = 0; i < loginLimits.accountFailures + 1; i++) await login('chen', `Leaked-guess-${i}`);
      await login('unknown-name-zz', 'Leaked-guess-u');
      await call('admin', { action: 'resetStaffPassword', userId: account.user.id, newPassword: 'Reset-secret-9' }, { kind: 'bearer', token });
      await call('user', { action: 'changePassword', currentPassword: 'Reset-secret-9', newPassword: 'Changed-secret-9' }, { kind: 'bearer', token: staff.token });

      // Refused by shape (unknown key, operator, wrong type): nothing written, the password not echoed.
      const before = await snapshot(t.db);
      const refused = [
        await login('chen', 'Refused-secret-1').then(() => call('user', { action: 'staffLogin', loginName: 'chen', password: 'Refused-secret-2', extra: 1 }, at('10.0.0.1'))),
        await call('user', { action: 'staffLogin', loginName: { $gt: '' }, password: 'Refused-secret-3' }, at('10.0.0.1')),
        await call('user', { action: 'staffLogin', loginName: 'chen', password: 12345 }, at('10.0.0.1')),
      ];
      for (const reply of refused) expect(codeOf(reply)).toBe('VALIDATION_FAILED');
      const after = await snapshot(t.db);
      // The first refused call was preceded by one real (failed) login; the refused ones added nothing more.
      expect(Object.keys(after).filter((c) => c !== 'login_attempts' && c !== 'staff_credentials').map((c) => [c, after[c]])).toEqual(
        Object.keys(before).filter((c) => c !== 'login_attempts' && c !== 'staff_credentials').map((c) => [c, before[c]]),
      );

      const secrets = [ADMIN_PASSWORD, STAFF_PASSWORD, 'Leaked-guess', 'Reset-secret-9', 'Changed-secret-9', 'Refused-secret', '$argon2'];
      const everything = await snapshot(t.db);
      const outside = JSON.stringify(Object.entries(everything).filter(([name]) => name !== 'staff_credentials'));
      const credentials = JSON.stringify(everything.staff_credentials);
      const said = JSON.stringify(replies);
      for (const secret of secrets) {
        expect([secret, said.includes(secret)]).toEqual([secret, false]);
        expect([secret, outside.includes(secret)]).toEqual([secret, false]);
        expect([secret, logged.some((line) => line.includes(secret))]).toEqual([secret, false]);
      }
      // The credential keeps a hash, never the password itself; an unknown name typed at login is kept nowhere.
      expect(credentials).toContain('$argon2id$v=19$m=19456,t=2,p=1$');
      for (const secret of secrets.slice(0, -1)) expect([secret, credentials.includes(secret)]).toEqual([secret, false]);
      expect(JSON.stringify(everything).includes('unknown-name-zz')).toBe(false);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
