import { passwordProblem } from '../../../../shared/domain/staff-auth/password-rules';
import { oneTimePassword } from './one-time-password';

describe('a one-time password', () => {
  it('follows the password rules, reads out plainly and differs each time', async () => {
    const made = await Promise.all(Array.from({ length: 50 }, () => oneTimePassword('chen')));
    for (const password of made) {
      expect(password).toMatch(/^[a-hjkmnp-z]{4}[2-9]{4}[a-hjkmnp-z]{2}$/);
      expect(passwordProblem(password, 'chen')).toBeNull();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});

describe('a one-time password in the mini-program', () => {
  it('takes its random bytes from WeChat when there is no Web Crypto', async () => {
    const { default: Taro } = await import('@tarojs/taro');
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    const asked: number[] = [];
    const taro = Taro as unknown as { getRandomValues?: (options: { length: number }) => Promise<{ randomValues: ArrayBuffer }> };
    taro.getRandomValues = async ({ length }) => {
      asked.push(length);
      return { randomValues: Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256).buffer };
    };
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const password = await oneTimePassword();
      expect(asked).toEqual([40]);
      expect(passwordProblem(password)).toBeNull();
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
      delete taro.getRandomValues;
    }
  });
});
