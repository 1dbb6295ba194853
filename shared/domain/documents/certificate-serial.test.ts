import {
  CERTIFICATE_SERIAL_ALPHABET,
  CERTIFICATE_SERIAL_RANDOM_BYTES,
  certificateFileName,
  certificateSerial,
  certificateVerifyUrl,
  isCertificateSerial,
  streetOfficeName,
} from './certificate-serial';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('certificate serials', () => {
  it('reads ZS-<year>-XXXX-XXXX from the alphabet without look-alikes', () => {
    expect(certificateSerial(2026, bytes(0, 1, 2, 3, 4, 5, 6, 7))).toBe('ZS-2026-2345-6789');
    expect(CERTIFICATE_SERIAL_ALPHABET).not.toMatch(/[01OIL]/);
    expect(isCertificateSerial('ZS-2026-2345-6789')).toBe(true);
  });

  it('skips bytes that would favour the first letters, and refuses too few', () => {
    expect(certificateSerial(2026, bytes(255, 248, 0, 1, 2, 3, 4, 5, 6, 30))).toBe('ZS-2026-2345-678Z');
    expect(() => certificateSerial(2026, bytes(0, 1, 2))).toThrow(/random bytes/);
    expect(CERTIFICATE_SERIAL_RANDOM_BYTES).toBeGreaterThanOrEqual(16);
  });

  it.each(['', 'ZS-2026-2345-678', 'ZS-2026-2345-67890', 'ZS-26-2345-6789', 'ZS-2026-0345-6789', 'zs-2026-2345-6789', 'ZS-2026-2345-6789\n', 'XX-2026-2345-6789'])(
    'refuses %j',
    (value) => expect(isCertificateSerial(value)).toBe(false),
  );

  it('builds the verification URL from the base, with or without a trailing slash', () => {
    expect(certificateVerifyUrl('https://mz.example.cn/', 'ZS-2026-2345-6789')).toBe('https://mz.example.cn/verify/ZS-2026-2345-6789');
    expect(certificateVerifyUrl('http://127.0.0.1:3000', 'ZS-2026-2345-6789')).toBe('http://127.0.0.1:3000/verify/ZS-2026-2345-6789');
  });

  it('names the street office and the file', () => {
    expect(streetOfficeName('南大街街道')).toBe('南大街街道办事处');
    expect(streetOfficeName('南大街街道办事处')).toBe('南大街街道办事处');
    expect(certificateFileName('ZS-2026-2345-6789')).toBe('certificate-ZS-2026-2345-6789.pdf');
  });
});
