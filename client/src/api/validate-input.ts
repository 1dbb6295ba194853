import './zod-setup';
import { z } from 'zod';

// Chinese messages for zod's built-in checks, passed per parse (nothing global is changed).
const zhCNErrorMap = z.locales.zhCN().localeError;

export type InputCheck<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> };

/**
 * Checks a form against the action's shared input schema before sending it, so a mistake shows at
 * once under its field, in the same words the server would use.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): InputCheck<z.output<S>> {
  const result = schema.safeParse(input, { error: zhCNErrorMap });
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    if (!(path in fields)) fields[path] = issue.message;
  }
  return { ok: false, fields };
}
