import type { z } from 'zod';
import { zhCN as zhCNLocale } from 'zod/locales';
import { AppError, type FieldIssue } from './app-error';

// Chinese field messages for residents; passed per parse so nothing global is configured. The
// locale is imported by name so a bundler can leave the other languages out.
const zhCN = zhCNLocale().localeError;

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => fieldIssues(issue, []));
}

const pathOf = (keys: readonly PathKey[]) => keys.map(String).join('.') || '(root)';

/**
 * Every issue names the field at fault: an unknown key is reported at its own path, and a union
 * that no branch accepts is reported as the branch the input came closest to (the one whose keys
 * it uses), not as one message at the union's root.
 */
function fieldIssues(issue: Issue, prefix: readonly PathKey[]): FieldIssue[] {
  const at = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: pathOf([...at, key]), message: issue.message }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A branch is closer the fewer of its complaints are about the shape at the union itself
    // (unknown keys, a wrong type for the whole value); ties go to the branch with fewer complaints.
    const distance = (branch: Issue[]) =>
      branch.reduce((sum, inner) => sum + (inner.code === 'unrecognized_keys' ? 1000 * inner.keys.length : inner.path.length === 0 ? 1000 : 1), 0);
    const nearest = issue.errors.reduce((best, branch) => (distance(branch) < distance(best) ? branch : best));
    const closest = nearest.flatMap((inner) => fieldIssues(inner, at));
    if (closest.length > 0) return closest;
  }
  return [{ path: pathOf(at), message: issue.message }];
}

/** Keys that must never reach an object of ours: JSON.parse keeps them as own keys, a merge would not. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key anywhere in `value`, or null. */
export function forbiddenKeyPath(value: unknown, at: readonly PathKey[] = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return pathOf([...at, key]);
    const inner = forbiddenKeyPath((value as Record<string, unknown>)[key], [...at, key]);
    if (inner) return inner;
  }
  return null;
}

/** Parses untrusted input; on failure throws VALIDATION_FAILED naming each field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const forbidden = forbiddenKeyPath(input);
  if (forbidden) throw new AppError('VALIDATION_FAILED', { fields: [{ path: forbidden, message: '不允许使用这个字段名' }] });
  const result = schema.safeParse(input, { error: zhCN });
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', { fields: toFieldIssues(result.error) });
  }
  return result.data;
}
