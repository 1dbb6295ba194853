import { AppError } from '../../../../shared/errors';
import { passwordProblem } from '../../../../shared/domain/staff-auth/password-rules';
import { lockoutSentence, loginKeyOf, passwordOpenidOf, retryAtOf } from '../../../../shared/domain/staff-auth/login-limits';
import type { LoginOptions, StaffLoginResult } from '../../../../shared/schemas/staff-auth.schema';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import type { StaffCredentialDoc, StaffCredentialRepository } from '../../repositories/staff-credential.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { UserService } from '../user.service';
import type { LoginLimiter } from './login-limiter';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';

export type ChangedPassword = { changedAt: string; token: string; expiresAt: string };

/** The first admin, from configuration (ADMIN_LOGIN with ADMIN_PASSWORD or ADMIN_PASSWORD_HASH). */
export type FirstAdmin = { loginName: string; password?: string; passwordHash?: string };

export type StaffAuthDeps = {
  credentials: StaffCredentialRepository;
  users: UserRepository;
  userService: UserService;
  limiter: LoginLimiter;
  clock: Clock;
  ids: IdGenerator;
  firstAdmin: FirstAdmin | null;
  devLoginEnabled: boolean;
};

/**
 * Where a login comes from, for the per-address limit: the HTTP host's peer address, or inside
 * WeChat the caller's openid (WeChat Cloud gives no address); a call with neither shares one pool.
 */
export type LoginOrigin = { address: string };

/** Staff sign-in with a password, and changing one's own. The hash never leaves this module. */
export class StaffAuthService {
  constructor(private readonly deps: StaffAuthDeps) {}

  loginOptions(): LoginOptions {
    return { devLogin: this.deps.devLoginEnabled, staffLogin: true };
  }

  async staffLogin(loginName: string, password: string, origin: LoginOrigin): Promise<StaffLoginResult> {
    const { limiter } = this.deps;
    const key = loginKeyOf(loginName);
    const address = await limiter.takeAddressTicket(origin.address);
    if ('until' in address) throw lockedError('RATE_LIMITED', address.until);

    const credential = (await this.deps.credentials.byLoginKey(key)) ?? (await this.ensureFirstAdmin(key));
    if (!credential) {
      // An unknown name costs a hash check too, and keeps its address ticket: it is a failure.
      await verifyPassword(await decoyHash(), password);
      throw new AppError('BAD_CREDENTIALS');
    }
    const outcome = await limiter.underAccountLimit(credential, () => verifyPassword(credential.hash, password));
    if (outcome.kind === 'locked') {
      throw lockedError('ACCOUNT_LOCKED', outcome.until);
    }
    if (outcome.kind === 'wrong') throw new AppError('BAD_CREDENTIALS');
    await limiter.releaseAddressTicket(address.ticket);
    const user = await this.deps.userService.require(credential.userId);
    // A password still to be changed gives a session that can do nothing else (checked on every call).
    const session = await this.deps.userService.sessionFor(user, { mustChangePassword: credential.mustChange });
    return { ...session, mustChangePassword: credential.mustChange };
  }

  /** The caller's own password: the current one checked under the same limit as a login. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<ChangedPassword> {
    const credential = await this.deps.credentials.ofUser(userId);
    if (!credential) throw new AppError('NOT_FOUND', { reason: 'this account has no password' }, '这个账号没有设置密码，请联系管理员。');
    const outcome = await this.deps.limiter.underAccountLimit(credential, () => verifyPassword(credential.hash, currentPassword));
    if (outcome.kind === 'locked') throw lockedError('ACCOUNT_LOCKED', outcome.until);
    if (outcome.kind === 'wrong') throw fieldError('currentPassword', '原密码不对');
    const problem = passwordProblem(newPassword, credential.loginName);
    if (problem) throw fieldError('newPassword', problem);
    if (await verifyPassword(credential.hash, newPassword)) throw fieldError('newPassword', '新密码不能和原密码一样');
    const now = this.deps.clock.now();
    const fresh = (await this.deps.credentials.ofUser(userId)) ?? credential;
    await this.deps.credentials.setPassword(credential._id, await hashPassword(newPassword), false, fresh.attemptSeries, now);
    // Every other session of the account ends (a stolen one too); this one continues with a fresh token.
    await this.deps.users.endSessionsBefore(userId, now);
    const { token, expiresAt } = await this.deps.userService.sessionFor(await this.deps.userService.require(userId));
    return { changedAt: now.toISOString(), token, expiresAt };
  }

  /**
   * Creates the configured first admin's account when its login name has no credential yet; an
   * existing one (whose password the admin may have changed since) is never overwritten. The host
   * calls it at start; a login with that name calls it too, so WeChat Cloud needs no start step.
   */
  async ensureFirstAdmin(key = this.deps.firstAdmin ? loginKeyOf(this.deps.firstAdmin.loginName) : ''): Promise<StaffCredentialDoc | null> {
    const admin = this.deps.firstAdmin;
    if (!admin || loginKeyOf(admin.loginName) !== key) return null;
    const existing = await this.deps.credentials.byLoginKey(key);
    if (existing) return existing;
    const now = this.deps.clock.now();
    const { user } = await this.deps.users.findOrCreate({
      _id: this.deps.ids.next('u'),
      openid: passwordOpenidOf(key),
      name: '管理员',
      phone: null,
      communityId: null,
      address: null,
      elderMode: false,
      roles: ['resident', 'admin'],
      staffStreetId: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!user.roles.includes('admin')) await this.deps.users.addRoles(user._id, ['admin'], undefined, now);
    const hash = admin.passwordHash ?? (await hashPassword(admin.password ?? ''));
    // A password read from the environment should not stay the admin's; a given hash was chosen on purpose.
    await this.deps.credentials.create(credentialFor(key, admin.loginName, user._id, hash, admin.passwordHash === undefined, now));
    return this.deps.credentials.byLoginKey(key);
  }
}

export function credentialFor(key: string, loginName: string, userId: string, hash: string, mustChange: boolean, now: Date): StaffCredentialDoc {
  return { _id: key, loginName, userId, hash, attemptSeries: 0, failedCount: 0, lockedUntil: null, mustChange, passwordChangedAt: now, createdAt: now, updatedAt: now };
}

function lockedError(code: 'ACCOUNT_LOCKED' | 'RATE_LIMITED', until: Date): AppError {
  const retryAt = retryAtOf(until);
  return new AppError(code, { retryAt: retryAt.toISOString() }, lockoutSentence(code, retryAt));
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
}
