import Taro from '@tarojs/taro';

/** The session token the host issued, kept in the mini-program's / browser's local storage. */
export type StoredSession = { token: string; expiresAt: string };

const storageKey = 'civic.session';

type Listener = () => void;
const expiredListeners = new Set<Listener>();

export function readSession(now: number = Date.now()): StoredSession | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(storageKey);
  } catch {
    return null;
  }
  if (!isStoredSession(stored)) return null;
  const expires = Date.parse(stored.expiresAt);
  if (Number.isNaN(expires) || expires <= now) {
    clearSession();
    return null;
  }
  return stored;
}

export function saveSession(session: StoredSession): void {
  Taro.setStorageSync(storageKey, session);
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(storageKey);
  } catch {
    // Nothing stored, or storage unavailable: either way no session remains to clear.
  }
}

/** The server said the token is no longer good: forget it and tell whoever shows the session. */
export function expireSession(): void {
  clearSession();
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => {
    expiredListeners.delete(listener);
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as StoredSession).token === 'string' && (value as StoredSession).token !== '' &&
    typeof (value as StoredSession).expiresAt === 'string'
  );
}
