import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';
import { useElderMode } from '../elder/elder-mode-context';
import { goBack, restartAt, routes } from '../navigation/routes';
import { NavBar } from '../ui/NavBar';

type Props = {
  children: ReactNode;
  /** The home page: nothing to go back or home to. */
  home?: boolean;
};

/**
 * Every page's root: carries the design tokens, switches them to elder sizes, and (in the browser,
 * which has no navigation bar of its own) offers the way back and home at the top.
 */
export function Page({ children, home }: Props) {
  const { elder } = useElderMode();
  // The stack is complete only once the page is mounted.
  const [depth, setDepth] = useState(1);
  useEffect(() => setDepth(Taro.getCurrentPages().length), []);
  return (
    <View className={elder ? 'page elder' : 'page'}>
      {home ? null : <NavBar canGoBack={depth > 1} onBack={goBack} onHome={() => restartAt(routes.home)} />}
      {children}
    </View>
  );
}
