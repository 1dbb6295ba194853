import Taro from '@tarojs/taro';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginResult, PublicUser } from '../../../shared/schemas/user.schema';
import { ApiError, toApiError } from '../api/api-error';
import { clearSession, onSessionExpired, readSession, saveSession } from '../api/session-store';
import { userApi, type UpdateProfileInput } from '../api/user.api';
import { usesWeChatCloud } from '../config/runtime-config';
import { clearDraft } from '../features/booking/booking-draft';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

export type SessionValue = {
  status: SessionStatus;
  user: PublicUser | null;
  /** Why the session could not be checked (status 'error'): shown with a retry button. */
  error: ApiError | null;
  /** Browser / development login with a demo openid. */
  devLogin: (openid: string) => Promise<PublicUser>;
  /** Staff sign-in with a password (browser); says whether the password must be changed first. */
  staffLogin: (loginName: string, password: string) => Promise<{ user: PublicUser; mustChangePassword: boolean }>;
  /** WeChat login: wx.login's code exchanged by the `user.login` action. */
  wechatLogin: () => Promise<PublicUser>;
  logout: () => void;
  /** Asks the server who we are again (after a network error, or to pick up new roles). */
  refresh: () => Promise<void>;
  updateProfile: (changes: UpdateProfileInput) => Promise<PublicUser>;
};

const SessionContext = createContext<SessionValue | null>(null);

type State = { status: SessionStatus; user: PublicUser | null; error: ApiError | null };

/** Whether there is anything to ask the server about: a stored token, or WeChat Cloud's own identity. */
function hasCredentials(): boolean {
  return usesWeChatCloud() || readSession() !== null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>(() =>
    hasCredentials() ? { status: 'loading', user: null, error: null } : { status: 'signedOut', user: null, error: null },
  );
  const checkId = useRef(0);

  const refresh = useCallback(async () => {
    const id = ++checkId.current;
    if (!hasCredentials()) {
      setState({ status: 'signedOut', user: null, error: null });
      return;
    }
    setState((previous) => ({ ...previous, status: previous.user ? previous.status : 'loading', error: null }));
    try {
      const user = await userApi.me();
      if (id === checkId.current) setState({ status: 'signedIn', user, error: null });
    } catch (caught) {
      if (id !== checkId.current) return;
      const error = toApiError(caught);
      if (error.code === 'UNAUTHENTICATED') setState({ status: 'signedOut', user: null, error: null });
      else setState((previous) => ({ status: previous.user ? 'signedIn' : 'error', user: previous.user, error }));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onSessionExpired(() => {
      checkId.current++;
      setState({ status: 'signedOut', user: null, error: null });
    });
  }, [refresh]);

  const acceptLogin = useCallback((result: LoginResult): PublicUser => {
    // A half-filled booking on this phone belongs to whoever typed it, not to the next account.
    clearDraft();
    saveSession({ token: result.token, expiresAt: result.expiresAt });
    checkId.current++;
    setState({ status: 'signedIn', user: result.user, error: null });
    return result.user;
  }, []);

  const devLogin = useCallback(
    async (openid: string) => acceptLogin(await userApi.devLogin(openid)),
    [acceptLogin],
  );

  const staffLogin = useCallback(
    async (loginName: string, password: string) => {
      const result = await userApi.staffLogin(loginName, password);
      return { user: acceptLogin(result), mustChangePassword: result.mustChangePassword };
    },
    [acceptLogin],
  );

  const wechatLogin = useCallback(async () => {
    let code: string;
    try {
      code = (await Taro.login()).code;
    } catch (caught) {
      throw new ApiError('WECHAT_UNAVAILABLE', { details: { cause: String(caught) } });
    }
    return acceptLogin(await userApi.login(code));
  }, [acceptLogin]);

  const logout = useCallback(() => {
    clearDraft();
    clearSession();
    checkId.current++;
    setState({ status: 'signedOut', user: null, error: null });
  }, []);

  const updateProfile = useCallback(async (changes: UpdateProfileInput) => {
    const user = await userApi.updateProfile(changes);
    setState({ status: 'signedIn', user, error: null });
    return user;
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ ...state, devLogin, staffLogin, wechatLogin, logout, refresh, updateProfile }),
    [state, devLogin, staffLogin, wechatLogin, logout, refresh, updateProfile],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
