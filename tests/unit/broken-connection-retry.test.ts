import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { z } from 'zod';
import { defineFunction } from '../../cloudfunctions/core/runtime/define-function';
import type { App } from '../../cloudfunctions/core/runtime/app';

// A public action never touches the app before its run, so none is needed to test the runtime's
// answer to the driver's errors.
const noApp = {} as App;
const bearer = { kind: 'bearer', token: null } as const;

function functionFailing(errors: Error[]) {
  const calls: number[] = [];
  const fn = defineFunction('probe', {
    ping: {
      input: z.object({}).strict(),
      access: 'public',
      run: async () => {
        calls.push(calls.length + 1);
        const error = errors.shift();
        if (error) throw error;
        return { pong: calls.length };
      },
    },
  });
  return { fn, calls };
}

describe('a connection that breaks under a call', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('is tried once more on a fresh connection, and the caller gets the answer', async () => {
    const { fn, calls } = functionFailing([new MongoNetworkError('read ECONNRESET')]);
    await expect(fn.invoke(noApp, { action: 'ping' }, bearer)).resolves.toEqual({ ok: true, data: { pong: 2 } });
    expect(calls).toEqual([1, 2]);
  });

  it('answers SERVICE_UNAVAILABLE when it breaks twice, after two tries only', async () => {
    const { fn, calls } = functionFailing([new MongoNetworkError('read ECONNRESET'), new MongoNetworkError('connection 7 closed')]);
    const reply = await fn.invoke(noApp, { action: 'ping' }, bearer);
    expect(reply).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(calls).toEqual([1, 2]);
  });

  it('is not retried when the engine could not be selected at all (that call already waited)', async () => {
    const { fn, calls } = functionFailing([new MongoServerSelectionError('Server selection timed out after 5000 ms', { type: 'Unknown' } as never)]);
    const reply = await fn.invoke(noApp, { action: 'ping' }, bearer);
    expect(reply).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(calls).toEqual([1]);
  });

  it('never repeats a call that failed for another reason', async () => {
    const { fn, calls } = functionFailing([new Error('a bug of ours')]);
    const reply = await fn.invoke(noApp, { action: 'ping' }, bearer);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(calls).toEqual([1]);
  });
});
