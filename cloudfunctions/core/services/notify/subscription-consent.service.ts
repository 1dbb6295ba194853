import { AppError } from '../../../../shared/errors';
import type { ConsentResult } from '../../../../shared/schemas/notify.schema';
import type { Clock } from '../../ports/clock';
import type { SubscriptionQuotaRepository } from '../../repositories/subscription-quota.repository';

/** Remaining consents one user may bank per template; more taps add nothing (WeChat keeps its own count). */
export const MAX_BANKED_CONSENTS = 50;
/** Bounds the retries when concurrent consents take the same grant numbers. */
const GRANT_TRIES = 20;

/**
 * One-time subscribe consents: each accepted template in a wx.requestSubscribeMessage result allows
 * one message. Kept as grants, uses and revokes (see SubscriptionQuotaRepository), never counters.
 */
export class SubscriptionConsentService {
  constructor(private readonly deps: { quota: SubscriptionQuotaRepository; clock: Clock; templateIds: () => string[] }) {}

  async recordConsent(userId: string, templateIds: string[], results: Record<string, ConsentResult>): Promise<{ quotas: Record<string, number> }> {
    const known = new Set(this.deps.templateIds());
    const fields = templateIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `templateIds.${index}`, message: '不是本小程序的消息模板' }]));
    for (const key of Object.keys(results)) {
      if (!templateIds.includes(key)) fields.push({ path: `results.${key}`, message: '没有请求这个模板' });
    }
    if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });

    const quotas: Record<string, number> = {};
    for (const templateId of new Set(templateIds)) {
      const result = results[templateId];
      if (result === 'accept') await this.grant(userId, templateId);
      // "Always refuse": whatever was allowed before is void too.
      if (result === 'ban') await this.revoke(userId, templateId);
      quotas[templateId] = await this.remaining(userId, templateId);
    }
    return { quotas };
  }

  async remaining(userId: string, templateId: string): Promise<number> {
    const ledger = await this.deps.quota.ledger(userId, templateId);
    return ledger.grants.filter((seq) => !ledger.used.has(seq)).length;
  }

  /**
   * Spends one consent for a notice, or finds the one it spent on an earlier attempt. False: no
   * consent left, the message must not be sent.
   */
  async spend(notificationId: string, userId: string, templateId: string): Promise<boolean> {
    if (await this.deps.quota.findUse(notificationId)) return true;
    const ledger = await this.deps.quota.ledger(userId, templateId);
    for (const seq of ledger.grants) {
      if (ledger.used.has(seq)) continue;
      const outcome = await this.deps.quota.insertUse(notificationId, userId, templateId, seq, this.deps.clock.now());
      if (outcome !== 'taken') return true;
    }
    return false;
  }

  /** The message was never sent: its consent counts again. */
  release(notificationId: string): Promise<void> {
    return this.deps.quota.deleteUse(notificationId);
  }

  /** WeChat says the user refused (43101) or they banned the template: nothing banked counts any more. */
  async revoke(userId: string, templateId: string): Promise<void> {
    const ledger = await this.deps.quota.ledger(userId, templateId);
    await this.deps.quota.insertRevoke(userId, templateId, ledger.lastSeq, this.deps.clock.now());
  }

  private async grant(userId: string, templateId: string): Promise<void> {
    let ledger = await this.deps.quota.ledger(userId, templateId);
    if (ledger.grants.length - ledger.used.size >= MAX_BANKED_CONSENTS) return;
    for (let tries = 0; tries < GRANT_TRIES; tries += 1) {
      if (await this.deps.quota.insertGrant(userId, templateId, ledger.lastSeq + 1, this.deps.clock.now())) return;
      ledger = await this.deps.quota.ledger(userId, templateId);
    }
    throw new AppError('CONFLICT');
  }
}
