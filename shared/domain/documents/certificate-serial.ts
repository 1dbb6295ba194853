/**
 * The serial of a 志愿服务记录证明: `ZS-<year of issue>-XXXX-XXXX`, eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), read aloud or typed from paper without mistakes.
 *
 * Random rather than counted: the serial is also the key of a public page (/verify/<serial>), and a
 * counted serial would let anyone walk every certificate of the district. 31^8 ≈ 8.5 × 10^11 serials a
 * year; uniqueness rests on the serial being the record's `_id` (a collision is retried).
 */
export const CERTIFICATE_SERIAL_PREFIX = 'ZS';
export const CERTIFICATE_SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_CHARS = 8;

export const CERTIFICATE_SERIAL_PATTERN = new RegExp(`^${CERTIFICATE_SERIAL_PREFIX}-\\d{4}-[${CERTIFICATE_SERIAL_ALPHABET}]{4}-[${CERTIFICATE_SERIAL_ALPHABET}]{4}$`);

/**
 * How many random bytes to draw for one serial (the caller draws them: shared code has no
 * randomness). Twice the characters, since bytes of 248 and above are skipped.
 */
export const CERTIFICATE_SERIAL_RANDOM_BYTES = 2 * RANDOM_CHARS;

/** The serial for `year` from `random` (248 of 256 byte values used, so no letter is favoured). */
export function certificateSerial(year: number, random: Uint8Array): string {
  let chars = '';
  for (const byte of random) {
    // Bytes above the last whole multiple of the alphabet would favour its first letters.
    if (byte >= 248) continue;
    chars += CERTIFICATE_SERIAL_ALPHABET[byte % CERTIFICATE_SERIAL_ALPHABET.length];
    if (chars.length === RANDOM_CHARS) break;
  }
  if (chars.length < RANDOM_CHARS) throw new Error('not enough random bytes for a certificate serial');
  return `${CERTIFICATE_SERIAL_PREFIX}-${year}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function isCertificateSerial(value: string): boolean {
  return CERTIFICATE_SERIAL_PATTERN.test(value);
}

/** The public page a certificate's QR code opens: `<publicBaseUrl>/verify/<serial>`. */
export function certificateVerifyUrl(publicBaseUrl: string, serial: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(serial)}`;
}

/** The only ID type the registration takes (居民身份证), printed beside its masked number. */
export const CERTIFICATE_ID_TYPE = '居民身份证';

/** The issuing unit of a 街道: its office, e.g. 南大街街道 → 南大街街道办事处. */
export function streetOfficeName(streetName: string): string {
  return streetName.endsWith('办事处') ? streetName : `${streetName}办事处`;
}

/** The file a certificate downloads as: plain ASCII, so every platform's file system takes it. */
export function certificateFileName(serial: string): string {
  return `certificate-${serial}.pdf`;
}
