/**
 * Builds every cloud function as WeChat Cloud would receive it, loads each bundle from disk in a
 * fresh Node process (as a function instance starts) and calls its main with a WeChat-like
 * invocation: the real wx-server-sdk reads the caller from the WX_* environment variables the
 * platform sets, and the bundle reaches the real local engine.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { buildFunctions, type BuiltFunction } from '../../scripts/build-functions';
import { engineUri } from '../helpers/test-app';

jest.setTimeout(120_000);

let out: string;
let built: BuiltFunction[];
const dbName = `t_bundles_${Date.now().toString(36)}`;
let wechatEnv: Record<string, string>;

beforeAll(async () => {
  // Inside the repository so `require('wx-server-sdk')` resolves to the installed SDK, as it does
  // in WeChat Cloud where the platform installs it from the function's package.json.
  const parent = resolve(__dirname, '../../build/test-bundles');
  mkdirSync(parent, { recursive: true });
  out = mkdtempSync(join(parent, 'cloudfunctions-'));
  built = await buildFunctions(out);
  wechatEnv = {
    MONGODB_URI: engineUri(),
    DB_NAME: dbName,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: 'oWeChatCaller123',
    WX_APPID: 'wx-test-appid',
    WX_UNIONID: '',
    TCB_ENV: 'test-env',
  };
});

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  const client = new MongoClient(engineUri());
  await client.connect();
  await client.db(dbName).dropDatabase();
  await client.close();
});

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

const runner = `
const [file, event, context] = process.argv.slice(1);
require(file).main(JSON.parse(event), JSON.parse(context))
  .then((reply) => { process.stdout.write(JSON.stringify(reply)); process.exit(0); })
  .catch((error) => { console.error(error); process.exit(1); });
`;

/** Calls a built bundle's main in a new Node process with the WeChat environment. */
function load(name: string, env: Record<string, string> = {}): Main {
  const file = join(out, name, 'index.js');
  return async (event, context) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', runner, file, JSON.stringify(event), JSON.stringify(context)], {
      env: { PATH: process.env.PATH ?? '', ...wechatEnv, ...env },
    });
    return JSON.parse(stdout);
  };
}

const wechatContext = { callbackWaitsForEmptyEventLoop: false, memory_limit_in_mb: 256, time_limit_in_ms: 3000, request_id: 'req-1', environ: '', function_version: '$LATEST', function_name: 'user', namespace: 'test-env' };

describe('built cloud functions', () => {
  it('emits index.js, package.json and config.json for each function', () => {
    expect(built.map((b) => b.name).sort()).toEqual(['admin', 'booking', 'catalog', 'notify', 'provider', 'staff', 'user', 'volunteer']);
    for (const fn of built) {
      for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(fn.dir, file))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(fn.dir, 'package.json'), 'utf8'));
      expect(pkg.main).toBe('index.js');
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk', '@node-rs/argon2']);
      const config = JSON.parse(readFileSync(join(fn.dir, 'config.json'), 'utf8'));
      expect(config).toHaveProperty('permissions.openapi');
      expect(Array.isArray(config.triggers)).toBe(true);
      // Self-contained and small: one file, no node_modules beside it.
      expect(existsSync(join(fn.dir, 'node_modules'))).toBe(false);
      expect(fn.bytes).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('user.main names the caller from the WeChat context, not the event', async () => {
    const main = load('user');
    const me = await main({ action: 'me', openid: 'someone-else', userInfo: { openId: 'someone-else', appId: 'x' } }, wechatContext);
    expect(me).toMatchObject({ ok: true, data: { openid: 'oWeChatCaller123', roles: ['resident'] } });
    const login = await main({ action: 'login', code: 'ignored-inside-wechat' }, wechatContext);
    expect(login).toMatchObject({ ok: true, data: { user: { openid: 'oWeChatCaller123' } } });
  });

  it('user.main rejects malformed events with VALIDATION_FAILED', async () => {
    const main = load('user');
    expect(await main({ action: 'updateProfile', phone: { $gt: '' } }, wechatContext)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('admin.main refuses a caller who is not an admin', async () => {
    const main = load('admin');
    expect(await main({ action: 'grantRoles', userId: 'u1', roles: ['admin'] }, wechatContext)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('without a WeChat caller, main answers UNAUTHENTICATED', async () => {
    expect(await load('user', { WX_CONTEXT_KEYS: '' })({ action: 'me' }, wechatContext)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
