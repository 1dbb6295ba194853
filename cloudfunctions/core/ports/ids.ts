import { randomBytes } from 'node:crypto';

export type IdGenerator = { next(prefix?: string): string };

const alphabet = '0123456789abcdefghijkmnpqrstuvwxyz';

/** Time-ordered, unguessable ids: 9 characters of milliseconds then 14 random ones. */
export const randomIds: IdGenerator = {
  next(prefix = '') {
    const time = Date.now().toString(36).padStart(9, '0');
    const bytes = randomBytes(14);
    let random = '';
    for (const byte of bytes) random += alphabet[byte % alphabet.length];
    return `${prefix}${time}${random}`;
  },
};
