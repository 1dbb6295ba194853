import { MongoServerError } from 'mongodb';

/** E11000: the unique-key insert that every concurrency invariant rests on lost its race. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/**
 * FerretDB over SQLite answers a write that meets another writer's lock with InternalError
 * "database is locked (SQLITE_BUSY)". The statement did not take effect, so it is safe to send again.
 */
export function isTransientEngineError(error: unknown): boolean {
  return error instanceof MongoServerError && /SQLITE_BUSY|database is locked/.test(error.message);
}
