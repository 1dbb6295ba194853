import { actionAccess } from './action-access';
import { auditKindFor, auditOf, auditSummaryOf, unclassifiedDistrictActions } from './audit';

describe('audit table', () => {
  it('classifies every action staff or admin may call by role, and names no action that does not exist', () => {
    expect(unclassifiedDistrictActions()).toEqual([]);
    expect(Object.keys(auditOf).filter((key) => !(key in actionAccess))).toEqual([]);
  });

  it('logs staff and admin only, and only what the table marks', () => {
    expect(auditKindFor('staff.streetBooking', ['staff'])).toBe('view_person');
    expect(auditKindFor('booking.detail', ['admin'])).toBe('view_person');
    expect(auditKindFor('booking.detail', [])).toBeNull();
    expect(auditKindFor('booking.detail', ['escort'])).toBeNull();
    expect(auditKindFor('admin.assignEscort', ['staff'])).toBe('change');
    expect(auditKindFor('staff.streetBookings', ['staff'])).toBeNull();
    expect(auditKindFor('booking.create', ['staff'])).toBeNull();
  });

  it('logs an export only when it asks for full phones', () => {
    expect(auditKindFor('exports.dashboardXlsx', ['admin'], { year: 2026, fullPhones: true })).toBe('view_person');
    expect(auditKindFor('exports.dashboardXlsx', ['admin'], { year: 2026, fullPhones: false })).toBeNull();
    expect(auditKindFor('exports.dashboardXlsx', ['admin'])).toBeNull();
    expect(auditKindFor('exports.volunteerHoursXlsx', ['staff'], { from: '2026-01-01', to: '2026-12-01' })).toBeNull();
  });

  it('keeps the ids a call names and the names of its fields, never a value', () => {
    const summary = auditSummaryOf({ bookingId: 'bk1', reason: '家属电话 13911112222', elder: { phone: '13755556666' }, password: 'secret' });
    expect(summary).toEqual({ target: { bookingId: 'bk1' }, fields: ['bookingId', 'elder', 'password', 'reason'] });
    expect(JSON.stringify(summary)).not.toMatch(/1391111|1375555|secret/);
  });
});
