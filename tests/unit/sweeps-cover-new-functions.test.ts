/**
 * The sweeps cover a function nobody wrote a test for: a throwaway `echo` added to the registry is
 * swept for access and for malformed input, and the sweeps fail when its adapter forgets the role
 * check or its schema lets anything through. Real parts: defineFunction, the sweep builders; the app
 * is the sweeps' tripwire, on which `echo` writing anything shows as reaching `services.echo`.
 */
import { z } from 'zod';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { action, defineFunction, type CloudFunction } from '../../cloudfunctions/core/runtime/define-function';
import { accessSweep, checkAccessCase, checkInputCase, inputSweep, type Registry } from '../helpers/sweeps';

const strictInput = z.strictObject({ text: z.string().min(1).max(20) });

function echoFunction(input: z.ZodType, access: ['admin'] | 'user' = ['admin']): CloudFunction {
  return defineFunction('echo', {
    say: action({
      input,
      access,
      // Stands for any write: on the sweeps' app every service is a tripwire.
      run: (said, { app }) => (app.services as unknown as Record<string, { save(v: unknown): Promise<unknown> }>).echo!.save(said),
    }),
  });
}

const withEcho = (echo: CloudFunction): Registry => ({ ...cloudFunctions, echo });

async function failuresOf(registry: Registry): Promise<{ access: string[]; input: string[] }> {
  const access: string[] = [];
  for (const c of accessSweep(registry).filter((c) => c.fn === 'echo')) {
    for (const failure of await checkAccessCase(registry, c)) access.push(`${c.title}: ${failure}`);
  }
  const input: string[] = [];
  for (const c of inputSweep(registry).filter((c) => c.fn === 'echo')) {
    for (const failure of await checkInputCase(registry, c)) input.push(`${c.title}: ${failure}`);
  }
  return { access, input };
}

it('generates access and input cases for a function added to the registry', () => {
  const registry = withEcho(echoFunction(strictInput));
  const access = accessSweep(registry).filter((c) => c.fn === 'echo').map((c) => c.title);
  expect(access).toEqual(
    expect.arrayContaining([
      'echo.say as anonymous → UNAUTHENTICATED',
      'echo.say as system → UNAUTHENTICATED',
      'echo.say as resident → FORBIDDEN',
      'echo.say as staff → FORBIDDEN',
      'echo.say as admin → admitted',
    ]),
  );
  const input = inputSweep(registry).filter((c) => c.fn === 'echo').map((c) => c.title);
  expect(input).toEqual(
    expect.arrayContaining([
      'echo: an unknown action → refused at action',
      'echo.say: an unknown field → refused at sweepUnknownField',
      'echo.say: an own __proto__ key → refused at __proto__',
      'echo.say: no text → refused at text',
      'echo.say: an operator for text → refused at text',
      'echo.say: a number for text → refused at text',
    ]),
  );
});

it('passes for a function that checks roles and input', async () => {
  expect(await failuresOf(withEcho(echoFunction(strictInput)))).toEqual({ access: [], input: [] });
});

it('fails for a function whose adapter forgets the role check', async () => {
  // The action declares admin only, but the adapter that runs it admits anyone signed in.
  const declared = echoFunction(strictInput);
  const lax = echoFunction(strictInput, 'user');
  const { access } = await failuresOf(withEcho({ ...declared, invoke: lax.invoke }));
  expect(access).toEqual(
    expect.arrayContaining([
      // Admitted, the empty event of the sweep is judged on its input: the refusal came too late.
      'echo.say as resident → FORBIDDEN: expected FORBIDDEN, got VALIDATION_FAILED',
      'echo.say as staff → FORBIDDEN: expected FORBIDDEN, got VALIDATION_FAILED',
    ]),
  );
  expect(access.some((f) => f.startsWith('echo.say as admin'))).toBe(false);
});

it('fails for a function whose schema lets anything through', async () => {
  const { input } = await failuresOf(withEcho(echoFunction(z.object({ text: z.unknown().optional() }))));
  expect(input).toEqual(
    expect.arrayContaining([
      'echo.say: an unknown field → refused at sweepUnknownField: expected VALIDATION_FAILED, got INTERNAL',
      'echo.say: an operator for text → refused at text: reached services.echo',
    ]),
  );
});
