import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import type { LoginResult, PublicUser } from '../../../shared/schemas/user.schema';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { DistrictRepository } from '../repositories/district.repository';
import type { ProfileChanges, UserDoc, UserRepository } from '../repositories/user.repository';
import type { SessionTokenService } from './session-token.service';
import type { WeChatAuthClient } from './wechat/wechat-auth.client';

export type UserServiceDeps = {
  users: UserRepository;
  district: Pick<DistrictRepository, 'findCommunity'>;
  tokens: SessionTokenService | null;
  wechatAuth: WeChatAuthClient;
  clock: Clock;
  ids: IdGenerator;
  adminOpenids: readonly string[];
  devLoginEnabled: boolean;
};

export function toPublicUser(user: UserDoc): PublicUser {
  return {
    id: user._id,
    openid: user.openid,
    name: user.name,
    phone: user.phone,
    communityId: user.communityId,
    address: user.address ?? null,
    elderMode: user.elderMode,
    roles: user.roles,
    staffStreetId: user.staffStreetId,
    createdAt: user.createdAt.toISOString(),
  };
}

export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  /** The user for an openid the platform vouched for, created as a resident on first sight. */
  async ensureUser(openid: string): Promise<UserDoc> {
    const now = this.deps.clock.now();
    const { user } = await this.deps.users.findOrCreate({
      _id: this.deps.ids.next('u'),
      openid,
      name: null,
      phone: null,
      communityId: null,
      address: null,
      elderMode: false,
      roles: ['resident'],
      staffStreetId: null,
      createdAt: now,
      updatedAt: now,
    });
    // The first admin comes from configuration; granting it here keeps that true after a reset.
    if (this.deps.adminOpenids.includes(openid) && !user.roles.includes('admin')) {
      return (await this.deps.users.addRoles(user._id, ['admin'], undefined, now)) ?? user;
    }
    return user;
  }

  /**
   * WeChat login. Inside WeChat Cloud the platform already named the caller; elsewhere the code from
   * wx.login is exchanged for an openid with code2session.
   */
  async login(code: string, platformOpenid: string | null): Promise<LoginResult | { user: PublicUser }> {
    if (platformOpenid) return { user: toPublicUser(await this.ensureUser(platformOpenid)) };
    const { openid } = await this.deps.wechatAuth.code2Session(code);
    return this.sessionFor(await this.ensureUser(openid));
  }

  async devLogin(openid: string): Promise<LoginResult> {
    if (!this.deps.devLoginEnabled) throw new AppError('FORBIDDEN', { reason: 'dev login is turned off' });
    return this.sessionFor(await this.ensureUser(openid));
  }

  async me(userId: string): Promise<PublicUser> {
    return toPublicUser(await this.require(userId));
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<PublicUser> {
    // The community is what bookings start from, so it must be one of the district's.
    if (changes.communityId && !(await this.deps.district.findCommunity(changes.communityId))) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'communityId', message: '没有这个社区' }] });
    }
    if (changes.address !== undefined) changes = { ...changes, address: changes.address || null };
    const updated = await this.deps.users.updateProfile(userId, changes, this.deps.clock.now());
    if (!updated) throw new AppError('NOT_FOUND');
    return toPublicUser(updated);
  }

  async grantRoles(userId: string, roles: Role[], streetId: string | undefined): Promise<PublicUser> {
    if (roles.includes('staff') && !streetId) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'streetId', message: '授予工作人员角色时必须指定街道' }] });
    }
    const updated = await this.deps.users.addRoles(userId, roles, roles.includes('staff') ? streetId : undefined, this.deps.clock.now());
    if (!updated) throw new AppError('NOT_FOUND');
    return toPublicUser(updated);
  }

  async revokeRoles(userId: string, roles: Role[]): Promise<PublicUser> {
    if (roles.includes('resident')) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'roles', message: '居民身份不能撤销' }] });
    }
    const updated = await this.deps.users.removeRoles(userId, roles, this.deps.clock.now());
    if (!updated) throw new AppError('NOT_FOUND');
    return toPublicUser(updated);
  }

  async require(userId: string): Promise<UserDoc> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED', { reason: 'user no longer exists' });
    return user;
  }

  /** A session for a user whose identity was proven (WeChat, dev login, a staff password). */
  async sessionFor(user: UserDoc, options: { mustChangePassword?: boolean } = {}): Promise<LoginResult> {
    if (!this.deps.tokens) throw new AppError('INTERNAL', { reason: 'no token secret configured' });
    const { token, expiresAt } = await this.deps.tokens.issue({ userId: user._id, openid: user.openid, mustChangePassword: options.mustChangePassword });
    return { token, expiresAt: expiresAt.toISOString(), user: toPublicUser(user) };
  }
}
