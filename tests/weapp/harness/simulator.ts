/**
 * WeChat's unit-test tools as this harness uses them. Their own type files declare WeChat's globals
 * (`wx`, `Page`, `App`) for the whole program, client code included, so they are required untyped
 * and given the small shape below instead.
 */
export type ExparserNode = { __exparserNodeBrand?: never };

export type SimulatedComponent = {
  readonly dom: HTMLElement;
  readonly instance: Record<string, unknown> & { setData(data: Record<string, unknown>, cb?: () => void): void };
  attach(parent: Node): void;
  detach(): void;
};

type Simulate = {
  load(componentPath: string, tagName: string, options: { rootPath: string; compiler: 'official'; usingComponents?: Record<string, string> }): string;
  render(id: string, properties?: Record<string, unknown>): SimulatedComponent;
};

type Exparser = {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: ExparserNode, event: unknown): void;
  };
};

export const simulate = require('miniprogram-simulate') as Simulate;
// The same exparser instance j-component renders with (one copy, pinned in package.json).
export const exparser = require('miniprogram-exparser') as Exparser;

/** The simulator's `Component` constructor, set as a global when the simulator is loaded. */
export function simulatorComponent(): (definition: Record<string, unknown>) => void {
  const component = (globalThis as { Component?: (definition: Record<string, unknown>) => void }).Component;
  if (typeof component !== 'function') throw new Error('miniprogram-simulate did not define Component');
  return component;
}

/** The exparser node behind a rendered DOM element (j-component links them). */
export function exparserNodeOf(element: Element): ExparserNode | null {
  return (element as Element & { __wxElement?: ExparserNode }).__wxElement ?? null;
}
