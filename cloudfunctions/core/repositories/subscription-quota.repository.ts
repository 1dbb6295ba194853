import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';

/**
 * A user's one-time consents per template, kept as unique inserts only (FerretDB applies updates
 * non-atomically, so a counter could be spent twice):
 * - a grant `grant:<user>:<template>:<seq>` per accepted consent, seq 1, 2, 3 …;
 * - a revoke `revoke:<user>:<template>:<upTo>` when WeChat says the user refused (43101) or the
 *   user banned the template: grants up to `upTo` no longer count;
 * - a use `use:<notificationId>` in subscription_uses naming the grant it spends (`grantKey`, unique).
 * Remaining quota = grants above the last revoke that no use names. One notice spends at most one
 * grant (its `_id`), one grant is spent by at most one notice (the unique `grantKey`).
 */
export type QuotaRecordDoc = { _id: string; kind: 'grant' | 'revoke'; userId: string; templateId: string; seq: number; at: Date };

export type QuotaUseDoc = { _id: string; notificationId: string; userId: string; templateId: string; seq: number; grantKey: string; at: Date };

export const subscriptionQuotaIndexes: CollectionIndexes[] = [
  { collection: 'subscription_quota', indexes: [{ key: { userId: 1, templateId: 1, seq: 1 }, name: 'by_user_template' }] },
  {
    collection: 'subscription_uses',
    indexes: [
      { key: { grantKey: 1 }, name: 'grant_key_unique', unique: true },
      { key: { userId: 1, templateId: 1 }, name: 'by_user_template' },
    ],
  },
];

export type QuotaLedger = { lastSeq: number; floor: number; grants: number[]; used: Set<number> };

export class SubscriptionQuotaRepository {
  private readonly records: Collection<QuotaRecordDoc>;
  private readonly uses: Collection<QuotaUseDoc>;

  constructor(db: Db) {
    this.records = resilientCollection<QuotaRecordDoc>(db, 'subscription_quota');
    this.uses = resilientCollection<QuotaUseDoc>(db, 'subscription_uses');
  }

  async ledger(userId: string, templateId: string): Promise<QuotaLedger> {
    const records = await this.records.find({ userId, templateId }).toArray();
    const grants = records.filter((r) => r.kind === 'grant').map((r) => r.seq);
    const floor = Math.max(0, ...records.filter((r) => r.kind === 'revoke').map((r) => r.seq));
    const used = new Set((await this.uses.find({ userId, templateId, seq: { $gt: floor } }).toArray()).map((u) => u.seq));
    return { lastSeq: Math.max(0, ...grants), floor, grants: grants.filter((seq) => seq > floor).sort((a, b) => a - b), used };
  }

  /** False when grant `seq` exists already (a concurrent consent took that number). */
  insertGrant(userId: string, templateId: string, seq: number, at: Date): Promise<boolean> {
    return this.insert({ _id: `grant:${userId}:${templateId}:${seq}`, kind: 'grant', userId, templateId, seq, at });
  }

  async insertRevoke(userId: string, templateId: string, upTo: number, at: Date): Promise<void> {
    await this.insert({ _id: `revoke:${userId}:${templateId}:${upTo}`, kind: 'revoke', userId, templateId, seq: upTo, at });
  }

  /**
   * Spends grant `seq` for a notice. 'mine': the notice spent a grant before (an earlier attempt);
   * 'taken': another notice spent this grant first.
   */
  async insertUse(notificationId: string, userId: string, templateId: string, seq: number, at: Date): Promise<'spent' | 'mine' | 'taken'> {
    try {
      await this.uses.insertOne({ _id: `use:${notificationId}`, notificationId, userId, templateId, seq, grantKey: `${userId}:${templateId}:${seq}`, at });
      return 'spent';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.findUse(notificationId)) ? 'mine' : 'taken';
    }
  }

  findUse(notificationId: string): Promise<QuotaUseDoc | null> {
    return this.uses.findOne({ _id: `use:${notificationId}` });
  }

  /** Gives the grant back (the message was never sent). */
  async deleteUse(notificationId: string): Promise<void> {
    await this.uses.deleteOne({ _id: `use:${notificationId}` });
  }

  private async insert(doc: QuotaRecordDoc): Promise<boolean> {
    return insertIfNew(this.records, doc);
  }
}
