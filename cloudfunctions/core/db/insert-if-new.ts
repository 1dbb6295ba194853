import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from './mongo-errors';

/**
 * Inserts `doc`; false when a document with its unique key exists already. The claim every
 * invariant rests on: of concurrent inserts of one key exactly one gets true.
 */
export async function insertIfNew<T extends Document>(collection: Collection<T>, doc: OptionalUnlessRequiredId<T>): Promise<boolean> {
  try {
    await collection.insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
