import { exparser, exparserNodeOf } from './simulator';

/**
 * Reading and touching a rendered page. Native components are the simulator's slot stubs, so a
 * "tap" is WeChat's tap event dispatched through exparser (it bubbles to the nearest bindtap, as on
 * a phone) and "typing" is an input event carrying `detail.value`; there is no layout to click on.
 */
export class PageView {
  constructor(
    readonly route: string,
    readonly root: HTMLElement,
  ) {}

  text(): string {
    return normalise(this.root.textContent ?? '');
  }

  hasText(text: string): boolean {
    return this.text().includes(text);
  }

  /** The innermost elements whose whole text, or own text beside child elements (a vant cell's title), is `text`. */
  allByText(text: string): Element[] {
    const wanted = normalise(text);
    const hits = Array.from(this.root.querySelectorAll('*')).filter(
      (element) => normalise(element.textContent ?? '') === wanted || normalise(ownText(element)) === wanted,
    );
    return hits.filter((element) => !hits.some((other) => other !== element && element.contains(other)));
  }

  byText(text: string): Element {
    return only(this.allByText(text), `text "${text}"`, this);
  }

  /** Elements carrying a class as the source wrote it (without the simulator's prefix). */
  allByClass(name: string): Element[] {
    return Array.from(this.root.querySelectorAll('*')).filter((element) => classesOf(element).includes(name));
  }

  byClass(name: string): Element {
    return only(this.allByClass(name), `class "${name}"`, this);
  }

  /** A tap on the element with this text (or on the element itself). */
  tap(target: string | Element): void {
    const element = typeof target === 'string' ? this.byText(target) : target;
    dispatch(element, 'tap', { x: 0, y: 0 }, true);
  }

  /** Types into the vant field with this label (or into the given element's input). */
  type(target: string | Element, value: string): void {
    const scope = typeof target === 'string' ? this.fieldByLabel(target) : target;
    const input = /^wx-(input|textarea)$/.test(scope.localName) ? scope : scope.querySelector('wx-input, wx-textarea');
    if (!input) throw new Error(`no input inside <${scope.localName}> on ${this.route}`);
    dispatch(input, 'input', { value, cursor: value.length, keyCode: 0 }, false);
  }

  /** The input of the ui layer's Field whose label (on its own line above vant's box) reads `label`. */
  fieldByLabel(label: string): Element {
    const labelled = (scope: Element) =>
      Array.from(scope.querySelectorAll('*')).some((element) => element.children.length === 0 && normalise(element.textContent ?? '') === label);
    const wraps = Array.from(this.root.querySelectorAll('*')).filter(
      (element) => classesOf(element).includes('ui-field-wrap') && element.querySelector('van-field') && labelled(element),
    );
    return only(wraps, `field "${label}"`, this).querySelector('van-field')!;
  }
}

/** Class names as written in the source: the simulator prefixes each with its component's tag. */
export function classesOf(element: Element): string[] {
  const owners: string[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!node.localName.startsWith('wx-')) owners.push(node.localName);
  }
  if (!element.localName.startsWith('wx-')) owners.push(element.localName);
  // The longest owner tag that prefixes the class is the one the simulator added.
  owners.sort((a, b) => b.length - a.length);
  return Array.from(element.classList).map((name) => {
    const owner = owners.find((tag) => name.startsWith(`${tag}--`));
    return owner ? name.slice(owner.length + 2) : name;
  });
}

/**
 * A property's value from the page's wxss (app.wxss and each component's own, as the simulator
 * inserts them), with `var(--x, fallback)` resolved from the element's ancestors the way custom
 * properties inherit. jsdom computes no layout and no inheritance itself; rpx are left as numbers.
 */
export function styleOf(element: Element, property: string): string {
  const own = (node: Element, name: string) => getComputedStyle(node).getPropertyValue(name).trim();
  const inherited = (name: string): string => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const value = own(node, name);
      if (value) return value;
    }
    return '';
  };
  let value = own(element, property);
  for (let depth = 0; depth < 10 && value.includes('var('); depth++) {
    value = value.replace(/var\((--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_all, name: string, fallback?: string) => inherited(name) || (fallback ?? '').trim());
  }
  return value;
}

function dispatch(element: Element, name: string, detail: Record<string, unknown>, bubbles: boolean): void {
  const node = exparserNodeOf(element);
  if (!node) throw new Error(`<${element.localName}> is not a rendered mini-program node`);
  const event = exparser.Event.create(name, detail, {
    bubbles,
    composed: bubbles,
    capturePhase: true,
    extraFields: { touches: [], changedTouches: [] },
  });
  exparser.Event.dispatchEvent(node, event);
}

function only(elements: Element[], what: string, page: PageView): Element {
  if (elements.length === 1) return elements[0]!;
  const found = elements.length === 0 ? 'nothing' : `${elements.length} elements`;
  throw new Error(`expected one element with ${what} on ${page.route}, found ${found}; the page shows: ${page.text().slice(0, 400)}`);
}

function ownText(element: Element): string {
  return Array.from(element.childNodes)
    .filter((node) => node.nodeType === 3)
    .map((node) => node.textContent ?? '')
    .join('');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
