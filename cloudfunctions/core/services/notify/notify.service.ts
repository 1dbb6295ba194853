import type { ServerConfig } from '../../../../config/server-config.schema';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import type { Repositories } from '../../repositories/repositories';
import { NotificationDeliveryService, type DeliveryReport } from './notification-delivery.service';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationIntakeService, type IntakeReport } from './notification-intake.service';
import type { SubjectHandlers } from './subject-handlers';
import { SubscriptionConsentService } from './subscription-consent.service';
import { WeChatAccessTokens } from './wechat-access-token';
import { WeChatSubscribeClient } from './wechat-subscribe.client';

export type NotifyServices = {
  inbox: NotificationInboxService;
  consent: SubscriptionConsentService;
  intake: NotificationIntakeService;
  delivery: NotificationDeliveryService;
  /** The `notify.deliver` timer: outbox events become notices, then due WeChat messages go out. */
  deliver(options?: { limit?: number; budgetMs?: number }): Promise<{ intake: IntakeReport; delivery: DeliveryReport }>;
};

export type NotifyDeps = {
  config: ServerConfig;
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  /** What each subject kind means to notices, registered by its domain (the booking handler lives in booking/). */
  subjects: SubjectHandlers;
};

export function createNotifyServices({ config, repos, clock, ids, subjects }: NotifyDeps): NotifyServices {
  const api = config.wechat.appId && config.wechat.appSecret ? new WeChatSubscribeClient(config.wechat) : null;
  const tokens = api ? new WeChatAccessTokens({ api, tokens: repos.wechatTokens, clock, appId: config.wechat.appId! }) : null;
  const templates = () => config.notify.templates;
  const consent = new SubscriptionConsentService({
    quota: repos.subscriptionQuota,
    clock,
    templateIds: () => Object.values(templates()).flatMap((t) => (t ? [t.id] : [])),
  });
  const intake = new NotificationIntakeService({
    notifications: repos.notifications,
    outbox: repos.outboxFeed,
    subjects,
    clock,
    channelOn: (group) => Boolean(api && templates()[group]),
  });
  const delivery = new NotificationDeliveryService({
    notifications: repos.notifications,
    subjects,
    users: repos.users,
    consent,
    api,
    tokens,
    config: () => config.notify,
    clock,
    ids,
  });
  return {
    inbox: new NotificationInboxService({ notifications: repos.notifications, clock }),
    consent,
    intake,
    delivery,
    async deliver(options) {
      const intakeReport = await intake.run();
      return { intake: intakeReport, delivery: await delivery.run(options) };
    },
  };
}
