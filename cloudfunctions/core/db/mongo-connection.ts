import { MongoClient, type Db } from 'mongodb';

/** The database handle the composition root passes to repositories, without importing the driver itself. */
export type { Db };

export type DbHandle = { client: MongoClient; db: Db; close(): Promise<void> };

/**
 * One pooled client per URI and database for the life of the process: a cloud function instance
 * and the local host both reuse it across invocations.
 */
const handles = new Map<string, Promise<DbHandle>>();

export const SERVER_SELECTION_TIMEOUT_MS = 5_000;

/** True when the database answers a ping within `timeoutMs` (health checks must not hang). */
export async function pingDatabase(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.command({ ping: 1 }).then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function connectDb(uri: string, dbName: string, options: { maxPoolSize?: number } = {}): Promise<DbHandle> {
  const key = `${uri}|${dbName}|${options.maxPoolSize ?? ''}`;
  let handle = handles.get(key);
  if (!handle) {
    handle = (async () => {
      const client = new MongoClient(uri, {
        maxPoolSize: options.maxPoolSize ?? 50,
        // While the engine is down a call waits this long for it (a restart takes about a second)
        // before answering SERVICE_UNAVAILABLE.
        serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
      });
      await client.connect();
      return {
        client,
        db: client.db(dbName),
        close: async () => {
          handles.delete(key);
          // Forced, so a process shutting down never waits on an operation stuck on a dead engine.
          await client.close(true);
        },
      };
    })();
    handle.catch(() => handles.delete(key));
    handles.set(key, handle);
  }
  return handle;
}

/** A client of its own, not pooled with others: used to give each racing test client its own connection. */
export async function openDedicatedClient(uri: string): Promise<MongoClient> {
  const client = new MongoClient(uri, { maxPoolSize: 1, serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  return client;
}
