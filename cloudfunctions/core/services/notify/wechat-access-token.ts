import type { Clock } from '../../ports/clock';
import type { WeChatTokenRepository } from '../../repositories/wechat-token.repository';
import type { WeChatSubscribeClient } from './wechat-subscribe.client';

/** Refresh a little before WeChat's expiry so no send goes out with a token about to lapse. */
const EARLY_SECONDS = 300;

/**
 * The stable access token, cached in the database so every function instance shares one (WeChat
 * limits how often a token may be fetched, and a forced refresh invalidates the token others hold).
 */
export class WeChatAccessTokens {
  constructor(
    private readonly deps: { api: WeChatSubscribeClient; tokens: WeChatTokenRepository; clock: Clock; appId: string },
  ) {}

  /** The cached token while it is valid, else a fresh one (normal mode) stored for everyone. */
  async current(): Promise<string> {
    const cached = await this.deps.tokens.find(this.deps.appId);
    if (cached && cached.expiresAt > this.deps.clock.now()) return cached.token;
    return this.fetch(false);
  }

  /**
   * After WeChat refused `rejected` (40001/42001): another instance may have refreshed already, so
   * the cache is read first; otherwise a normal fetch, and a forced one only if WeChat hands back
   * the very token it just refused.
   */
  async refresh(rejected: string): Promise<string> {
    const cached = await this.deps.tokens.find(this.deps.appId);
    if (cached && cached.token !== rejected && cached.expiresAt > this.deps.clock.now()) return cached.token;
    const fresh = await this.fetch(false, rejected);
    return fresh === rejected ? this.fetch(true) : fresh;
  }

  private async fetch(force: boolean, rejected?: string): Promise<string> {
    const { token, expiresInSeconds } = await this.deps.api.stableToken(force);
    if (token === rejected) return token;
    const now = this.deps.clock.now();
    const lifetime = Math.max(60, expiresInSeconds - EARLY_SECONDS);
    await this.deps.tokens.save({ _id: this.deps.appId, token, expiresAt: new Date(now.getTime() + lifetime * 1000), fetchedAt: now });
    return token;
  }
}
