import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';

/** The access token every function instance shares, one document per AppID. */
export type WeChatTokenDoc = { _id: string; token: string; expiresAt: Date; fetchedAt: Date };

export class WeChatTokenRepository {
  private readonly tokens: Collection<WeChatTokenDoc>;

  constructor(db: Db) {
    this.tokens = resilientCollection<WeChatTokenDoc>(db, 'wechat_tokens');
  }

  find(appId: string): Promise<WeChatTokenDoc | null> {
    return this.tokens.findOne({ _id: appId });
  }

  /**
   * Last writer wins, which is safe: a stable token fetched in normal mode is the same for every
   * instance while it is valid, so two instances refreshing at once store equally good tokens.
   */
  async save(doc: WeChatTokenDoc): Promise<void> {
    await this.tokens.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
