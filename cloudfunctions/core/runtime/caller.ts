import type { Role } from '../../../shared/domain/roles';
import type { UserDoc } from '../repositories/user.repository';

/** Who is calling, as established by the platform or a verified session token, never by the event body. */
export type Caller = {
  userId: string;
  openid: string;
  roles: Role[];
  staffStreetId: string | null;
  /** The caller's own community (profile), read with the roles; a booking's 街道 may come from it. */
  communityId: string | null;
  /** A password session that must change its password before anything else (from the verified token). */
  mustChangePassword?: boolean;
};

export function callerOf(user: UserDoc): Caller {
  return { userId: user._id, openid: user.openid, roles: user.roles, staffStreetId: user.staffStreetId, communityId: user.communityId };
}

/** Where the identity of an invocation comes from. */
export type IdentitySource =
  | { kind: 'wechat'; openid: string }
  /** `clientAddress`: the HTTP peer, for the password login's per-address limit (never from the body). */
  | { kind: 'bearer'; token: string | null; clientAddress?: string | null }
  | { kind: 'system' };
