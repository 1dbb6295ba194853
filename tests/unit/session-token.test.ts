import { SessionTokenService, endedSession } from '../../cloudfunctions/core/services/session-token.service';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { AppError } from '../../shared/errors';

const secret = 'a-secret-of-at-least-thirty-two-characters!!';

async function reasonOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAUTHENTICATED');
    return (error as AppError).details?.reason;
  }
  throw new Error('expected UNAUTHENTICATED');
}

describe('session tokens', () => {
  const clock = manualClock('2026-11-29T08:00:00Z');
  const sut = new SessionTokenService(secret, 3600, clock);

  it('round-trips the user id and openid', async () => {
    const { token, expiresAt } = await sut.issue({ userId: 'u1', openid: 'o1' });
    expect(expiresAt.toISOString()).toBe('2026-11-29T09:00:00.000Z');
    await expect(sut.verify(token)).resolves.toEqual({ userId: 'u1', openid: 'o1', mustChangePassword: false, issuedAt: new Date('2026-11-29T08:00:00.000Z') });
  });

  it('carries a password change still due, and only when it is', async () => {
    const due = await sut.issue({ userId: 'u1', openid: 'pw:chen', mustChangePassword: true });
    await expect(sut.verify(due.token)).resolves.toMatchObject({ userId: 'u1', mustChangePassword: true });
    const done = await sut.issue({ userId: 'u1', openid: 'pw:chen', mustChangePassword: false });
    await expect(sut.verify(done.token)).resolves.toMatchObject({ mustChangePassword: false });
  });

  // staff sign-in
  it('tells a token issued before a password change from one issued at or after it (whole seconds)', () => {
    const issuedAt = new Date('2026-11-29T08:00:00.000Z');
    expect(endedSession({ issuedAt }, new Date('2026-11-29T08:00:01.000Z'))).toBe(true);
    // The fresh token a change hands out is issued in the change's own second: it stays good.
    expect(endedSession({ issuedAt }, new Date('2026-11-29T08:00:00.900Z'))).toBe(false);
    expect(endedSession({ issuedAt }, null)).toBe(false);
    expect(endedSession({ issuedAt }, undefined)).toBe(false);
  });

  it('refuses an expired token', async () => {
    const { token } = await sut.issue({ userId: 'u1', openid: 'o1' });
    const later = new SessionTokenService(secret, 3600, manualClock('2026-11-29T09:00:01Z'));
    expect(await reasonOf(later.verify(token))).toBe('expired');
  });

  it('refuses a token signed with another secret', async () => {
    const forger = new SessionTokenService('another-secret-of-at-least-thirty-two-chars', 3600, clock);
    const { token } = await forger.issue({ userId: 'admin', openid: 'o-admin' });
    expect(await reasonOf(sut.verify(token))).toBe('invalid');
  });

  it('refuses a token whose payload was edited', async () => {
    const { token } = await sut.issue({ userId: 'u1', openid: 'o1' });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'admin', openid: 'o1', iss: 'civic-services', aud: 'civic-services-client', exp: 1_900_000_000 })).toString('base64url');
    expect(await reasonOf(sut.verify(`${header}.${payload}.${signature}`))).toBe('invalid');
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'admin', openid: 'x' })).toString('base64url');
    expect(await reasonOf(sut.verify(`${header}.${payload}.`))).toBe('invalid');
  });
});
