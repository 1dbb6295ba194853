import { shareText } from './share';

describe('shareText', () => {
  it('says the share done as a whole percentage, with one decimal below 10 %, or that no target is set', () => {
    expect(shareText(0.631)).toBe('63%');
    expect(shareText(0.456)).toBe('46%');
    expect(shareText(0.001)).toBe('0.1%');
    expect(shareText(7 / 7000)).toBe('0.1%');
    expect(shareText(0.0456)).toBe('4.6%');
    expect(shareText(0)).toBe('0%');
    expect(shareText(1.2)).toBe('120%');
    expect(shareText(null)).toBe('未设指标');
    expect(shareText(undefined)).toBe('未设指标');
  });
});
