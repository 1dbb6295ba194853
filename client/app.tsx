import type { PropsWithChildren } from 'react';
import { ElderModeProvider } from './src/elder/elder-mode-context';
import { SessionProvider } from './src/session/session-context';
import './app.scss';
// Resolves to styles.weapp.ts or styles.h5.ts.
import './src/ui/styles';

function App({ children }: PropsWithChildren) {
  return (
    <SessionProvider>
      <ElderModeProvider>{children}</ElderModeProvider>
    </SessionProvider>
  );
}

export default App;
