import Echarts, { type EChartOption } from 'taro-react-echarts';
import { echarts } from './echarts-trimmed';

/**
 * One chart of the dashboard: the option is built by dashboard-charts.ts (pure, tested). Only the
 * height is given: in H5 the component hands a style width to echarts as is, and "100%" drew a
 * chart 100 px wide; without one it measures the card.
 */
export function DashboardChart({ option, height = 260 }: { option: EChartOption; height?: number }) {
  return <Echarts echarts={echarts} option={option} style={{ height: `${height}px` }} />;
}
