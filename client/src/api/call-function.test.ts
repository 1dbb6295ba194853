import { z } from 'zod';
import { errorMessages } from '../../../shared/errors/error-codes';
import { resetTaroMock } from '../../test/taro.mock';
import { ApiError, isRetryable } from './api-error';
import { callFunction } from './call-function';
import { onSessionExpired, readSession, saveSession } from './session-store';
import { userApi } from './user.api';

// Only the network is replaced: fetch answers as the host would (or fails as a network does).
const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();

// jsdom has no Response; the transport reads only `status` and `text()`.
function reply(status: number, body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, ok: status < 400, text: async () => text } as Response;
}

const user = {
  id: 'u1',
  openid: 'demo-resident-1',
  name: '王阿姨',
  phone: null,
  communityId: null,
  elderMode: false,
  roles: ['resident'],
  staffStreetId: null,
  createdAt: '2025-11-29T00:00:00.000Z',
};

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  resetTaroMock();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('callFunction', () => {
  it('posts { action, ...payload } to /api/<function> and returns the parsed data', async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: user }));

    const result = await userApi.me();

    // A reply from before the profile had an address reads as no address.
    expect(result).toEqual({ ...user, address: null });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/user');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ action: 'me' });
  });

  it('sends the stored session token as a bearer token', async () => {
    saveSession({ token: 'tok-1', expiresAt: '2099-01-01T00:00:00.000Z' });
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: user }));

    await userApi.me();

    const headers = fetchMock.mock.calls[0]![1].headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok-1');
  });

  it('sends no Authorization header without a session, nor with an expired one', async () => {
    saveSession({ token: 'old', expiresAt: '2000-01-01T00:00:00.000Z' });
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: user }));

    await userApi.me();

    const headers = fetchMock.mock.calls[0]![1].headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
  });

  it('never lets the payload replace the action name', async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: null }));

    await callFunction('user', 'me', { action: 'devLogin' }, z.null());

    expect(JSON.parse(String(fetchMock.mock.calls[0]![1].body))).toEqual({ action: 'me' });
  });
});

describe('error mapping', () => {
  it('turns a failure envelope into an ApiError with the code and the shared Chinese message', async () => {
    fetchMock.mockResolvedValue(reply(409, { ok: false, error: { code: 'SLOT_FULL', message: 'slot is full' } }));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('SLOT_FULL');
    expect(error.message).toBe(errorMessages.SLOT_FULL);
  });

  it('keeps the field messages of VALIDATION_FAILED, keyed by path', async () => {
    fetchMock.mockResolvedValue(
      reply(400, {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: errorMessages.VALIDATION_FAILED,
          details: { fields: [{ path: 'phone', message: '请填写 11 位手机号' }] },
        },
      }),
    );

    const error = await failureOf(userApi.updateProfile({ phone: '123' }));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors()).toEqual({ phone: '请填写 11 位手机号' });
    expect(isRetryable(error)).toBe(false);
  });

  it('maps a code this client does not know to INTERNAL, keeping the server sentence', async () => {
    fetchMock.mockResolvedValue(reply(400, { ok: false, error: { code: 'SOMETHING_NEW', message: '新的错误说明' } }));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('新的错误说明');
    expect(error.details?.serverCode).toBe('SOMETHING_NEW');
  });

  it('reports a failed connection as NETWORK with a retry-able message', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('网络连接不上，请检查网络后重试');
    expect(isRetryable(error)).toBe(true);
  });

  it("reports the host's own 503 (database briefly unreachable) as SERVICE_UNAVAILABLE, to be tried again", async () => {
    fetchMock.mockResolvedValue(reply(503, { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: errorMessages.SERVICE_UNAVAILABLE } }));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toBe('服务暂时不可用，请过一会儿再试。');
    expect(isRetryable(error)).toBe(true);
  });

  it('reports a gateway page (host down behind a proxy) as NETWORK', async () => {
    fetchMock.mockResolvedValue(reply(502, '<html>Bad Gateway</html>'));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('NETWORK');
  });

  it('reports a reply that is not an envelope as BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValue(reply(200, '<html>not our host</html>'));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('BAD_RESPONSE');
    expect(isRetryable(error)).toBe(true);
  });

  it('reports data that does not match the shared schema as BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: { ...user, roles: 'resident' } }));

    const error = await failureOf(userApi.me());

    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('forgets an expired token when the server says UNAUTHENTICATED, and tells the session', async () => {
    saveSession({ token: 'tok-1', expiresAt: '2099-01-01T00:00:00.000Z' });
    const expired = jest.fn();
    const stop = onSessionExpired(expired);
    fetchMock.mockResolvedValue(reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } }));

    const error = await failureOf(userApi.me());
    stop();

    expect(error.code).toBe('UNAUTHENTICATED');
    expect(readSession()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
