import Echarts, { type EChartOption } from 'taro-react-echarts';
import { echarts } from './echarts-trimmed';

/** One chart of the dashboard: the option is built by dashboard-charts.ts (pure, tested). */
export function DashboardChart({ option, height = 260 }: { option: EChartOption; height?: number }) {
  return <Echarts echarts={echarts} option={option} style={{ height: `${height}px`, width: '100%' }} />;
}
