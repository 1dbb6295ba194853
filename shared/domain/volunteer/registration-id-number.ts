/**
 * Mainland resident ID numbers (居民身份证号, GB 11643-1999): 17 digits and a check character
 * computed over them with ISO 7064 MOD 11-2. The birth date inside must be a real date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

/** Upper-cases the check character and drops spaces people type between groups. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Why a (normalized) ID number is not valid, or null when it is. */
export function idNumberProblem(value: string): string | null {
  if (!SHAPE.test(value)) return '请填写 18 位身份证号';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '身份证号里的出生日期不对';
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return '身份证号校验位不对，请核对';
  return null;
}

export function isValidIdNumber(value: string): boolean {
  return idNumberProblem(normalizeIdNumber(value)) === null;
}
