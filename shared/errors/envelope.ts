import type { ErrorBody } from './app-error';

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function success<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}
