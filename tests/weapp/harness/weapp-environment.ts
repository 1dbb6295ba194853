import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';

// jsdom ships no types; this file uses only this much of it.
type DomWindow = Record<string, unknown> & { close(): void };
const { JSDOM } = require('jsdom') as {
  JSDOM: new (html: string, options: Record<string, unknown>) => { window: DomWindow };
};

/**
 * Node, plus a jsdom window for WeChat's simulator. The simulator (j-component, exparser) renders
 * into DOM nodes, while the same test file may start a real local host, whose database driver needs
 * Node's own globals (jest's jsdom environment would hide them and pick browser builds of packages).
 */
export default class WeappEnvironment extends NodeEnvironment {
  private readonly domWindow: DomWindow;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      url: 'http://localhost/',
      pretendToBeVisual: true,
    });
    this.domWindow = window;
    const global = this.global as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(window)) {
      if (!(key in global)) global[key] = window[key];
    }
    // Node has its own event classes; jsdom's nodes only accept jsdom's.
    for (const key of ['Event', 'CustomEvent', 'EventTarget', 'UIEvent', 'MouseEvent', 'TouchEvent']) {
      if (window[key]) global[key] = window[key];
    }
    global.window = window;
    global.document = window.document;
  }

  override async teardown(): Promise<void> {
    this.domWindow.close();
    await super.teardown();
  }
}
