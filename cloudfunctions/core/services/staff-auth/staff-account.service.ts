import { AppError } from '../../../../shared/errors';
import { passwordProblem } from '../../../../shared/domain/staff-auth/password-rules';
import { accountTicketPrefix, loginKeyOf, passwordOpenidOf } from '../../../../shared/domain/staff-auth/login-limits';
import type { StaffAccount } from '../../../../shared/schemas/staff-auth.schema';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { LoginAttemptRepository } from '../../repositories/login-attempt.repository';
import type { StaffCredentialDoc, StaffCredentialRepository } from '../../repositories/staff-credential.repository';
import type { UserDoc, UserRepository } from '../../repositories/user.repository';
import { toPublicUser, type UserService } from '../user.service';
import { hashPassword } from './password-hasher';
import { credentialFor } from './staff-auth.service';

export type StaffAccountDeps = {
  credentials: StaffCredentialRepository;
  attempts: LoginAttemptRepository;
  district: Pick<DistrictRepository, 'findStreet'>;
  users: UserRepository;
  userService: UserService;
  clock: Clock;
  ids: IdGenerator;
};

export type NewStaffAccount = {
  name: string;
  phone: string;
  loginName: string;
  role: 'staff' | 'admin';
  streetId?: string;
  userId?: string;
  initialPassword: string;
};

/** The admin's side of passwords: making staff accounts and resetting a forgotten password. */
export class StaffAccountService {
  constructor(private readonly deps: StaffAccountDeps) {}

  /**
   * A new account (or a password for an existing user the admin picked), with the role and a
   * password the person must change at first login. The credential's insert claims the login name
   * before any role is granted, so of two admins creating one name at once, one gets LOGIN_NAME_TAKEN
   * and grants nothing.
   */
  async create(input: NewStaffAccount): Promise<StaffAccount> {
    const { users, credentials, clock } = this.deps;
    const key = loginKeyOf(input.loginName);
    const now = clock.now();
    // Checked before anything is written: a staff member of a 街道 that does not exist could see nothing.
    if (input.role === 'staff' && !(input.streetId && (await this.deps.district.findStreet(input.streetId)))) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'streetId', message: '没有这个街道' }] });
    }
    const user = input.userId ? await users.findById(input.userId) : await this.passwordUser(key);
    if (!user) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'userId', message: '没有这个用户' }] });
    const created = await credentials.create(credentialFor(key, input.loginName.trim(), user._id, await hashPassword(input.initialPassword), true, now));
    if (created === 'login_taken') throw new AppError('LOGIN_NAME_TAKEN', { fields: [{ path: 'loginName', message: '这个账号名已经有人用了' }] });
    if (created === 'user_has_one') {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'userId', message: '这个用户已经有登录账号了，忘记密码请重设' }] });
    }
    // A linked user keeps the name and phone they gave; a new one gets those the admin typed.
    const profile: Partial<Pick<UserDoc, 'name' | 'phone'>> = {};
    if (!user.name) profile.name = input.name;
    if (!user.phone) profile.phone = input.phone;
    if (Object.keys(profile).length > 0) await users.updateProfile(user._id, profile, now);
    const withRole = await this.deps.userService.grantRoles(user._id, [input.role], input.role === 'staff' ? input.streetId : undefined);
    const credential = await credentials.byLoginKey(key);
    return accountView(withRole, credential!);
  }

  /** A new password chosen by the admin: the lock and the count are cleared, a change is due at login. */
  async resetPassword(userId: string, newPassword: string): Promise<StaffAccount> {
    const credential = await this.deps.credentials.ofUser(userId);
    if (!credential) throw new AppError('NOT_FOUND', { reason: 'this user has no password account' });
    const problem = passwordProblem(newPassword, credential.loginName);
    if (problem) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'newPassword', message: problem }] });
    const now = this.deps.clock.now();
    await this.deps.credentials.setPassword(credential._id, await hashPassword(newPassword), true, credential.attemptSeries, now);
    await this.deps.attempts.dropPool(accountTicketPrefix(credential._id, credential.attemptSeries));
    // A reset is often because someone else got in: every session of the account ends.
    await this.deps.users.endSessionsBefore(userId, now);
    const user = await this.deps.userService.require(userId);
    return accountView(toPublicUser(user), (await this.deps.credentials.ofUser(userId))!);
  }

  /** The user a password account signs in as: found or made by its login key (a `pw:` openid, never WeChat's). */
  private passwordUser(key: string): Promise<UserDoc> {
    return this.deps.userService.ensureUser(passwordOpenidOf(key));
  }
}

function accountView(user: ReturnType<typeof toPublicUser>, credential: StaffCredentialDoc): StaffAccount {
  return {
    user,
    loginName: credential.loginName,
    mustChangePassword: credential.mustChange,
    lockedUntil: credential.lockedUntil ? credential.lockedUntil.toISOString() : null,
  };
}
