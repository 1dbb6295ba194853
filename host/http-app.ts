import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, errorHttpStatus, failure, isAppError } from '../shared/errors';
import type { App } from '../cloudfunctions/core/runtime/app';
import { pingDatabase } from '../cloudfunctions/core/db/mongo-connection';
import type { CloudFunction } from '../cloudfunctions/core/runtime/define-function';
import { verifyPageHtml, type VerifyPageState } from './verify-page';

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

  const unfinished = new Set<Promise<void>>();
  http.addHook('onClose', async () => {
    await Promise.all(unfinished);
  });

  http.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const fn = Object.hasOwn(functions, request.params.fn) ? functions[request.params.fn] : undefined;
    if (!fn) return reply.code(404).send(failure(new AppError('NOT_FOUND', { function: request.params.fn }).toBody()));
    // The peer address (no trustProxy: a client cannot name it with a header) feeds the login's per-address limit.
    const identity = { kind: 'bearer', token: bearerToken(request.headers.authorization), clientAddress: request.ip } as const;
    // The reply leaves before the call's notices are made (after-reply.ts); closing waits for them.
    const { envelope, afterReply } = await fn.respond(app, request.body ?? {}, identity);
    unfinished.add(afterReply);
    void afterReply.finally(() => unfinished.delete(afterReply));
    return reply.code(envelope.ok ? 200 : errorHttpStatus[envelope.error.code]).send(envelope);
  });

  // Health is the database's: a host that answers while every call fails is not healthy.
  http.get('/healthz', async (_request, reply) => {
    if (await pingDatabase(app.db)) return { ok: true, db: 'up' };
    return reply.code(503).send({ ok: false, db: 'down', error: new AppError('SERVICE_UNAVAILABLE').toBody() });
  });

  // documents — certificates: the public page a certificate's QR code opens. Never cached for long
  // (a certificate may be withdrawn) and kept out of search engines.
  http.get<{ Params: { serial: string } }>('/verify/:serial', async (request, reply) => {
    const { status, state } = await verifyState(app, request.params.serial);
    return reply.code(status).header('cache-control', 'no-cache').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(verifyPageHtml(state));
  });

  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    registerH5App(http, staticDir);
  } else {
    http.setNotFoundHandler((_request, reply) => reply.code(404).send(failure(new AppError('NOT_FOUND').toBody())));
  }
  return http;
}

// Scripts and styles carry a content hash in their name (config/index.ts), so a name never changes
// meaning and may be kept for a year; the shell that names them must be asked for again each time.
const HASHED_ASSET = /\/(js|css)\/[^/]+\.[0-9a-f]{8}\.(js|css)$/;
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';
const ALWAYS_REVALIDATE = 'no-cache';
const ONE_DAY = 'public, max-age=86400';

/** Cache-Control for a file of the H5 build, by what its name promises. */
export function cacheControlFor(sentPath: string): string {
  // A compressed copy is cached as the file it stands for.
  const path = sentPath.replace(/\.(br|gz)$/, '');
  if (HASHED_ASSET.test(path)) return YEAR_IMMUTABLE;
  if (path.endsWith('.html')) return ALWAYS_REVALIDATE;
  return ONE_DAY;
}

/**
 * The H5 build at /: brotli or gzip copies (written by host/h5-precompress.ts) chosen by
 * Accept-Encoding, each file with the Cache-Control its name allows.
 */
export function registerH5App(http: FastifyInstance, staticDir: string): void {
  void http.register(fastifyStatic, {
    root: staticDir,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', cacheControlFor(path));
      // Caches keep the brotli, gzip and plain answers apart.
      res.setHeader('vary', 'accept-encoding');
    },
  });
  // The H5 app routes in the browser; any other GET outside /api gets its shell, except a missing
  // file (a name with an extension, e.g. an old script): that is a 404, not a page.
  http.setNotFoundHandler((request, reply) => {
    const isFile = /\.[A-Za-z0-9]{1,8}$/.test(request.url.split('?')[0] ?? '');
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !isFile) return reply.sendFile('index.html');
    return reply.code(404).send(failure(new AppError('NOT_FOUND').toBody()));
  });
}

async function verifyState(app: App, serial: string): Promise<{ status: number; state: VerifyPageState }> {
  try {
    const state = await app.services.certificates.verify(serial);
    return { status: state.valid ? 200 : 404, state };
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') return { status: 400, state: { valid: false, reason: 'malformed' } };
    console.error('[host] /verify failed', error);
    return { status: 503, state: { valid: false, reason: 'unavailable' } };
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/);
  return match?.[1] ?? null;
}
