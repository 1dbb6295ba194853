import { InFlight } from './in-flight';

/** A read that answers when told to, counting how often it was started. */
function gatedRead() {
  let started = 0;
  let open: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const read = () => {
    started += 1;
    return new Promise<string>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
  };
  return { read, started: () => started, open: (value: string) => open(value), fail: (error: Error) => fail(error) };
}

describe('InFlight', () => {
  it('gives callers of one key at the same time one read, and other keys their own', async () => {
    const shared = new InFlight<string>();
    const gate = gatedRead();
    const other = gatedRead();
    const a = shared.run('2026', gate.read);
    const b = shared.run('2026', gate.read);
    const c = shared.run('2025', other.read);
    expect(gate.started()).toBe(1);
    expect(other.started()).toBe(1);
    gate.open('rows of 2026');
    other.open('rows of 2025');
    await expect(Promise.all([a, b, c])).resolves.toEqual(['rows of 2026', 'rows of 2026', 'rows of 2025']);
  });

  it('reads again once the read has ended, after an answer or a failure', async () => {
    const shared = new InFlight<string>();
    const gate = gatedRead();
    const first = shared.run('day', gate.read);
    gate.fail(new Error('engine gone'));
    await expect(first).rejects.toThrow('engine gone');
    const second = shared.run('day', gate.read);
    expect(gate.started()).toBe(2);
    gate.open('counted');
    await expect(second).resolves.toBe('counted');
    const third = shared.run('day', gate.read);
    expect(gate.started()).toBe(3);
    gate.open('counted again');
    await expect(third).resolves.toBe('counted again');
  });
});
