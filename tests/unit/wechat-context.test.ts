/**
 * The OPENID a function reads from WeChat Cloud's environment is the one wx-server-sdk's
 * getWXContext gives (the installed SDK, called on the same environment), for a caller, for no
 * caller, and for the values the platform must never pass through.
 */
import { readWeChatOpenid } from '../../cloudfunctions/core/runtime/wechat-context';

type Sdk = { getWXContext(context?: unknown): { OPENID?: unknown } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as Sdk;

const cases: [string, Record<string, string>][] = [
  ['a WeChat caller', { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: 'oWeChatCaller123', WX_APPID: 'wx-app', WX_UNIONID: '' }],
  ['no context keys', { WX_OPENID: 'oWeChatCaller123' }],
  ['empty context keys', { WX_CONTEXT_KEYS: '', WX_OPENID: 'oWeChatCaller123' }],
  ['keys without the OPENID', { WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: 'wx-app', WX_OPENID: 'oWeChatCaller123' }],
  ['the OPENID key named but unset', { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx-app' }],
  ['an all-digit OPENID', { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '12345' }],
];

describe.each(cases)('%s', (_title, env) => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('WX_')) delete process.env[key];
    Object.assign(process.env, env);
  });
  afterEach(() => {
    process.env = saved;
  });

  it('reads the OPENID wx-server-sdk reads', () => {
    const fromSdk = sdk.getWXContext({}).OPENID;
    expect(readWeChatOpenid({ environ: 'WX_OPENID=someone-else' })).toBe(typeof fromSdk === 'string' && fromSdk !== '' ? fromSdk : null);
  });
});

it('names the caller the platform set, whatever the context argument says', () => {
  expect(readWeChatOpenid({ environ: 'WX_OPENID=someone-else' }, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'oWeChatCaller123' })).toBe('oWeChatCaller123');
});

it('refuses an OPENID that is not one (the SDK would pass it through)', () => {
  expect(readWeChatOpenid({}, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '{"$gt":""}' })).toBeNull();
  expect(readWeChatOpenid({}, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o'.repeat(65) })).toBeNull();
});
