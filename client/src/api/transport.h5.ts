import { runtimeConfig } from '../config/runtime-config';
import { ApiError } from './api-error';
import { functionUrl, requestHeaders } from './http-url';
import type { RawReply } from './reply';
import type { CallRequest } from './transport.types';

/** The browser build: fetch to the host, same origin unless TARO_APP_API_BASE says otherwise. */
export async function send(request: CallRequest): Promise<RawReply> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), request.timeoutMs) : null;
  let response: Response;
  try {
    response = await fetch(functionUrl(runtimeConfig.apiBase, request.name), {
      method: 'POST',
      headers: requestHeaders(request.token),
      body: JSON.stringify(request.body),
      signal: controller?.signal,
    });
  } catch (error) {
    throw new ApiError('NETWORK', { details: { cause: error instanceof Error ? error.message : String(error) } });
  } finally {
    if (timer) clearTimeout(timer);
  }
  return { status: response.status, body: await readJson(response) };
}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    // The connection broke while the body was arriving.
    throw new ApiError('NETWORK');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
