import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../db/mongo-errors';

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
    try {
      await this.tokens.replaceOne({ _id: doc._id }, doc, { upsert: true });
    } catch (error) {
      // Two first saves at once both try to insert; the loser's token is as good, so it overwrites.
      if (!isDuplicateKeyError(error)) throw error;
      await this.tokens.replaceOne({ _id: doc._id }, doc);
    }
  }
}
