import { afterReply, replyFirst } from './after-reply';

describe('after-reply work', () => {
  it('runs queued work only once the reply is ready, in order, and a failing task neither rejects nor stops the rest', async () => {
    const done: string[] = [];
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result, afterReply: rest } = await replyFirst(async () => {
      await afterReply(async () => void done.push('first'));
      await afterReply(async () => {
        throw new Error('engine gone');
      });
      await afterReply(async () => void done.push('third'));
      done.push('reply');
      return 42;
    });
    expect(result).toBe(42);
    // Nothing queued ran while the call was still making its reply.
    expect(done[0]).toBe('reply');
    await expect(rest).resolves.toBeUndefined();
    expect(done).toEqual(['reply', 'first', 'third']);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('runs the work at once outside a call', async () => {
    const done: string[] = [];
    await afterReply(async () => void done.push('now'));
    expect(done).toEqual(['now']);
  });
});
