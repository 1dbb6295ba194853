import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '../elder/elder-mode-context';

/** Every page's root: carries the design tokens and switches them to elder sizes. */
export function Page({ children }: { children: ReactNode }) {
  const { elder } = useElderMode();
  return <View className={elder ? 'page elder' : 'page'}>{children}</View>;
}
