import { isNearAcceptBy, possibleDuplicates, servedPhoneOf } from './escort-dispatch';

const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00+08:00`);
const request = (id: string, bookerId: string, phone: string, from: string, to: string, family = false) => ({
  id,
  bookerId,
  contactPhone: family ? '13800000000' : phone,
  forFamily: family ? { phone } : null,
  startsAt: at(from),
  endsAt: at(to),
});

describe('possibleDuplicates', () => {
  it('flags two bookers who booked the same person for overlapping times, both ways', () => {
    const found = possibleDuplicates([
      request('a', 'son', '13911112222', '09:00', '12:00', true),
      request('b', 'daughter', '13911112222', '10:00', '13:00', true),
      request('c', 'other', '13933334444', '09:00', '12:00'),
    ]);
    expect(found.get('a')).toEqual(['b']);
    expect(found.get('b')).toEqual(['a']);
    expect(found.has('c')).toBe(false);
  });

  it('matches the person served, not the booker: a resident for themselves and a child for them', () => {
    const found = possibleDuplicates([request('self', 'mother', '13911112222', '09:00', '11:00'), request('kid', 'son', '13911112222', '10:30', '12:00', true)]);
    expect(found.get('self')).toEqual(['kid']);
  });

  it('does not flag times that only touch, or one booker twice', () => {
    expect(possibleDuplicates([request('a', 'son', '139', '09:00', '10:00', true), request('b', 'daughter', '139', '10:00', '11:00', true)]).size).toBe(0);
    expect(possibleDuplicates([request('a', 'son', '139', '09:00', '11:00', true), request('b', 'son', '139', '10:00', '12:00', true)]).size).toBe(0);
  });
});

describe('dispatch helpers', () => {
  it('serves the family member when booked for one', () => {
    expect(servedPhoneOf({ forFamily: { phone: '139' }, contactPhone: '138' })).toBe('139');
    expect(servedPhoneOf({ forFamily: null, contactPhone: '138' })).toBe('138');
  });

  it('calls a request urgent within two hours of its accept-by, and after it', () => {
    const now = at('09:00');
    expect(isNearAcceptBy(at('10:59'), now)).toBe(true);
    expect(isNearAcceptBy(at('11:00'), now)).toBe(true);
    expect(isNearAcceptBy(at('11:01'), now)).toBe(false);
    expect(isNearAcceptBy(null, now)).toBe(false);
  });
});
