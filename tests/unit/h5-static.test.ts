import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { cacheControlFor, registerH5App } from '../../host/http-app';
import { precompressH5 } from '../../host/h5-precompress';

type Reply = { statusCode: number; headers: IncomingHttpHeaders; rawPayload: Buffer; body: string };

/** A GET with the raw bytes as sent (fetch would decompress them); light-my-request does not load under jest. */
function fetchRaw(base: string, url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    get(base + url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body: rawPayload.toString() });
      });
    }).on('error', reject);
  });
}

/** The H5 build as the host serves it: compressed by Accept-Encoding, cached by what a name promises. */
describe('serving the H5 build', () => {
  let dir: string;
  let http: FastifyInstance;
  let base: string;
  const script = `console.log(${JSON.stringify('预约'.repeat(2000))});`;
  const shell = `<!doctype html><html><head><script src="/js/app.0123abcd.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h5-static-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), shell);
    writeFileSync(join(dir, 'js', 'app.0123abcd.js'), script);
    writeFileSync(join(dir, 'favicon.ico'), Buffer.alloc(600, 1));
    const first = precompressH5(dir);
    expect(first).toMatchObject({ files: 2, written: 2 });
    expect(first.brotliBytes).toBeLessThan(first.rawBytes / 4);
    // A second pass finds the copies fresh and writes nothing.
    expect(precompressH5(dir).written).toBe(0);
    http = Fastify();
    registerH5App(http, dir);
    await http.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await http.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli when asked for it, gzip when only that is accepted, the plain file otherwise', async () => {
    const br = await fetchRaw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await fetchRaw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await fetchRaw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const reply of [br, gz, plain]) {
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(reply.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('lets hashed scripts be kept for a year and asks for the shell every time', async () => {
    const asset = await fetchRaw(base, '/js/app.0123abcd.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/subpackages/booking/pages/form/index']) {
      const page = await fetchRaw(base, url, { 'accept-encoding': 'br' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(page.rawPayload).toString()).toBe(shell);
    }
    const icon = await fetchRaw(base, '/favicon.ico');
    expect(icon.headers['cache-control']).toBe('public, max-age=86400');
    expect((await fetchRaw(base, '/js/app.old00000.js')).statusCode).toBe(404);
  });

  it('names a hashed asset only when its name carries the hash', () => {
    expect(cacheControlFor('/srv/h5/js/app.0123abcd.js.br')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/h5/css/app.0123abcd.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/h5/js/app.js')).toBe('public, max-age=86400');
    expect(cacheControlFor('/srv/h5/index.html.gz')).toBe('no-cache');
  });
});
