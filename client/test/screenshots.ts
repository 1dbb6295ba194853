/**
 * Looks at the built H5 app the way a person would: serves build/h5, opens pages in headless
 * Chromium at a phone's size, saves screenshots and prints axe-core's accessibility findings.
 * By default the host is not needed: its `POST /api/user` replies are played by a small stand-in.
 * With --host URL the pages talk to a running host instead (`npm start` serves build/h5 itself).
 *
 *   npx taro build --type h5 --no-check && npx tsx client/test/screenshots.ts [outDir]
 *   npx tsx client/test/screenshots.ts --host http://127.0.0.1:3000 [outDir]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
// One list of Chromium flags for every headless run (see ../shared/toolchain.md).
import { chromiumArgs } from '../../tests/e2e/e2e-browser';

const rootDir = path.resolve(__dirname, '..', '..');
const hostFlag = process.argv.indexOf('--host');
const realHost = hostFlag >= 0 ? process.argv[hostFlag + 1] : undefined;
const positional = process.argv.slice(2).filter((arg, i, all) => arg !== '--host' && all[i - 1] !== '--host');
const outDir = path.resolve(positional[0] ?? path.join(rootDir, 'test-results', 'screenshots'));
const port = 18000 + Math.floor(Math.random() * 1000);
const baseUrl = (realHost ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');


type FakeUser = {
  id: string; openid: string; name: string | null; phone: string | null; communityId: string | null;
  elderMode: boolean; roles: string[]; staffStreetId: string | null; createdAt: string;
};

const demoUsers: Record<string, Partial<FakeUser>> = {
  'demo-resident-1': { name: '王阿姨', phone: '13800000001', roles: ['resident'] },
  'demo-advisor-1': { name: '张顾问', roles: ['resident', 'advisor'] },
};

/** Plays the host's `user` function: enough for login, me and updateProfile. */
function fakeUserFunction() {
  let current: FakeUser | null = null;
  return async (route: Route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    const reply = (data: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, data }) });
    if (body.action === 'devLogin') {
      const openid = String(body.openid);
      current = {
        id: `u-${openid}`, openid, name: null, phone: null, communityId: null, elderMode: false,
        roles: ['resident'], staffStreetId: null, createdAt: '2025-11-29T00:00:00.000Z', ...demoUsers[openid],
      };
      return reply({ token: `token-${openid}`, expiresAt: '2099-01-01T00:00:00.000Z', user: current });
    }
    if (!current) {
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } }) });
    }
    if (body.action === 'updateProfile') {
      const { action: _action, ...changes } = body;
      current = { ...current, ...(changes as Partial<FakeUser>) };
    }
    return reply(current);
  };
}

async function serve(): Promise<ChildProcess> {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: path.join(rootDir, 'build', 'h5'),
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${baseUrl}/index.html`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('static server did not start');
}

async function audit(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
  });
  const findings = result.violations.map((v) => `${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  console.log(`axe ${name}: ${findings.length === 0 ? 'no violations' : `\n  ${findings.join('\n  ')}`}`);
}

/** Taro's H5 router slides pages in: wait until the visible page stands still at the left edge. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page'));
    const shown = pages.filter((p) => getComputedStyle(p).display !== 'none');
    return shown.length === 1 && Math.abs(shown[0]!.getBoundingClientRect().left) < 1;
  });
}

// Runs in the page; a string so the test runner's transpiler adds no helpers to it.
const measureScript = `(() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const root = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none') || document.body;
  const targets = Array.from(root.querySelectorAll('button, input, [role="switch"], a[href]')).filter(visible);
  const minTarget = Math.min(...targets.map((el) => Math.min(el.getBoundingClientRect().height, el.getBoundingClientRect().width)));
  const texts = Array.from(root.querySelectorAll('*')).filter(
    (el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent || '').trim() !== ''),
  );
  const fontSizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
  return { isElder: root.querySelector('.page.elder') !== null, minTarget: Math.round(minTarget * 10) / 10, minFont: Math.min(...fontSizes), maxFont: Math.max(...fontSizes) };
})()`;

/** The smallest tap target and the smallest text on the visible page, in CSS px. */
async function measure(page: Page, name: string): Promise<void> {
  const sizes = (await page.evaluate(measureScript)) as { isElder: boolean; minTarget: number; minFont: number; maxFont: number };
  console.log(`sizes ${name}: elder=${String(sizes.isElder)} smallest tap target ${sizes.minTarget}px, text ${sizes.minFont}-${sizes.maxFont}px`);
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await measure(page, name);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${path.relative(rootDir, file)}`);
  await audit(page, name);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const profileDir = mkdtempSync(path.join(tmpdir(), 'civic-chromium-'));
  process.env.XDG_CONFIG_HOME = path.join(profileDir, 'config');
  process.env.XDG_CACHE_HOME = path.join(profileDir, 'cache');
  const server = realHost ? null : await serve();
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(path.join(profileDir, 'user'), {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    });
    const page = context.pages()[0] ?? (await context.newPage());

    // Signed out: login and home.
    await page.goto(`${baseUrl}/#/pages/login/index`);
    await page.getByText('居民 王阿姨').waitFor();
    await shot(page, 'login');

    // The host cannot be reached: the page says so and offers a retry.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: '以居民 王阿姨登录' }).click();
    await page.getByText('网络连接不上').waitFor();
    await shot(page, 'login-network-error');
    await page.unroute('**/api/**');

    await page.goto(`${baseUrl}/#/pages/home/index`);
    await page.getByText('养老顾问', { exact: true }).waitFor();
    await shot(page, 'home-signed-out');

    // Signed in as a resident, through the stand-in host unless a real one was given.
    if (!realHost) await page.route('**/api/user', fakeUserFunction());
    await page.goto(`${baseUrl}/#/pages/login/index`);
    await page.getByRole('button', { name: '以居民 王阿姨登录' }).click();
    await page.getByText('王阿姨，您好').waitFor();
    await shot(page, 'home-resident');

    await page.getByRole('button', { name: /个人资料/ }).click();
    await page.getByRole('switch', { name: /长辈模式/ }).waitFor();
    await shot(page, 'profile');
    await page.getByRole('switch', { name: /长辈模式/ }).click();
    await page.locator('.page.elder').last().waitFor();
    await shot(page, 'profile-elder');

    await page.goto(`${baseUrl}/#/pages/home/index`);
    await page.getByText('王阿姨，您好').last().waitFor();
    await shot(page, 'home-elder');

    await page.goto(`${baseUrl}/#/subpackages/provider/pages/inbox/index`);
    await page.getByText('无权限').last().waitFor();
    await shot(page, 'inbox-forbidden');
  } finally {
    await context?.close();
    server?.kill();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
