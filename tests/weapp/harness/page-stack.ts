import type { PageLoader } from './page-loader';
import type { SimulatedComponent } from './simulator';

export type OpenPage = {
  route: string;
  /** The query as WeChat hands it to onLoad: raw strings, not decoded. */
  query: Record<string, string>;
  component: SimulatedComponent;
  container: HTMLElement;
};

/** What app.json declares: the pages WeChat will open, subpackage pages included. */
export type AppJson = {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  entryPagePath?: string;
};

export function pagesOf(appJson: AppJson): string[] {
  const sub = (appJson.subPackages ?? []).flatMap(({ root, pages }) => pages.map((page) => `${root.replace(/\/$/, '')}/${page}`));
  return [...appJson.pages, ...sub];
}

/** A failed navigation, with the errMsg WeChat would give. */
export class NavigationError extends Error {}

// WeChat keeps at most ten pages on the stack.
const maxPages = 10;

type Lifecycle = 'onLoad' | 'onShow' | 'onReady' | 'onHide' | 'onUnload';

/** The page stack behind navigateTo / redirectTo / reLaunch / navigateBack / switchTab. */
export class PageStack {
  readonly pages: OpenPage[] = [];
  /** setData calls on any page so far: the harness waits for them to stop after a touch. */
  updates = 0;
  private readonly routes: Set<string>;
  private readonly tabs: Set<string>;

  constructor(
    private readonly loader: PageLoader,
    appJson: AppJson,
    private readonly host: HTMLElement,
    private readonly onError: (error: unknown) => void,
  ) {
    this.routes = new Set(pagesOf(appJson));
    this.tabs = new Set((appJson.tabBar?.list ?? []).map((tab) => tab.pagePath));
  }

  get current(): OpenPage | undefined {
    return this.pages[this.pages.length - 1];
  }

  navigateTo(url: string): void {
    const target = this.resolve('navigateTo', url);
    if (this.pages.length >= maxPages) throw new NavigationError('navigateTo:fail webview count limit exceed');
    if (this.tabs.has(target.route)) throw new NavigationError('navigateTo:fail can not navigateTo a tabbar page');
    if (this.current) this.call(this.current, 'onHide');
    this.open(target);
  }

  redirectTo(url: string): void {
    const target = this.resolve('redirectTo', url);
    const leaving = this.pages.pop();
    if (leaving) this.close(leaving);
    this.open(target);
  }

  reLaunch(url: string): void {
    const target = this.resolve('reLaunch', url);
    while (this.pages.length > 0) this.close(this.pages.pop()!);
    this.open(target);
  }

  navigateBack(delta = 1): void {
    if (this.pages.length <= 1) throw new NavigationError('navigateBack:fail cannot navigate back at first page.');
    const steps = Math.min(Math.max(1, delta), this.pages.length - 1);
    for (let i = 0; i < steps; i++) this.close(this.pages.pop()!);
    this.call(this.current!, 'onShow');
  }

  switchTab(url: string): void {
    const target = this.resolve('switchTab', url);
    if (!this.tabs.has(target.route)) throw new NavigationError('switchTab:fail can not switch to no-tabBar page');
    while (this.pages.length > 0) this.close(this.pages.pop()!);
    this.open({ route: target.route, query: {} });
  }

  private resolve(api: string, url: string): { route: string; query: Record<string, string> } {
    const [pathPart = '', queryPart = ''] = url.split('?', 2);
    const base = this.current ? this.current.route.split('/').slice(0, -1) : [];
    const segments = pathPart.startsWith('/') ? [] : [...base];
    for (const segment of pathPart.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') segments.pop();
      else segments.push(segment);
    }
    const route = segments.join('/');
    if (!this.routes.has(route)) throw new NavigationError(`${api}:fail page "${route}" is not found`);
    const query: Record<string, string> = {};
    for (const pair of queryPart.split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
    }
    return { route, query };
  }

  private open({ route, query }: { route: string; query: Record<string, string> }): void {
    const component = this.loader.render(route);
    const container = document.createElement('div');
    container.dataset.route = route;
    this.host.appendChild(container);
    component.attach(container);
    const page: OpenPage = { route, query, component, container };
    const setData = component.instance.setData.bind(component.instance);
    component.instance.setData = (data, callback) => {
      this.updates++;
      setData(data, callback);
    };
    // What WeChat sets on a page before onLoad; Taro reads `route`.
    component.instance.route = route;
    component.instance.__route__ = route;
    component.instance.options = query;
    this.pages.push(page);
    this.call(page, 'onLoad', { ...query });
    this.call(page, 'onShow');
    this.call(page, 'onReady');
  }

  private close(page: OpenPage): void {
    this.call(page, 'onUnload');
    page.component.detach();
    page.container.remove();
  }

  private call(page: OpenPage, lifecycle: Lifecycle, ...args: unknown[]): void {
    const handler = page.component.instance[lifecycle];
    if (typeof handler !== 'function') return;
    try {
      handler.apply(page.component.instance, args);
    } catch (error) {
      this.onError(error);
      throw error;
    }
  }
}
