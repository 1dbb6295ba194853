import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * ID numbers at rest: AES-256-GCM with a fresh 12-byte nonce per value and the owner's user id as
 * additional data, so a ciphertext copied onto another person's record does not open. Stored as
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url): the version lets a later key or scheme sit beside it.
 */
const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key from config (`ID_NUMBER_KEY`, base64 or base64url). */
export function parseIdNumberKey(encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error('ID_NUMBER_KEY must be 32 bytes, base64-encoded');
  return key;
}

export function generateIdNumberKey(): string {
  return randomBytes(32).toString('base64');
}

export class IdNumberCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('an AES-256 key is 32 bytes');
    this.key = key;
  }

  seal(plain: string, ownerId: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(ownerId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The plain value; throws when the value was altered, sealed for another owner or with another key. */
  open(sealed: string, ownerId: string): string {
    const [version, nonce, tag, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !nonce || !tag || body === undefined || rest.length > 0) throw new Error('not a sealed ID number');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(ownerId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
