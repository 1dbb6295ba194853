import { SessionTokenService } from './session-token.service';
import { UserService } from './user.service';
import { WeChatAuthClient } from './wechat/wechat-auth.client';
import { AuditLogService } from './staff/audit-log.service';
import type { ServiceParts } from './composition';

/**
 * What every function needs before any action runs: who the caller is (users, tokens) and the
 * audit record of staff work (define-function writes it after each audited action).
 */
export const sessionParts = {
  // Without a secret there are no session tokens: inside WeChat Cloud the platform names the caller.
  tokens: ({ config, clock }) => (config.tokenSecret ? new SessionTokenService(config.tokenSecret, config.tokenTtlSeconds, clock) : null),
  users: ({ config, repos, clock, ids, services }) =>
    new UserService({
      users: repos.users,
      district: repos.district,
      tokens: services.tokens,
      wechatAuth: new WeChatAuthClient(config.wechat),
      clock,
      ids,
      adminOpenids: config.adminOpenids,
      devLoginEnabled: config.devLogin,
    }),
  audit: ({ repos, clock, ids }) => new AuditLogService({ audit: repos.audit, users: repos.users, clock, ids }),
} satisfies ServiceParts;
