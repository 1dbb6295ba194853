import { IdNumberCipher, generateIdNumberKey, parseIdNumberKey } from './id-number-crypto';

const ID = '11010519491231002X';

describe('IdNumberCipher', () => {
  const sut = new IdNumberCipher(parseIdNumberKey(generateIdNumberKey()));

  it('opens what it sealed, and never stores the number in the clear', () => {
    const sealed = sut.seal(ID, 'u1');
    expect(sealed).not.toContain(ID);
    expect(sealed).not.toContain('19491231');
    expect(sut.open(sealed, 'u1')).toBe(ID);
  });

  it('uses a fresh nonce each time', () => {
    expect(sut.seal(ID, 'u1')).not.toBe(sut.seal(ID, 'u1'));
  });

  it('refuses a ciphertext with one byte changed', () => {
    const [v, nonce, tag, body] = sut.seal(ID, 'u1').split('.') as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = bytes[0]! ^ 0x01;
    expect(() => sut.open([v, nonce, tag, bytes.toString('base64url')].join('.'), 'u1')).toThrow();
  });

  it('refuses a changed tag or nonce', () => {
    const [v, nonce, tag, body] = sut.seal(ID, 'u1').split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const b = Buffer.from(part, 'base64url');
      b[b.length - 1] = b[b.length - 1]! ^ 0x80;
      return b.toString('base64url');
    };
    expect(() => sut.open([v, nonce, flip(tag), body].join('.'), 'u1')).toThrow();
    expect(() => sut.open([v, flip(nonce), tag, body].join('.'), 'u1')).toThrow();
  });

  it('refuses a ciphertext moved onto another person', () => {
    expect(() => sut.open(sut.seal(ID, 'u1'), 'u2')).toThrow();
  });

  it('refuses another key', () => {
    const other = new IdNumberCipher(parseIdNumberKey(generateIdNumberKey()));
    expect(() => other.open(sut.seal(ID, 'u1'), 'u1')).toThrow();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => parseIdNumberKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
