import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Headless Chromium as the toolchain notes say: the system browser, nothing downloaded, no network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  process.env.XDG_CONFIG_HOME = path.join(profileDir, 'config');
  process.env.XDG_CACHE_HOME = path.join(profileDir, 'cache');
  mkdirSync(process.env.XDG_CONFIG_HOME, { recursive: true });
  mkdirSync(process.env.XDG_CACHE_HOME, { recursive: true });
  return chromium.launchPersistentContext(path.join(profileDir, 'user'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
}

/** Taro's H5 router slides pages in: wait until one page stands still at the left edge. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page'));
    const shown = pages.filter((p) => getComputedStyle(p).display !== 'none');
    return shown.length === 1 && Math.abs(shown[0]!.getBoundingClientRect().left) < 1;
  });
}

/** The page on screen (earlier pages of the stack stay in the DOM, hidden). */
export function current(page: Page): Locator {
  return page.locator('.taro_page:visible').last();
}

export type AxeFinding = { page: string; id: string; impact: string; nodes: string[] };

const axeSource = require.resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2.1 A/AA rules on the page as it stands; returns the serious and critical findings. */
export async function axeScan(page: Page, name: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axeSource });
  const result = (await page.evaluate(`(async () => {
    const root = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
    const r = await window.axe.run(root ? { include: [root], exclude: [] } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact || 'minor', nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  })()`)) as { id: string; impact: string; nodes: string[] }[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: name, ...v }));
}

export type Sizes = {
  elder: boolean;
  /** The smallest width or height of any visible tap target (button, input, switch). */
  minTarget: number;
  smallestTarget: string;
  /** The smallest font size of visible text. */
  minFont: number;
  smallestText: string;
  /** Font sizes of the key texts found: times, status tags, the large main button. */
  keyFonts: { what: string; size: number }[];
};

// Runs in the page; a string so the runner's transpiler adds no helpers to it.
const measureScript = `(() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const describe = (el) => (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40);
  const root = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none') || document.body;
  const targets = Array.from(root.querySelectorAll('button, input, textarea, [role="switch"], a[href]')).filter(visible);
  let minTarget = Infinity, smallestTarget = '';
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    const size = Math.min(box.width, box.height);
    if (size < minTarget) { minTarget = size; smallestTarget = describe(el); }
  }
  const texts = Array.from(root.querySelectorAll('*')).filter(
    (el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent || '').trim() !== ''),
  );
  let minFont = Infinity, smallestText = '';
  for (const el of texts) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minFont) { minFont = size; smallestText = describe(el); }
  }
  const keyFonts = [];
  const key = (selector, what) => {
    for (const el of Array.from(root.querySelectorAll(selector)).filter(visible)) keyFonts.push({ what: what + ' ' + describe(el), size: parseFloat(getComputedStyle(el).fontSize) });
  };
  key('.slot-calendar__clock', 'time');
  key('.ui-tag--large', 'status');
  key('.ui-button--large', 'main button');
  key('.text-key', 'key text');
  // Titles and the names one chooses between (stations, advisors, notices) are key text too.
  key('.page-title', 'title');
  key('.flow-card__title', 'name');
  return { elder: root.querySelector('.page.elder') !== null, minTarget: Math.round(minTarget * 10) / 10, smallestTarget, minFont, smallestText, keyFonts };
})()`;

export async function measureSizes(page: Page): Promise<Sizes> {
  return (await page.evaluate(measureScript)) as Sizes;
}
