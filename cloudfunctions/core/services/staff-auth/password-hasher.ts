import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended parameter set (Password Storage Cheat Sheet): 19 MiB of
 * memory (m=19456 KiB), 2 passes (t=2), one lane (p=1); about 60 ms a hash on this machine. The
 * parameters and salt travel inside the PHC string, so raising them later still verifies old hashes.
 * `@node-rs/argon2` runs on libuv's thread pool (prebuilt binaries, no compiler), so parallel logins
 * queue there instead of each taking 19 MiB at once.
 */
// The package declares Algorithm as a `const enum`, which isolatedModules cannot read at run time.
const ARGON2ID = 2 as Algorithm.Argon2id;
export const argon2Options: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/** False for a wrong password and for anything that is not an argon2 hash (never throws on it). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * A hash of a random password, checked when the login name is unknown so that an unknown name
 * costs the same time as a wrong password and the answer's timing does not tell which it was.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

