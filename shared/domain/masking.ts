/**
 * Masks for personal data shown in lists and to people who do not need it in full. They work on
 * code points, not UTF-16 units, so a rare character (e.g. 𠮷 in a name) is never cut in half.
 * Each mask hides something even for short input: a short value shown whole would not be masked.
 */

const chars = (value: string): string[] => Array.from(value.trim());

/** '13812345678' → '138****5678'. Separators are ignored; a number too short to split is hidden whole. */
export function maskPhone(phone: string): string {
  const digits = chars(phone.replace(/[\s-]/g, ''));
  if (digits.length === 0) return '';
  // Below 8 characters, keeping 3 + 4 would show almost everything.
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3).join('')}****${digits.slice(-4).join('')}`;
}

/** '张三丰' → '张**'. A one-character name is fully hidden, since keeping it would show it all. */
export function maskName(name: string): string {
  const letters = chars(name);
  if (letters.length === 0) return '';
  if (letters.length === 1) return '*';
  return `${letters[0]}${'*'.repeat(letters.length - 1)}`;
}

/**
 * Keeps the first 6 characters (district, street or estate) and hides the rest. An address of 6
 * characters or fewer keeps only its first half (rounded down), so it is never shown in full.
 */
export function maskAddress(address: string): string {
  const letters = chars(address);
  if (letters.length === 0) return '';
  const kept = letters.length > 6 ? 6 : Math.floor(letters.length / 2);
  return `${letters.slice(0, kept).join('')}…`;
}

/**
 * '32040219500101123X' → '3204**********123X': the province and city and the last four stay, the
 * birth date and the rest never show. Anything shorter than 9 characters is hidden whole.
 */
export function maskIdNumber(idNumber: string): string {
  const letters = chars(idNumber.replace(/\s/g, ''));
  if (letters.length === 0) return '';
  if (letters.length < 9) return '*'.repeat(letters.length);
  return `${letters.slice(0, 4).join('')}${'*'.repeat(letters.length - 8)}${letters.slice(-4).join('')}`;
}
