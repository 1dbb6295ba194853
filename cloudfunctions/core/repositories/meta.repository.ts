import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import { insertIfNew } from '../db/insert-if-new';

type MetaDoc = { _id: string; at: Date; value?: unknown };

/** Small facts about the database itself, such as whether the demo district was seeded. */
export class MetaRepository {
  private readonly meta: Collection<MetaDoc>;

  constructor(db: Db) {
    this.meta = resilientCollection<MetaDoc>(db, 'meta');
  }

  async get(key: string): Promise<MetaDoc | null> {
    return this.meta.findOne({ _id: key });
  }

  /** Records a one-time fact; false when it was already recorded. */
  async markOnce(key: string, at: Date, value?: unknown): Promise<boolean> {
    return insertIfNew(this.meta, { _id: key, at, value });
  }
}
