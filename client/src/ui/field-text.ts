import { phoneDigits } from '../../../shared/schemas/common.schema';
import type { FieldType } from './ui.types';

/**
 * What both builds' Field does with typed text. A phone keeps only its digits, so "139 1234 5678"
 * pasted or typed with spaces or dashes becomes 13912345678. Text is never cut at the limit: a
 * pasted 500-character address stays whole and the field says how much is over, instead of silently
 * keeping the first 100 characters.
 */
export function typedValue(type: FieldType, raw: string): string {
  return type === 'phone' ? phoneDigits(raw) : raw;
}

/** Room for a phone typed with separators (139-1234-5678 is 13 characters); digits are checked later. */
export const phoneInputMax = 20;

/** Characters as a person counts them (一个汉字一个字). */
export function lengthOf(value: string): number {
  return Array.from(value).length;
}

/** The live message when the text is over its limit, else null. */
export function overLimitMessage(value: string, maxLength: number | undefined): string | null {
  if (!maxLength) return null;
  const over = lengthOf(value) - maxLength;
  return over > 0 ? `超出 ${over} 字，最多 ${maxLength} 字，请删减` : null;
}
