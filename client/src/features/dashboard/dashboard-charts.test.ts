import { fillText, paceLineOption, placeBarsOption } from './dashboard-charts';

type Bars = { xAxis: { data: string[] }; series: { name: string; data: number[] }[]; textStyle: { fontSize: number } };

describe('dashboard charts', () => {
  it('draws each 街道’s count beside its target, with short names', () => {
    const option = placeBarsOption([{ name: '南大街街道', actual: 1200, target: 3000 }, { name: '荷花池街道', actual: 400, target: null }], '人次') as Bars;
    expect(option.xAxis.data).toEqual(['南大街', '荷花池']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['已完成人次', [1200, 400]], ['年度指标', [3000, 0]]]);
  });

  it('draws 社区, which have no targets, with the count alone, and larger in elder mode', () => {
    const option = placeBarsOption([{ name: '小营前社区', actual: 3, target: null }], '次', true) as Bars;
    expect(option.xAxis.data).toEqual(['小营前']);
    expect(option.series.map((s) => s.name)).toEqual(['已完成次']);
    expect(option.textStyle.fontSize).toBe(18);
  });

  it('draws the year’s cumulative line beside the even pace, leaving months not begun empty', () => {
    const option = paceLineOption([{ month: '2026-01', actual: 10, pace: 594 }, { month: '2026-02', actual: null, pace: 1131 }], '次') as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['1月', '2月']);
    expect(option.series[0]!).toMatchObject({ name: '累计次', data: [10, null] });
    expect(option.series[1]!.data).toEqual([594, 1131]);
  });

  it('says how full activities were, or that none offered places', () => {
    expect(fillText({ signedUp: 8, capacity: 17, fillRate: 0.471 })).toBe('8 / 17（47%）');
    expect(fillText({ signedUp: 0, capacity: 0, fillRate: null })).toBe('没有名额');
  });
});
