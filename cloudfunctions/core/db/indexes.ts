import type { Db, IndexDescription } from 'mongodb';

export type CollectionIndexes = { collection: string; indexes: (IndexDescription & { name: string })[] };

const ensured = new WeakMap<Db, Promise<void>>();

/**
 * Creates every declared index that does not exist yet, once per database handle. Only missing
 * indexes are sent, one per command: FerretDB v1 drops the connection when one createIndexes
 * command repeats several existing indexes, so "idempotent" here is list-then-create.
 */
export function ensureIndexes(db: Db, declarations: CollectionIndexes[]): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = (async () => {
      for (const { collection, indexes } of declarations) {
        const existing = new Set((await listIndexNames(db, collection)));
        for (const index of indexes) {
          if (!existing.has(index.name)) await db.collection(collection).createIndexes([index]);
        }
      }
    })();
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}

async function listIndexNames(db: Db, collection: string): Promise<string[]> {
  const found = await db.listCollections({ name: collection }, { nameOnly: true }).toArray();
  if (found.length === 0) return [];
  return (await db.collection(collection).listIndexes().toArray()).map((index) => String(index.name));
}
