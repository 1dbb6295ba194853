import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

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

/**
 * The database could not be reached (engine down or restarting, network cut): the operation may not
 * have run, and the caller can send the same request again once it is back. Idempotent creates and
 * transition records make that retry safe.
 */
export function isEngineUnreachableError(error: unknown): boolean {
  // A pool cleared after a network error (PoolClearedError) is a MongoNetworkError too.
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  );
}

/**
 * A connection broke under an operation while the engine could still be selected: a pooled socket
 * left over from before an engine restart, or a pool the driver's monitor cleared a moment after one
 * (it notices a dead engine only at its next heartbeat, up to 10 s later). The engine is likely back,
 * so one more try on a fresh connection is worth it; an unselectable engine (server selection timed
 * out) is not retried, since that already waited.
 */
export function isBrokenConnectionError(error: unknown): boolean {
  return error instanceof MongoNetworkError || error instanceof MongoServerClosedError;
}
