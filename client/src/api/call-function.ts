import type { z } from 'zod';
import { runtimeConfig } from '../config/runtime-config';
import type { ApiAction, ApiFunction, ApiInput } from './api-actions';
import { toApiError, isApiError } from './api-error';
import { readReply } from './reply';
import { expireSession, readSession } from './session-store';
import { send } from './transport';

/**
 * Calls one action of one cloud function: `POST /api/<name>` with `{ action, ...payload }` (or
 * wx.cloud.callFunction), and returns the reply's data parsed with `schema`. Every failure rejects
 * with an ApiError carrying a code and the Chinese message a resident reads.
 */
export async function callFunction<S extends z.ZodType>(
  name: string,
  action: string,
  payload: Record<string, unknown>,
  schema: S,
): Promise<z.output<S>> {
  const token = readSession()?.token ?? null;
  try {
    const reply = await send({ name, body: { ...payload, action }, token, timeoutMs: runtimeConfig.requestTimeoutMs });
    return readReply(reply, schema);
  } catch (error) {
    const apiError = toApiError(error);
    // Only a token we sent can have expired; a public action's UNAUTHENTICATED says nothing about it.
    if (isApiError(error) && apiError.code === 'UNAUTHENTICATED' && token !== null) expireSession();
    throw apiError;
  }
}

/**
 * The typed way in: the function, the action and its input are checked against the shared input
 * schemas, and the result is what `result` (a view schema) parses the reply to.
 */
export function callAction<F extends ApiFunction, A extends ApiAction<F>, S extends z.ZodType>(
  fn: F,
  action: A,
  input: ApiInput<F, A>,
  result: S,
): Promise<z.output<S>> {
  return callFunction(fn, action, input as Record<string, unknown>, result);
}
