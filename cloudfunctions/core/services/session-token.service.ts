import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../ports/clock';

const issuer = 'civic-services';
const audience = 'civic-services-client';

/** `mustChangePassword`: a password session that may only change its password (see password-rules). */
export type SessionClaims = { userId: string; openid: string; mustChangePassword?: boolean };
/** What a verified token says: who, and when it was issued (whole seconds, as the token keeps it). */
export type VerifiedClaims = SessionClaims & { issuedAt: Date };

/**
 * Whether a token was issued before the user's sessions were ended (a password changed or reset).
 * Tokens keep whole seconds, so one issued in the second of the change still counts as after it:
 * the fresh token the change itself hands out must stay good.
 */
export function endedSession(claims: { issuedAt?: Date }, sessionsValidFrom: Date | null | undefined): boolean {
  if (!sessionsValidFrom || !claims.issuedAt) return false;
  return claims.issuedAt.getTime() < Math.floor(sessionsValidFrom.getTime() / 1000) * 1000;
}

/** Signed, expiring session tokens for callers behind the local host (HS256 via jose). */
export class SessionTokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: SessionClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT(claims.mustChangePassword ? { openid: claims.openid, mcp: true } : { openid: claims.openid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Any fault in the token (forged, expired, malformed) is the caller's: UNAUTHENTICATED. */
  async verify(token: string): Promise<VerifiedClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer,
        audience,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.openid !== 'string') {
        throw new AppError('UNAUTHENTICATED', { reason: 'claims' });
      }
      return { userId: payload.sub, openid: payload.openid, mustChangePassword: payload.mcp === true, issuedAt: new Date((payload.iat ?? 0) * 1000) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason = error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid';
      throw new AppError('UNAUTHENTICATED', { reason });
    }
  }
}
