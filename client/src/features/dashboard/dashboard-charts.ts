import type { EChartOption } from 'taro-react-echarts';

/** Colours with enough contrast on white (tokens.scss): actual in the brand blue, targets grey. */
const ACTUAL = '#0052d9';
const TARGET = '#8c8c8c';

/** Elder mode reads charts at the size of its body text. */
const fontOf = (elder: boolean) => (elder ? 18 : 14);

/** Short names on a narrow axis: 南大街街道 → 南大街, 小营前社区 → 小营前. */
const shortName = (name: string) => name.replace(/(街道|社区)$/, '');

/**
 * Bars per place (街道 or 社区): the count done beside its yearly target; places without targets
 * (社区 have none) get the count alone.
 */
export function placeBarsOption(places: { name: string; actual: number; target: number | null }[], unit: string, elder = false): EChartOption {
  const withTargets = places.some((p) => p.target !== null);
  const done = `已完成${unit}`;
  return {
    animation: false,
    textStyle: { fontSize: fontOf(elder) },
    legend: { top: 0, data: withTargets ? [done, '年度指标'] : [done], textStyle: { fontSize: fontOf(elder) } },
    grid: { left: 48, right: 12, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: places.map((p) => shortName(p.name)), axisLabel: { fontSize: fontOf(elder) } },
    yAxis: { type: 'value', axisLabel: { fontSize: fontOf(elder) } },
    series: [
      { name: done, type: 'bar', data: places.map((p) => p.actual), itemStyle: { color: ACTUAL } },
      ...(withTargets ? [{ name: '年度指标', type: 'bar', data: places.map((p) => p.target ?? 0), itemStyle: { color: TARGET } }] : []),
    ],
  };
}

/** The year's line: the count so far each month beside an even pace to the target. */
export function paceLineOption(pace: { month: string; actual: number | null; pace: number | null }[], unit = '人次', elder = false): EChartOption {
  const done = `累计${unit}`;
  return {
    animation: false,
    textStyle: { fontSize: fontOf(elder) },
    legend: { top: 0, data: [done, '按期进度'], textStyle: { fontSize: fontOf(elder) } },
    grid: { left: 48, right: 12, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: pace.map((p) => `${Number(p.month.slice(5))}月`), axisLabel: { fontSize: fontOf(elder) } },
    yAxis: { type: 'value', axisLabel: { fontSize: fontOf(elder) } },
    series: [
      { name: done, type: 'line', data: pace.map((p) => p.actual), itemStyle: { color: ACTUAL }, lineStyle: { width: 3 } },
      { name: '按期进度', type: 'line', data: pace.map((p) => p.pace), itemStyle: { color: TARGET }, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** "8 / 17（47%）" for places taken of places offered, or 没有名额 when none were offered. */
export function fillText(activities: { signedUp: number; capacity: number; fillRate: number | null }): string {
  return activities.fillRate === null ? '没有名额' : `${activities.signedUp} / ${activities.capacity}（${Math.round(activities.fillRate * 100)}%）`;
}
