import { argon2idPhcPattern, passwordProblem } from './password-rules';
import { districtClockOf, loginKeyOf, passwordOpenidOf, retryAtOf, addressTicketPrefix, addressWindowEnd } from './login-limits';

describe('password rules', () => {
  it.each([
    ['Street-start-88'],
    ['abc12345'],
    ['密码abcd1234'],
    ['pass-word1'],
  ])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it.each([
    ['short1a', '密码至少要 8 位'],
    ['a1'.repeat(33), '密码最多 64 位'],
    ['12345678', '密码不能全是数字，请加上字母'],
    ['13900000002', '密码不能全是数字，请加上字母'],
    ['aaaaaaaaaa', '密码不能是同一个字重复'],
    ['abcdefghij', '密码要有字母，也要有数字或符号'],
    ['!!!!????##', '密码要有字母，也要有数字或符号'],
    ['with space1', '密码里不能有空格'],
  ])('refuses %s: %s', (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it('refuses a password that contains the login name, in any case', () => {
    expect(passwordProblem('MyChen-2026', 'chen')).toBe('密码里不能包含账号');
    expect(passwordProblem('MyChen-2026', 'lisi')).toBeNull();
  });

  it('knows an argon2id hash from other strings', () => {
    expect(argon2idPhcPattern.test('$argon2id$v=19$m=19456,t=2,p=1$KDUOP58cQyDvcJDyGHXjyA$ZNOTixR/ujDW3cZPGXqEBZzWYSMdKxv6ltMQn4zhhes')).toBe(true);
    expect(argon2idPhcPattern.test('$argon2i$v=19$m=19456,t=2,p=1$KDUOP58cQyDvcJDyGHXjyA$ZNOTixR')).toBe(false);
    expect(argon2idPhcPattern.test('plain-password-1')).toBe(false);
  });
});

describe('login limits', () => {
  it('compares login names without case and gives password users an openid no WeChat one can be', () => {
    expect(loginKeyOf(' Chen.Gan ')).toBe('chen.gan');
    expect(passwordOpenidOf('chen')).toBe('pw:chen');
    expect(/^[A-Za-z0-9_-]{1,64}$/.test(passwordOpenidOf('chen'))).toBe(false);
  });

  it('says the retry time in the district, rounded up to the minute', () => {
    const until = new Date('2026-11-30T02:19:00.001Z');
    expect(retryAtOf(until).toISOString()).toBe('2026-11-30T02:20:00.000Z');
    expect(retryAtOf(new Date('2026-11-30T02:19:00.000Z')).toISOString()).toBe('2026-11-30T02:19:00.000Z');
    expect(districtClockOf(new Date('2026-11-30T02:19:00.000Z'))).toBe('10:19');
    expect(districtClockOf(new Date('2026-11-30T16:05:00.000Z'))).toBe('00:05');
  });

  it('puts an address into fixed 15-minute windows', () => {
    const at = new Date('2026-11-30T02:14:59.999Z');
    expect(addressTicketPrefix('10.0.0.1', at)).toBe(`addr:10.0.0.1:${Date.parse('2026-11-30T02:00:00.000Z')}#`);
    expect(addressWindowEnd(at).toISOString()).toBe('2026-11-30T02:15:00.000Z');
    expect(addressTicketPrefix('10.0.0.1', new Date('2026-11-30T02:15:00.000Z'))).toBe(`addr:10.0.0.1:${Date.parse('2026-11-30T02:15:00.000Z')}#`);
  });
});
