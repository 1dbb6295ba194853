import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, errorHttpStatus, failure } from '../shared/errors';
import type { App } from '../cloudfunctions/core/runtime/app';
import { pingDatabase } from '../cloudfunctions/core/db/mongo-connection';
import type { CloudFunction } from '../cloudfunctions/core/runtime/define-function';

export const BODY_LIMIT_BYTES = 100 * 1024;

export type HttpAppOptions = {
  app: App;
  functions: Record<string, CloudFunction>;
  /** The H5 build of the client, served at / when it exists. */
  staticDir?: string;
  logger?: boolean;
};

/**
 * The local host's HTTP face: POST /api/<function> with the event as body, the envelope as reply,
 * the HTTP status taken from the error code. Identity is the Bearer token, never the body.
 */
export function buildHttpApp({ app, functions, staticDir, logger = false }: HttpAppOptions): FastifyInstance {
  // Prototype keys are parsed as plain own keys and then refused by the function runtime, which
  // names the field they sit in (the parser's own refusal could only say "malformed JSON").
  const http = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, onProtoPoisoning: 'ignore', onConstructorPoisoning: 'ignore' });

  // Fastify's own refusals (too large, malformed JSON, wrong content type) become our 400 envelope.
  http.setErrorHandler((error: { code?: string; statusCode?: number }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(400).send(failure(new AppError('PAYLOAD_TOO_LARGE', { limitBytes: BODY_LIMIT_BYTES }).toBody()));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(400).send(failure(new AppError('MALFORMED_JSON').toBody()));
    }
    console.error('[host] unexpected error', error);
    return reply.code(500).send(failure(new AppError('INTERNAL').toBody()));
  });

  http.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const fn = Object.hasOwn(functions, request.params.fn) ? functions[request.params.fn] : undefined;
    if (!fn) return reply.code(404).send(failure(new AppError('NOT_FOUND', { function: request.params.fn }).toBody()));
    const envelope = await fn.invoke(app, request.body ?? {}, { kind: 'bearer', token: bearerToken(request.headers.authorization) });
    return reply.code(envelope.ok ? 200 : errorHttpStatus[envelope.error.code]).send(envelope);
  });

  // Health is the database's: a host that answers while every call fails is not healthy.
  http.get('/healthz', async (_request, reply) => {
    if (await pingDatabase(app.db)) return { ok: true, db: 'up' };
    return reply.code(503).send({ ok: false, db: 'down', error: new AppError('SERVICE_UNAVAILABLE').toBody() });
  });

  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    void http.register(fastifyStatic, { root: staticDir, index: 'index.html' });
    // The H5 app routes in the browser; any other GET outside /api gets its shell, except a missing
    // file (a name with an extension, e.g. an old script): that is a 404, not a page.
    http.setNotFoundHandler((request, reply) => {
      const isFile = /\.[A-Za-z0-9]{1,8}$/.test(request.url.split('?')[0] ?? '');
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !isFile) return reply.sendFile('index.html');
      return reply.code(404).send(failure(new AppError('NOT_FOUND').toBody()));
    });
  } else {
    http.setNotFoundHandler((_request, reply) => reply.code(404).send(failure(new AppError('NOT_FOUND').toBody())));
  }
  return http;
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/);
  return match?.[1] ?? null;
}
