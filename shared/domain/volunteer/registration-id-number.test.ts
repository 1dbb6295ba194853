import { maskIdNumber } from '../masking';
import { idNumberCheckChar, idNumberProblem, isValidIdNumber, normalizeIdNumber } from './registration-id-number';

// 11010519491231002X is the standard's own worked example (GB 11643-1999, appendix).
describe('resident ID number', () => {
  it('computes the check character of the standard example', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('32040219500101123')).toBe(idNumberCheckChar('32040219500101123'));
  });

  it.each(['11010519491231002X', '11010519491231002x', '110105 19491231 002X'])('accepts %p', (value) => {
    expect(isValidIdNumber(value)).toBe(true);
  });

  it.each([
    ['a wrong check character', '110105194912310021', '校验位'],
    ['every digit but one right', '11010519491231003X', '校验位'],
    ['17 digits', '11010519491231002', '18 位'],
    ['a letter inside', '1101051949123100AX', '18 位'],
    ['a leading zero', '01010519491231002X', '18 位'],
    ['February 30th', withCheck('11010519500230002'), '出生日期'],
    ['month 13', withCheck('11010519501301002'), '出生日期'],
    ['born before 1900', withCheck('11010518991231002'), '出生日期'],
  ])('refuses %s', (_what, value, message) => {
    expect(idNumberProblem(normalizeIdNumber(value))).toContain(message);
  });

  it('masks all but the first four and last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });
});

function withCheck(first17: string): string {
  return `${first17}${idNumberCheckChar(first17)}`;
}
