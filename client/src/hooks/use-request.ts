import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/api-error';

export type RequestState<T> = {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Runs the request again (the retry button calls this). */
  run: () => Promise<T | undefined>;
};

/**
 * Runs `request` on mount (unless `manual`) and whenever `deps` change. Only the latest run may set
 * state, so a slow earlier reply never overwrites a newer one.
 */
export function useRequest<T>(
  request: () => Promise<T>,
  deps: readonly unknown[],
  options: { manual?: boolean } = {},
): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!options.manual);
  const latest = useRef(0);
  const mounted = useRef(true);
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (): Promise<T | undefined> => {
    const id = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const result = await requestRef.current();
      if (mounted.current && id === latest.current) {
        setData(result);
        setLoading(false);
      }
      return result;
    } catch (caught) {
      if (mounted.current && id === latest.current) {
        setError(toApiError(caught));
        setLoading(false);
      }
      return undefined;
    }
  }, []);

  useEffect(() => {
    if (!options.manual) void run();
    // The caller's deps decide when to fetch again (run itself never changes).
  }, deps);

  return { data, error, loading, run };
}
