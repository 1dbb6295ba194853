import type { ServerConfig } from '../../../config/server-config.schema';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Repositories } from '../repositories/repositories';
import { SessionTokenService } from './session-token.service';
import { UserService } from './user.service';
import { WeChatAuthClient } from './wechat/wechat-auth.client';

export type Services = {
  users: UserService;
  tokens: SessionTokenService | null;
};

export type ServiceDeps = { config: ServerConfig; repos: Repositories; clock: Clock; ids: IdGenerator };

export function createServices({ config, repos, clock, ids }: ServiceDeps): Services {
  // Without a secret there are no session tokens: inside WeChat Cloud the platform names the caller.
  const tokens = config.tokenSecret ? new SessionTokenService(config.tokenSecret, config.tokenTtlSeconds, clock) : null;
  const wechatAuth = new WeChatAuthClient(config.wechat);
  return {
    tokens,
    users: new UserService({
      users: repos.users,
      tokens,
      wechatAuth,
      clock,
      ids,
      adminOpenids: config.adminOpenids,
      devLoginEnabled: config.devLogin,
    }),
  };
}
