import Taro, { usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { ElderModeProvider } from './src/elder/elder-mode-context';
import { routes } from './src/navigation/routes';
import { SessionProvider } from './src/session/session-context';
import './app.scss';
// Resolves to styles.weapp.ts or styles.h5.ts.
import './src/ui/styles';

function App({ children }: PropsWithChildren) {
  // An address the app does not have (an old link, a typo) would otherwise be a blank page.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: routes.notFound }).catch(() => Taro.reLaunch({ url: routes.notFound }));
  });
  return (
    <SessionProvider>
      <ElderModeProvider>{children}</ElderModeProvider>
    </SessionProvider>
  );
}

export default App;
