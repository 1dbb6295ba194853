import { MongoClient, type Db } from 'mongodb';

export type DbHandle = { client: MongoClient; db: Db; close(): Promise<void> };

/**
 * One pooled client per URI and database for the life of the process: a cloud function instance
 * and the local host both reuse it across invocations.
 */
const handles = new Map<string, Promise<DbHandle>>();

export function connectDb(uri: string, dbName: string, options: { maxPoolSize?: number } = {}): Promise<DbHandle> {
  const key = `${uri}|${dbName}|${options.maxPoolSize ?? ''}`;
  let handle = handles.get(key);
  if (!handle) {
    handle = (async () => {
      const client = new MongoClient(uri, {
        maxPoolSize: options.maxPoolSize ?? 50,
        serverSelectionTimeoutMS: 10_000,
      });
      await client.connect();
      return {
        client,
        db: client.db(dbName),
        close: async () => {
          handles.delete(key);
          await client.close();
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
