import Taro from '@tarojs/taro';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../session/session-context';
import { systemPrefersLargeText } from './elder-mode-default';

/** Where the current setting came from, so the profile page can say so. */
export type ElderModeSource = 'device' | 'account' | 'system' | 'default';

export type ElderModeValue = {
  elder: boolean;
  source: ElderModeSource;
  /** Stores the choice on this device; the profile page also saves it to the account. */
  setElder: (on: boolean) => void;
};

const storageKey = 'civic.elderMode';

function readStored(): boolean | null {
  try {
    const value: unknown = Taro.getStorageSync(storageKey);
    return value === 'on' ? true : value === 'off' ? false : null;
  } catch {
    return null;
  }
}

const ElderModeContext = createContext<ElderModeValue | null>(null);

/**
 * Elder mode (适老化): large text, large targets. A choice made on this device wins; otherwise the
 * account's setting when it is on; otherwise on when WeChat's own font size is set large.
 */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [stored, setStored] = useState<boolean | null>(readStored);
  const [systemLarge] = useState(systemPrefersLargeText);

  const setElder = useCallback((on: boolean) => {
    Taro.setStorageSync(storageKey, on ? 'on' : 'off');
    setStored(on);
  }, []);

  const value = useMemo<ElderModeValue>(() => {
    if (stored !== null) return { elder: stored, source: 'device', setElder };
    if (user?.elderMode) return { elder: true, source: 'account', setElder };
    if (systemLarge) return { elder: true, source: 'system', setElder };
    return { elder: false, source: 'default', setElder };
  }, [stored, user?.elderMode, systemLarge, setElder]);

  // Toasts and dialogs in the browser live outside any page: they read the mode from <body>.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
      document.body.classList.toggle('elder-mode', value.elder);
    }
  }, [value.elder]);

  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>;
}

export function useElderMode(): ElderModeValue {
  const value = useContext(ElderModeContext);
  if (!value) throw new Error('useElderMode must be used inside ElderModeProvider');
  return value;
}
