import { districtInstantOf, offerDeadline, skillsFit, weeklyDates } from './activity-rules';

describe('activity rules', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  it('gives an offer 12 h, never later than 2 h before the start, and none inside those 2 h', () => {
    expect(offerDeadline(now, new Date('2026-12-02T00:00:00Z'))).toEqual(new Date('2026-11-30T12:00:00Z'));
    expect(offerDeadline(now, new Date('2026-11-30T06:00:00Z'))).toEqual(new Date('2026-11-30T04:00:00Z'));
    expect(offerDeadline(now, new Date('2026-11-30T02:00:00Z'))).toBeNull();
  });
  it('a role asking no skill fits anyone; one asking skills needs one of them', () => {
    expect(skillsFit([], [])).toBe(true);
    expect(skillsFit(['smartphone_teaching', 'health_talk'], ['health_talk'])).toBe(true);
    expect(skillsFit(['smartphone_teaching'], ['performing_arts'])).toBe(false);
  });
  it('a weekly series falls on the first date\'s weekday, in district time', () => {
    expect(weeklyDates('2026-12-02', '2026-12-23', 3)).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']);
    expect(districtInstantOf('2026-12-02', '09:00')).toEqual(new Date('2026-12-02T01:00:00Z'));
  });
});
