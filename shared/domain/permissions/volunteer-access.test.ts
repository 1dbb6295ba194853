import { allApplicationRelations, applicationRelationRules, mayDecideApplication, relationToApplication, type ApplicationRelation } from '.';

// Written out by hand: a change to the rules must be matched here.
describe('relationToApplication', () => {
  const application = { userId: 'u-applicant', streetId: 'st-a' };
  it.each([
    ['the applicant', { userId: 'u-applicant', roles: [], staffStreetId: null }, 'applicant'],
    ['staff applying in their own 街道 (still the applicant)', { userId: 'u-applicant', roles: ['staff'] as const, staffStreetId: 'st-a' }, 'applicant'],
    ['admin', { userId: 'u-admin', roles: ['admin'] as const, staffStreetId: null }, 'admin'],
    ['staff of the 街道', { userId: 'u-staff', roles: ['staff'] as const, staffStreetId: 'st-a' }, 'staff'],
    ['staff of another 街道', { userId: 'u-staff', roles: ['staff'] as const, staffStreetId: 'st-b' }, null],
    ['staff with no 街道', { userId: 'u-staff', roles: ['staff'] as const, staffStreetId: null }, null],
    ['a volunteer', { userId: 'u-v', roles: ['volunteer'] as const, staffStreetId: null }, null],
  ])('%s', (_who, caller, expected) => {
    expect(relationToApplication(application, caller)).toBe(expected);
  });

  it('lets only admin and the 街道 decide', () => {
    const expected: Record<ApplicationRelation, boolean> = { applicant: false, admin: true, staff: true };
    for (const relation of allApplicationRelations) expect(mayDecideApplication(relation)).toBe(expected[relation]);
    expect(mayDecideApplication(null)).toBe(false);
  });

  it('shows health only to the applicant and those who decide', () => {
    expect(Object.fromEntries(allApplicationRelations.map((r) => [r, applicationRelationRules[r].health]))).toEqual({ applicant: true, admin: true, staff: true });
    expect(Object.fromEntries(allApplicationRelations.map((r) => [r, applicationRelationRules[r].own]))).toEqual({ applicant: true, admin: false, staff: false });
  });
});
