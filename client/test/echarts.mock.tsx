// Charts in jsdom: no canvas to draw on. The page tests read the numbers around the charts; the
// charts themselves draw in headless Chromium (tests/e2e) and their options are tested as data.
import type { ReactElement } from 'react';

export default function Echarts({ option }: { option: { series?: { name?: string }[] } }): ReactElement {
  return <div data-testid='chart'>{(option.series ?? []).map((s) => s.name ?? '').join('、')}</div>;
}

export const use = (): void => undefined;
export const BarChart = {};
export const LineChart = {};
export const GridComponent = {};
export const LegendComponent = {};
export const TooltipComponent = {};
export const CanvasRenderer = {};
