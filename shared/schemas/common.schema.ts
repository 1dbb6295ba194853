import { z } from 'zod';

/** Text a person types: trimmed, no control characters, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: '不能包含控制字符',
    });

export const requiredText = (max: number) => text(max).pipe(z.string().min(1, '不能为空'));

/**
 * What people type between the digits of a phone number ("139 1234 5678", "139-1234-5678"): the
 * field and the schema both drop it, so a number is always stored as its 11 digits.
 */
export function phoneDigits(value: string): string {
  return value.replace(/[\s\u3000\-\u2010-\u2015\uFF0D]/g, '');
}

/** Mainland mobile numbers, the only kind residents give here; spaces and dashes are dropped. */
export const phone = z
  .string()
  .transform(phoneDigits)
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号'));

/** Our ids are opaque strings of safe characters; this keeps operators and paths out of queries. */
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不对');

export const openid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'openid 格式不对');

export const pageInput = {
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
};
