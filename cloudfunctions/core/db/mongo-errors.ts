import { MongoServerError } from 'mongodb';

/** E11000: the unique-key insert that every concurrency invariant rests on lost its race. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
