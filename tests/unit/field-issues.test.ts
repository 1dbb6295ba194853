/** Every rejection names the field at fault: unions, unknown keys and prototype keys included. */
import { z } from 'zod';
import { AppError, parseOrThrow } from '../../shared/errors';
import { notifyActions } from '../../shared/schemas/notify.schema';

function pathsOf(schema: z.ZodType, input: unknown): string[] {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      return (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
    }
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('a union no branch accepts is reported as the branch the input came closest to', () => {
  it.each([
    ['an operator for ids', { ids: { $gt: '' } }, ['ids']],
    ['all as text', { all: 'true' }, ['all']],
    ['an empty list of ids', { ids: [] }, ['ids']],
    ['a bad id inside the list', { ids: ['ok-id-1', { $ne: 1 }] }, ['ids.1']],
  ])('notify.markRead with %s', (_what, input, paths) => {
    expect(pathsOf(notifyActions.markRead, input)).toEqual(paths);
  });
});

it('reports each unknown key at its own path', () => {
  expect(pathsOf(z.strictObject({ a: z.string() }), { a: 'x', $where: 'sleep(1)', extra: 1 })).toEqual(['$where', 'extra']);
  expect(pathsOf(z.strictObject({ inner: z.strictObject({ a: z.string() }) }), { inner: { a: 'x', b: 1 } })).toEqual(['inner.b']);
});

describe('prototype keys anywhere in the input are refused at their path', () => {
  it.each([
    ['__proto__ inside a field', '{"details":{"__proto__":{"admin":true}}}', 'details.__proto__'],
    ['constructor inside a field', '{"details":{"constructor":{"prototype":{}}}}', 'details.constructor'],
    ['__proto__ at the top', '{"__proto__":{"x":1}}', '__proto__'],
    ['__proto__ inside a list', '{"ids":[{"__proto__":1}]}', 'ids.0.__proto__'],
  ])('%s', (_what, json, path) => {
    expect(pathsOf(z.object({}).loose(), JSON.parse(json))).toEqual([path]);
  });
});
