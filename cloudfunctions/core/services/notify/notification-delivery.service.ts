import { performance } from 'node:perf_hooks';
import type { ServerConfig } from '../../../../config/server-config.schema';
import { MINUTE_MS } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import { claimKey, fateKey, type NotificationDoc, type NotificationRepository, type PushState } from '../../repositories/notification.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { SubjectHandlers } from './subject-handlers';
import type { SubscriptionConsentService } from './subscription-consent.service';
import { templateData } from './template-fields';
import type { WeChatAccessTokens } from './wechat-access-token';
import { WeChatApiError, type SendOutcome, type WeChatSubscribeClient } from './wechat-subscribe.client';

/** How long a claimed attempt is its owner's alone; far above the worst send (two requests and a token fetch, 5 s each). */
export const LEASE_MS = 2 * MINUTE_MS;
export const BACKOFF_BASE_MS = MINUTE_MS;
const BACKOFF_MAX_MS = 30 * MINUTE_MS;
/** A WeChat message that could not go out for a day is not sent late; the inbox has it. */
const STALE_AFTER_MS = 24 * 60 * MINUTE_MS;

export type DeliveryReport = { sent: number; retrying: number; dead: number; settled: number; busy: number; unconfirmed: number };

type Deps = {
  notifications: NotificationRepository;
  /** Asked whether a notice still holds when its message falls due (a reminder's subject may have moved). */
  subjects: SubjectHandlers;
  users: UserRepository;
  consent: SubscriptionConsentService;
  api: WeChatSubscribeClient | null;
  tokens: WeChatAccessTokens | null;
  config: () => ServerConfig['notify'];
  clock: Clock;
  ids: IdGenerator;
};

type Outcome = 'sent' | 'retrying' | 'dead' | 'settled' | 'busy' | 'unconfirmed';

export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
}

/**
 * Sends due notices over WeChat, each at most once. Per attempt n of notice N:
 *   1. claim `claim:N:n` (unique insert; the loser leaves N alone while the lease lasts);
 *   2. record N as `sending` with the lease, spend one consent (`use:N`, kept across attempts);
 *   3. take `fate:N:n` = 'sending' (unique insert) and only then make the request;
 *   4. write the outcome the moment the reply arrives.
 * A worker that finds a lease run out takes `fate:N:n` = 'abandoned' and claims n + 1: the owner died
 * before step 3 and nothing was sent. If the owner had taken the fate key, the request may have
 * reached WeChat, which has no idempotency key, so N becomes `unconfirmed` and is not sent again:
 * at most once on WeChat, while the inbox has every notice exactly once.
 */
export class NotificationDeliveryService {
  constructor(private readonly deps: Deps) {}

