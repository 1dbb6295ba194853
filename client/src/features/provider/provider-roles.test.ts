import { canClaimEscortRequests, escortPoolRoles, hoursPageRoles, isProvider, keepsHours, providerPageRoles } from './provider-roles';

describe('what the workbench offers each role', () => {
  it('offers the escort pool to escorts only: staff dispatch by assigning, and the server refuses them the pool', () => {
    expect(canClaimEscortRequests(['resident', 'escort'])).toBe(true);
    expect(canClaimEscortRequests(['resident', 'staff'])).toBe(false);
    expect(canClaimEscortRequests(['resident', 'admin'])).toBe(false);
    expect([...escortPoolRoles]).toEqual(['escort']);
  });

  it('keeps weekly hours for advisors and counselors, not escorts', () => {
    expect(keepsHours(['advisor'])).toBe(true);
    expect(keepsHours(['counselor'])).toBe(true);
    expect(keepsHours(['escort', 'staff'])).toBe(false);
  });

  it('opens the provider pages to whoever the server lets call them', () => {
    expect([...providerPageRoles].sort()).toEqual(['admin', 'advisor', 'counselor', 'escort', 'staff']);
    expect([...hoursPageRoles].sort()).toEqual(['admin', 'advisor', 'counselor', 'staff']);
    expect(isProvider(['resident', 'escort'])).toBe(true);
    expect(isProvider(['resident', 'staff'])).toBe(false);
  });
});
