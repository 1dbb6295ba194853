import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * Calls `callback` every `ms` while the page is on screen (the live roster every 10 s, the code's
 * countdown every second); a page under another one, or a phone locked, asks nothing.
 */
export function useWhileShown(callback: () => void, ms: number): void {
  const shown = useRef(true);
  const latest = useRef(callback);
  latest.current = callback;
  useDidShow(() => {
    shown.current = true;
  });
  useDidHide(() => {
    shown.current = false;
  });
  useEffect(() => {
    const timer = setInterval(() => {
      if (shown.current) latest.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
