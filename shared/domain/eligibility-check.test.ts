import { initialEligibilityCheck, isFreeOnceChecked } from './eligibility-check';
import { allEscortEligibilities } from './service-kinds';

describe('eligibility check', () => {
  it('makes every hardship claim wait for staff, and no claim need none', () => {
    for (const eligibility of allEscortEligibilities) {
      expect([eligibility, initialEligibilityCheck(eligibility)?.status ?? null]).toEqual([eligibility, eligibility === 'none' ? null : 'pending']);
    }
  });

  it('is free of charge only once verified', () => {
    expect(isFreeOnceChecked({ status: 'pending', reason: null, decidedAt: null })).toBe(false);
    expect(isFreeOnceChecked({ status: 'rejected', reason: '低保证已过期', decidedAt: new Date() })).toBe(false);
    expect(isFreeOnceChecked({ status: 'verified', reason: null, decidedAt: new Date() })).toBe(true);
    expect(isFreeOnceChecked(null)).toBe(false);
  });
});
