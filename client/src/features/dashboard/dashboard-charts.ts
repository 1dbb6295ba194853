import type { EChartOption } from 'taro-react-echarts';

/** Colours with enough contrast on white (tokens.scss): actual in the brand blue, targets grey. */
const ACTUAL = '#0052d9';
const TARGET = '#8c8c8c';
const FONT = 14;

/** Bars per 街道: person-times done beside the target. */
export function streetBarsOption(streets: { name: string; personTimes: number; target: number | null }[]): EChartOption {
  return {
    animation: false,
    textStyle: { fontSize: FONT },
    legend: { top: 0, data: ['已完成人次', '年度指标'] },
    grid: { left: 48, right: 12, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: streets.map((s) => s.name.replace(/街道$/, '')) },
    yAxis: { type: 'value' },
    series: [
      { name: '已完成人次', type: 'bar', data: streets.map((s) => s.personTimes), itemStyle: { color: ACTUAL } },
      { name: '年度指标', type: 'bar', data: streets.map((s) => s.target ?? 0), itemStyle: { color: TARGET } },
    ],
  };
}

/** The year's line: person-times so far each month beside an even pace to the target. */
export function paceLineOption(pace: { month: string; actual: number | null; pace: number | null }[]): EChartOption {
  return {
    animation: false,
    textStyle: { fontSize: FONT },
    legend: { top: 0, data: ['累计人次', '按期进度'] },
    grid: { left: 48, right: 12, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: pace.map((p) => `${Number(p.month.slice(5))}月`) },
    yAxis: { type: 'value' },
    series: [
      { name: '累计人次', type: 'line', data: pace.map((p) => p.actual), itemStyle: { color: ACTUAL }, lineStyle: { width: 3 } },
      { name: '按期进度', type: 'line', data: pace.map((p) => p.pace), itemStyle: { color: TARGET }, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** "63%" from a share (0.631), or 未设指标 when there is no target. */
export function shareText(share: number | null | undefined): string {
  return share === null || share === undefined ? '未设指标' : `${Math.round(share * 100)}%`;
}
