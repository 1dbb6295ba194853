import type { ReactNode } from 'react';
import type { RequestState } from '../hooks/use-request';
import { restartAt, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Loading';
import { ErrorNotice } from './ErrorNotice';

type Props<T> = {
  state: RequestState<T>;
  loadingText?: string;
  /** Where to go when retrying cannot help (a wrong id): home unless the page says better. */
  wayOn?: ReactNode;
  children: (data: T) => ReactNode;
};

/** Loading, then the data, or the error with a retry button or a way on: never a blank page or a dead end. */
export function RequestView<T>({ state, loadingText, wayOn, children }: Props<T>) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={() => void state.run()} wayOn={wayOn ?? <HomeButton />} />;
  if (state.data === undefined) return <Loading text={loadingText} />;
  return <>{children(state.data)}</>;
}

function HomeButton() {
  return (
    <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
      回到首页
    </Button>
  );
}
