import type { z } from 'zod';
import { zhCN as zhCNLocale } from 'zod/locales';
import { AppError, type FieldIssue } from './app-error';

// Chinese field messages for residents; passed per parse so nothing global is configured. The
// locale is imported by name so a bundler can leave the other languages out.
const zhCN = zhCNLocale().localeError;

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses untrusted input; on failure throws VALIDATION_FAILED naming each field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: zhCN });
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', { fields: toFieldIssues(result.error) });
  }
  return result.data;
}
