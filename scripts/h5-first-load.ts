import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { registerH5App } from '../host/http-app';

export type H5FirstLoad = {
  /** Script bytes on the wire for the first visit of the home page (compressed as served). */
  jsTransferredBytes: number;
  /** The same scripts uncompressed. */
  jsRawBytes: number;
  /** Every response of the first visit on the wire: shell, scripts, styles, icon. */
  allTransferredBytes: number;
  scripts: { url: string; transferredBytes: number; encoding: string | null }[];
};

/**
 * Opens the H5 build's home page in headless Chromium, served as the host serves it (brotli by
 * Accept-Encoding, no API behind it: the signed-out home needs none to render), and counts what
 * came over the wire. Chromium's own count (`sizes()`) is the encoded body, as a phone would pay it.
 */
export async function measureH5FirstLoad(staticDir: string): Promise<H5FirstLoad> {
  const http = Fastify();
  registerH5App(http, staticDir);
  await http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = http.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const responses: Promise<{ url: string; type: string; transferred: number; raw: number; encoding: string | null }>[] = [];
    page.on('response', (response) => {
      responses.push(
        (async () => {
          const sizes = await response.request().sizes();
          const body = await response.body().catch(() => Buffer.alloc(0));
          return {
            url: new URL(response.url()).pathname,
            type: response.request().resourceType(),
            transferred: sizes.responseBodySize + sizes.responseHeadersSize,
            raw: body.length,
            encoding: (await response.headerValue('content-encoding')) ?? null,
          };
        })(),
      );
    });
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
    const all = (await Promise.all(responses)).filter((r) => !r.url.startsWith('/api/'));
    const scripts = all.filter((r) => r.type === 'script');
    return {
      jsTransferredBytes: scripts.reduce((sum, r) => sum + r.transferred, 0),
      jsRawBytes: scripts.reduce((sum, r) => sum + r.raw, 0),
      allTransferredBytes: all.reduce((sum, r) => sum + r.transferred, 0),
      scripts: scripts.map((r) => ({ url: r.url, transferredBytes: r.transferred, encoding: r.encoding })),
    };
  } finally {
    await browser.close();
    await http.close();
  }
}
