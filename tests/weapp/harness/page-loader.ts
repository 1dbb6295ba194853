import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simulate, simulatorComponent, type SimulatedComponent } from './simulator';

/** The tag every page is rendered under; the simulator prefixes a page's classes with it. */
export const pageTag = 'weapp-page';

type PageConfig = Record<string, unknown>;
type Registered = { id: string; path: string };
type Definition = { id?: string; path?: string; tagName?: string };

const jComponent = require('j-component') as { register(definition: Definition): string };
const wxss = require('miniprogram-simulate/src/wxss') as {
  getContent(file: string): string;
  compile(content: string, options: { prefix: string }): string;
  insert(content: string, id: string): void;
};

/**
 * Loads pages of the built mini-program into the simulator, each once: webpack runs a module once,
 * so a page's js (and a component's) calls Page() / Component() only the first time it is required.
 * Later visits render new instances of the loaded page, and later pages reuse the components already
 * registered (as WeChat does: one definition per component per app).
 */
export class PageLoader {
  private readonly pageIds = new Map<string, string>();
  private readonly configs = new Map<string, PageConfig>();
  /** Custom components by the tag pages use for them: `van-button`, Taro's `comp`, … */
  private readonly components = new Map<string, Registered>();
  private loading: string | null = null;

  constructor(readonly rootPath: string) {
    const register = jComponent.register.bind(jComponent);
    jComponent.register = (definition) => {
      const id = register(definition);
      if (definition.path && definition.tagName && definition.tagName !== pageTag) this.remember(definition.tagName, { id, path: definition.path });
      return id;
    };
    (globalThis as { Page?: unknown }).Page = (config: PageConfig) => this.definePage(config);
    // WeChat applies app.wxss to every page; the simulator only knows a page's own wxss.
    const appWxss = wxss.getContent(path.join(rootPath, 'app.wxss'));
    wxss.insert(wxss.compile(appWxss, { prefix: pageTag }), 'app-wxss');
  }

  /** The page's `Page()` options, as the build passed them (Taro's page config). */
  configOf(route: string): PageConfig | undefined {
    return this.configs.get(route);
  }

  /** A new, not yet attached instance of the page (loaded on first use). */
  render(route: string): SimulatedComponent {
    const component = simulate.render(this.idOf(route));
    // What WeChat copies from Page()'s options onto the page: non-function fields (data aside).
    const config = this.configs.get(route) ?? {};
    for (const [key, value] of Object.entries(config)) {
      if (typeof value !== 'function' && key !== 'data') component.instance[key] = value;
    }
    return component;
  }

  private idOf(route: string): string {
    const known = this.pageIds.get(route);
    if (known) return known;
    const file = path.join(this.rootPath, route);
    this.checkComponentTags(file);
    this.loading = route;
    let id: string;
    try {
      id = simulate.load(file, pageTag, {
        rootPath: this.rootPath,
        compiler: 'official',
        usingComponents: Object.fromEntries([...this.components].map(([tag, { id: componentId }]) => [tag, componentId])),
      });
    } finally {
      this.loading = null;
    }
    if (!this.configs.has(route)) throw new Error(`${route}.js did not call Page()`);
    this.pageIds.set(route, id);
    return id;
  }

  private definePage(config: PageConfig): void {
    if (!this.loading) throw new Error('Page() was called outside a page load');
    if (this.configs.has(this.loading)) throw new Error(`Page() was called twice for ${this.loading}`);
    this.configs.set(this.loading, config);
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    // Lifecycles are driven by the page stack, not by the component's own attach/detach.
    simulatorComponent()({ data: structuredClone(config.data ?? {}), methods });
  }

  private remember(tag: string, registered: Registered): void {
    const known = this.components.get(tag);
    if (known && known.path !== registered.path) {
      throw new Error(`<${tag}> names two components: ${known.path} and ${registered.path}`);
    }
    if (!known) this.components.set(tag, registered);
  }

  /** A reused tag must still mean the same file for this page. */
  private checkComponentTags(pageFile: string): void {
    const json = JSON.parse(readFileSync(`${pageFile}.json`, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const known = this.components.get(tag);
      if (!known) continue;
      const resolved = target.startsWith('/') ? path.join(this.rootPath, target) : path.join(path.dirname(pageFile), target);
      if (resolved !== known.path) throw new Error(`<${tag}> in ${pageFile} is ${resolved}, another page used ${known.path}`);
    }
  }
}
