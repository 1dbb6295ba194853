import { useState } from 'react';
import { toApiError, type ApiError } from '../api/api-error';
import { showToast } from '../ui/feedback';

/**
 * One action at a time on a page (sign up, confirm, withdraw…): `busy` names the one running so
 * its button spins and the others wait; a failure is kept for the page to show; `after` runs either
 * way (usually reloading what the action changed).
 */
export function useBusyAction(after: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (key: string, work: () => Promise<unknown>, done: string): Promise<void> => {
    setBusy(key);
    setError(null);
    try {
      await work();
      showToast(done);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
      after();
    }
  };
  return { busy, error, run };
}
