import { paceLineOption, shareText, streetBarsOption } from './dashboard-charts';

describe('dashboard charts', () => {
  it('draws each 街道’s person-times beside its target, with short names', () => {
    const option = streetBarsOption([{ name: '南大街街道', personTimes: 1200, target: 3000 }, { name: '荷花池街道', personTimes: 400, target: null }]) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['南大街', '荷花池']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['已完成人次', [1200, 400]], ['年度指标', [3000, 0]]]);
  });

  it('draws the year’s cumulative line beside the even pace, leaving months not begun empty', () => {
    const option = paceLineOption([{ month: '2026-01', actual: 10, pace: 594 }, { month: '2026-02', actual: null, pace: 1131 }]) as {
      xAxis: { data: string[] };
      series: { data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['1月', '2月']);
    expect(option.series[0]!.data).toEqual([10, null]);
    expect(option.series[1]!.data).toEqual([594, 1131]);
  });

  it('says the share done as a percentage, or that no target is set', () => {
    expect(shareText(0.631)).toBe('63%');
    expect(shareText(null)).toBe('未设指标');
  });
});
