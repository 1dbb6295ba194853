import { rollOpen, targetShare, teachingRoleOf, trainingYearOf } from './training-rules';

describe('training rules', () => {
  it('the teaching role is lead, else the first role', () => {
    expect(teachingRoleOf([{ code: 'assist' }, { code: 'lead' }])).toBe('lead');
    expect(teachingRoleOf([{ code: 'teacher' }, { code: 'assist' }])).toBe('teacher');
    expect(teachingRoleOf([])).toBeNull();
  });

  it('counts a session in the district year of its start', () => {
    // 16:30 UTC on 31 December is already 1 January in Shanghai.
    expect(trainingYearOf(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(trainingYearOf(new Date('2026-12-31T15:59:00Z'))).toBe(2026);
  });

  it('opens the roll 30 minutes before and closes it two days after', () => {
    const session = { startsAt: new Date('2026-12-02T01:00:00Z'), endsAt: new Date('2026-12-02T03:00:00Z') };
    expect(rollOpen(session, new Date('2026-12-02T00:29:59Z'))).toBe(false);
    expect(rollOpen(session, new Date('2026-12-02T00:30:00Z'))).toBe(true);
    expect(rollOpen(session, new Date('2026-12-04T03:00:00Z'))).toBe(true);
    expect(rollOpen(session, new Date('2026-12-04T03:00:01Z'))).toBe(false);
  });

  it('gives the share to a tenth of a percent, none without a target', () => {
    expect(targetShare(1, 7000)).toBe(0);
    expect(targetShare(700, 7000)).toBe(0.1);
    expect(targetShare(2, 3)).toBe(0.667);
    expect(targetShare(5, null)).toBeNull();
    expect(targetShare(5, 0)).toBeNull();
  });
});
