import Taro from '@tarojs/taro';
import { passwordProblem } from '../../../../shared/domain/staff-auth/password-rules';

/** Letters and digits that cannot be mistaken for one another when read out over the phone (no 0/O, 1/l/I). */
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';

/** Cryptographically random bytes: the browser's Web Crypto, else WeChat's getRandomValues. */
async function randomBytes(count: number): Promise<Uint8Array> {
  // `typeof` first: the mini-program's engine has no `crypto` (nor, on older base libraries, `globalThis`).
  const webCrypto = typeof crypto === 'undefined' ? undefined : (crypto as { getRandomValues?: (array: Uint8Array) => Uint8Array });
  if (webCrypto?.getRandomValues) return webCrypto.getRandomValues(new Uint8Array(count));
  return new Uint8Array((await Taro.getRandomValues({ length: count })).randomValues);
}

/**
 * A first or reset password the admin reads out once: four letters, four digits, two letters
 * (e.g. `hkmp-4827-rt` without dashes), which passes the password rules; the person must change it
 * at their next login. Bytes past a multiple of the alphabet are redrawn, so no character is likelier.
 */
export async function oneTimePassword(loginName?: string): Promise<string> {
  for (;;) {
    const pattern = [LETTERS, LETTERS, LETTERS, LETTERS, DIGITS, DIGITS, DIGITS, DIGITS, LETTERS, LETTERS];
    const bytes = await randomBytes(pattern.length * 4);
    let cursor = 0;
    const out = pattern.map((alphabet) => {
      const limit = 256 - (256 % alphabet.length);
      while (cursor < bytes.length && bytes[cursor]! >= limit) cursor += 1;
      const byte = bytes[cursor++];
      return byte === undefined ? null : alphabet[byte % alphabet.length]!;
    });
    if (out.every((c): c is string => c !== null)) {
      const password = out.join('');
      if (passwordProblem(password, loginName) === null) return password;
    }
  }
}