  async run(options: { limit?: number; budgetMs?: number } = {}): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0, settled: 0, busy: 0, unconfirmed: 0 };
    const worker = this.deps.ids.next('wk');
    const started = performance.now();
    const due = await this.deps.notifications.dueForPush(this.deps.clock.now(), options.limit ?? 100);
    for (const doc of due) {
      // WeChat gives a timer a bounded run; what is left waits for the next minute, nothing is lost.
      if (performance.now() - started > (options.budgetMs ?? 40_000)) break;
      report[await this.deliver(doc, worker)] += 1;
    }
    return report;
  }

  private async deliver(doc: NotificationDoc, worker: string): Promise<Outcome> {
    if (doc.push === 'pending') {
      const verdict = await this.verdict(doc);
      if (verdict) {
        await this.settle(doc, verdict);
        return 'settled';
      }
    }
    let attempt = doc.push === 'sending' ? doc.pushAttempts : doc.pushAttempts + 1;
    for (let guard = 0; guard < 3; guard += 1) {
      const now = this.deps.clock.now();
      if (attempt - doc.pushAttemptBase > this.deps.config().maxAttempts) return this.die(doc, 'attempts used up');
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      if (await this.deps.notifications.insertMark({ _id: claimKey(doc._id, attempt), notificationId: doc._id, attempt, mark: 'claim', worker, at: now, leaseUntil })) {
        return this.attempt(doc, attempt, worker, leaseUntil);
      }
      const claim = await this.deps.notifications.findMark(claimKey(doc._id, attempt));
      if (claim?.leaseUntil && claim.leaseUntil > now) return 'busy';
      const abandoned = await this.deps.notifications.insertMark({ _id: fateKey(doc._id, attempt), notificationId: doc._id, attempt, mark: 'abandoned', worker, at: now, leaseUntil: null });
      if (!abandoned && (await this.deps.notifications.findMark(fateKey(doc._id, attempt)))?.mark === 'sending') {
        const current = await this.deps.notifications.findById(doc._id);
        if (current?.push === 'sending' && current.pushAttempts === attempt) {
          await this.deps.notifications.setPush(doc._id, { push: 'unconfirmed', leaseUntil: null, lastError: 'worker stopped while sending', updatedAt: now });
        }
        return 'unconfirmed';
      }
      attempt += 1;
    }
    return 'busy';
  }

  /** Notices that get no WeChat message, whoever looks: every worker reaches the same verdict. */
  private async verdict(doc: NotificationDoc): Promise<PushState | null> {
    const now = this.deps.clock.now();
    // A reminder of a subject that moved, an offer somebody took: its kind's handler knows.
    const verdict = await this.deps.subjects.get(doc.subject.kind)?.stillHolds(doc, now);
    if (verdict) return verdict;
    if (!this.deps.config().templates[doc.group] || !this.deps.api || !this.deps.tokens) return 'off';
    if (now.getTime() - doc.nextAttemptAt.getTime() > STALE_AFTER_MS) return 'expired';
    return null;
  }

  private async attempt(doc: NotificationDoc, attempt: number, worker: string, leaseUntil: Date): Promise<Outcome> {
    const now = this.deps.clock.now();
    await this.deps.notifications.setPush(doc._id, { push: 'sending', pushAttempts: attempt, leaseUntil, updatedAt: now });
    const template = this.deps.config().templates[doc.group];
    const { api, tokens } = this.deps;
    if (!template || !api || !tokens) return this.settle(doc, 'off');
    const user = await this.deps.users.findById(doc.userId);
    if (!user) return this.die(doc, 'user not found');
    if (!(await this.deps.consent.spend(doc._id, doc.userId, template.id))) return this.settle(doc, 'no_quota');

    let token: string;
    try {
      token = await tokens.current();
    } catch (error) {
      return this.failed(doc, attempt, error instanceof WeChatApiError ? error.message : String(error));
    }
    const message = {
      touser: user.openid,
      template_id: template.id,
      page: doc.page,
      data: templateData(template, doc.fields),
      miniprogram_state: this.deps.config().miniprogramState,
    };
    const fate = { _id: fateKey(doc._id, attempt), notificationId: doc._id, attempt, mark: 'sending' as const, worker, at: this.deps.clock.now(), leaseUntil };
    // Our lease was given up by another worker: it will send under its own attempt.
    if (!(await this.deps.notifications.insertMark(fate))) return 'busy';

    let outcome: SendOutcome = await api.send(token, message);
    if (outcome.kind === 'token') {
      try {
        outcome = await api.send(await tokens.refresh(token), message);
      } catch (error) {
        return this.failed(doc, attempt, error instanceof WeChatApiError ? error.message : String(error));
      }
    }
    const at = this.deps.clock.now();
    switch (outcome.kind) {
      case 'sent':
        await this.deps.notifications.setPush(doc._id, { push: 'sent', sentAt: at, templateId: template.id, leaseUntil: null, lastError: null, updatedAt: at });
        return 'sent';
      case 'refused':
        await this.deps.consent.revoke(doc.userId, template.id);
        return this.settle(doc, 'refused', `errcode ${outcome.errcode}`);
      case 'permanent':
        return this.die(doc, `errcode ${outcome.errcode} ${outcome.errmsg}`.trim());
      case 'unknown':
        await this.deps.notifications.setPush(doc._id, { push: 'unconfirmed', leaseUntil: null, lastError: outcome.reason, updatedAt: at });
        return 'unconfirmed';
      case 'token':
        return this.failed(doc, attempt, `errcode ${outcome.errcode} after a token refresh`);
      case 'retry':
        return this.failed(doc, attempt, outcome.reason);
    }
  }

  private async failed(doc: NotificationDoc, attempt: number, error: string): Promise<Outcome> {
    const failures = attempt - doc.pushAttemptBase;
    if (failures >= this.deps.config().maxAttempts) return this.die(doc, error);
    const now = this.deps.clock.now();
    await this.deps.notifications.setPush(doc._id, {
      push: 'pending',
      nextAttemptAt: new Date(now.getTime() + backoffMs(failures)),
      leaseUntil: null,
      lastError: error,
      updatedAt: now,
    });
    return 'retrying';
  }

  /** Never sent and never will be unless staff resend it; its consent is given back. */
  private async die(doc: NotificationDoc, error: string): Promise<Outcome> {
    await this.deps.consent.release(doc._id);
    await this.deps.notifications.setPush(doc._id, { push: 'dead', leaseUntil: null, lastError: error, updatedAt: this.deps.clock.now() });
    return 'dead';
  }

  private async settle(doc: NotificationDoc, state: PushState, error: string | null = null): Promise<Outcome> {
    const now = this.deps.clock.now();
    const fields: Partial<NotificationDoc> = { push: state, leaseUntil: null, lastError: error, updatedAt: now };
    if (state === 'withdrawn') fields.withdrawnAt = now;
    await this.deps.notifications.setPush(doc._id, fields);
    return 'settled';
  }
}
