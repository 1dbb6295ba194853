import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `callback` when the page comes back on screen after another page was on top (back from the
 * confirmation, from a detail). Keyed to a hide first, so it neither depends on whether the first
 * onShow reached a component mounted late nor runs when the page first opens.
 */
export function useShownAgain(callback: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    callback();
  });
}
