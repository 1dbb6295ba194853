import type { FindCursor } from 'mongodb';

/**
 * A cursor's documents in batches of `size`, read as they are consumed and closed however the
 * consumer stops: an export of a busy year never holds all of it in the function.
 */
export async function* inBatches<T>(cursor: FindCursor<T>, size: number): AsyncGenerator<T[]> {
  try {
    let batch: T[] = [];
    for await (const doc of cursor.batchSize(size)) {
      batch.push(doc);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    await cursor.close();
  }
}
