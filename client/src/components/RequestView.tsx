import type { ReactNode } from 'react';
import type { RequestState } from '../hooks/use-request';
import { Loading } from '../ui/Loading';
import { ErrorNotice } from './ErrorNotice';

type Props<T> = {
  state: RequestState<T>;
  loadingText?: string;
  children: (data: T) => ReactNode;
};

/** Loading, then the data, or the error with a retry button: never a blank page. */
export function RequestView<T>({ state, loadingText, children }: Props<T>) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={() => void state.run()} />;
  if (state.data === undefined) return <Loading text={loadingText} />;
  return <>{children(state.data)}</>;
}
