import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PageLoader } from './page-loader';
import { PageView } from './page-queries';
import { PageStack, type AppJson } from './page-stack';
import { installWx, type Modal, type RequestHandler, type WxRecords } from './wx-api';

export const weappRoot = path.resolve(__dirname, '..', '..', '..', 'build', 'weapp');

export type LaunchOptions = {
  request: RequestHandler;
  loginCode?: () => string;
  fontSizeSetting?: number;
  answerModal?: (modal: Modal) => boolean;
  /** Device storage at launch (e.g. a stored session). */
  storage?: Record<string, unknown>;
  /** The page WeChat opens first (app.json's first page by default). */
  entry?: string;
};

type AppConfig = Record<string, unknown>;

let launched = false;

/**
 * The built mini-program (build/weapp) in WeChat's simulator: app.js run, App() recorded and
 * launched, pages opened on a page stack, wx answered by the harness. One launch per test file:
 * webpack runs the app's modules once, as WeChat does once per app start.
 */
export class MiniProgram {
  readonly storage = new Map<string, string>();
  readonly records: WxRecords;
  readonly stack: PageStack;
  readonly appJson: AppJson;
  private readonly consoleErrors: string[] = [];
  private readonly lifecycleErrors: string[] = [];
  private readonly restoreConsole: () => void;

  constructor(options: LaunchOptions) {
    if (launched) throw new Error('the mini-program is launched once per test file');
    launched = true;
    this.appJson = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as AppJson;
    for (const [key, value] of Object.entries(options.storage ?? {})) this.storage.set(key, JSON.stringify(value));

    const host = document.createElement('div');
    document.body.appendChild(host);
    const loader = new PageLoader(weappRoot);
    this.stack = new PageStack(loader, this.appJson, host, (error) => this.lifecycleErrors.push(describe(error)));
    const wx = (globalThis as { wx?: Record<string, unknown> }).wx;
    if (!wx) throw new Error('miniprogram-simulate did not define wx');
    this.records = installWx(
      wx,
      {
        request: options.request,
        loginCode: options.loginCode ?? (() => 'no-login-code-given'),
        fontSizeSetting: options.fontSizeSetting ?? 16,
        answerModal: options.answerModal ?? (() => true),
      },
      () => this.stack,
      this.storage,
    );
    // React reports render errors with console.error; a page that logs one has failed.
    const original = console.error;
    console.error = (...args: unknown[]) => {
      this.consoleErrors.push(args.map(describe).join(' '));
      original(...args);
    };
    this.restoreConsole = () => {
      console.error = original;
    };
  }

  /** Runs app.js, calls the app's onLaunch and onShow and opens the first page. */
  launch(entry?: string): this {
    const app = this.runApp();
    const first = entry ?? this.appJson.entryPagePath ?? this.appJson.pages[0]!;
    const [pagePath = '', query = ''] = first.replace(/^\//, '').split('?', 2);
    const launchOptions = { path: pagePath, query: Object.fromEntries(new URLSearchParams(query)), scene: 1001, referrerInfo: {} };
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.getLaunchOptionsSync = () => launchOptions;
    wx.getEnterOptionsSync = () => launchOptions;
    (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launchOptions);
    (app.onShow as ((o: unknown) => void) | undefined)?.call(app, launchOptions);
    this.stack.reLaunch(`/${first.replace(/^\//, '')}`);
    return this;
  }

  /** Opens a page as a shared link or a scanned code would: the stack starts again at it. */
  open(url: string): void {
    this.stack.reLaunch(url);
  }

  /** The page on top of the stack. */
  get page(): PageView {
    const current = this.stack.current;
    if (!current) throw new Error('no page is open');
    return new PageView(current.route, current.container);
  }

  /** Exceptions in page lifecycles, failed navigations and console errors since launch. */
  problems(): string[] {
    const navigation = this.records.navigations.filter((n) => n.error).map((n) => `${n.api}(${n.url}): ${n.error}`);
    return [...this.lifecycleErrors, ...navigation, ...this.consoleErrors];
  }

  /** Waits until `ready()` holds, polling; the message says what the page showed instead. */
  async waitFor(what: string, ready: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (ready()) return;
      } catch {
        // Not there yet (e.g. no page open during a navigation).
      }
      if (Date.now() > deadline) {
        const shown = this.stack.current ? `${this.stack.current.route} shows: ${this.page.text().slice(0, 500)}` : 'no page is open';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${shown}; problems: ${this.problems().join(' | ') || 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  waitForPage(route: string): Promise<void> {
    return this.waitFor(`page ${route}`, () => this.stack.current?.route === route.replace(/^\//, ''));
  }

  waitForText(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(`"${text}" on the page`, () => this.page.hasText(text), timeoutMs);
  }

  /** Taps the element, or waits until the page shows exactly one element with this text and taps it. */
  async tap(target: string | Element): Promise<void> {
    if (typeof target === 'string') await this.waitFor(`one "${target}" to tap`, () => this.page.allByText(target).length === 1);
    this.page.tap(target);
    await this.settle();
  }

  /** Types into the field with this label (or into the element's input). */
  async type(target: string | Element, value: string): Promise<void> {
    if (typeof target === 'string') await this.waitFor(`the field "${target}"`, () => Boolean(this.page.fieldByLabel(target)));
    this.page.type(target, value);
    await this.settle();
  }

  /**
   * Lets the app finish reacting to a touch: React renders in a later task and Taro then sends the
   * result with setData. A person's next touch comes long after both; a test's would not.
   */
  async settle(): Promise<void> {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    let seen = -1;
    for (let round = 0; round < 100 && seen !== this.stack.updates; round++) {
      seen = this.stack.updates;
      await tick();
      await tick();
    }
  }

  close(): void {
    this.restoreConsole();
  }

  private runApp(): AppConfig {
    let app: AppConfig | null = null;
    const global = globalThis as Record<string, unknown>;
    global.App = (config: AppConfig) => {
      if (app) throw new Error('App() was called twice');
      app = config;
    };
    global.getApp = () => app;
    global.getCurrentPages = () => this.stack.pages.map((page) => page.component.instance);
    require(path.join(weappRoot, 'app.js'));
    if (!app) throw new Error('app.js did not call App()');
    return app;
  }
}

export function launchMiniProgram(options: LaunchOptions): MiniProgram {
  return new MiniProgram(options).launch(options.entry);
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
