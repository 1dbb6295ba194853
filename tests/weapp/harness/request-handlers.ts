import http from 'node:http';
import type { RequestHandler, WxRequest, WxResponse } from './wx-api';

/**
 * Sends the mini-program's requests to a real host: the path and query of the URL the app built
 * (`<apiBase>/api/<function>`), the method, headers and JSON body as wx.request would send them.
 */
export function forwardTo(hostUrl: string): RequestHandler {
  const host = new URL(hostUrl);
  return (request) =>
    new Promise<WxResponse>((resolve, reject) => {
      const target = new URL(request.url);
      const body = request.data === undefined ? undefined : typeof request.data === 'string' ? request.data : JSON.stringify(request.data);
      const outgoing = http.request(
        {
          hostname: host.hostname,
          port: host.port,
          path: `${target.pathname}${target.search}`,
          method: request.method,
          headers: { ...request.header, ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let data: unknown = text;
            try {
              data = JSON.parse(text) as unknown;
            } catch {
              // wx.request with dataType json hands over the raw text when it is not JSON.
            }
            const header = Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key, String(value)]));
            resolve({ statusCode: response.statusCode ?? 0, data, header });
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      if (body !== undefined) outgoing.write(body);
      outgoing.end();
    });
}

/** A cloud-function call as the host receives it: which function, which action, what payload. */
export type FunctionCall = { name: string; action: string; payload: Record<string, unknown>; token: string | null };
export type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * Answers calls in the test itself: `answers['user.me']` gives the reply envelope for that action.
 * A call with no answer fails the test (it is recorded and answered INTERNAL, status 500).
 */
export function answerCalls(answers: Record<string, (call: FunctionCall) => Answer>, unanswered: FunctionCall[] = []): RequestHandler {
  return async (request: WxRequest) => {
    const call = functionCallOf(request);
    const answer = answers[`${call.name}.${call.action}`];
    if (!answer) {
      unanswered.push(call);
      return { statusCode: 500, data: { ok: false, error: { code: 'INTERNAL', message: `no answer for ${call.name}.${call.action}` } } };
    }
    const reply = answer(call);
    return { statusCode: reply.ok ? 200 : 400, data: reply };
  };
}

export function functionCallOf(request: WxRequest): FunctionCall {
  const match = /\/api\/([^/?]+)$/.exec(new URL(request.url).pathname);
  if (!match || request.method !== 'POST') throw new Error(`not a function call: ${request.method} ${request.url}`);
  const { action, ...payload } = (request.data ?? {}) as Record<string, unknown>;
  const authorization = request.header.Authorization ?? request.header.authorization ?? '';
  return {
    name: decodeURIComponent(match[1]!),
    action: String(action),
    payload,
    token: authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null,
  };
}
