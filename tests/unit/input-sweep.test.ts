/**
 * Malformed events to every action of every registered function: the envelope, unknown keys,
 * operator keys and values, own `__proto__` keys, missing fields and wrong types, at every field the
 * action's schema declares. Each is refused with VALIDATION_FAILED naming the field, before anything
 * but identity is reached. The cases come from the registry (tests/helpers/sweeps.ts); the caller
 * holds every role, so what refuses an event is its input. Real parts: the adapter and the shared
 * schemas; the app is a tripwire but for identity. Refusals that need data (a past slot, a provider
 * that does not exist) are tests/integration/booking-bad-input.integration.test.ts.
 */
import { cloudFunctions } from '../../cloudfunctions/registry';
import { checkInputCase, inputSweep } from '../helpers/sweeps';

const sweep = inputSweep(cloudFunctions);

it('sweeps every action of every function', () => {
  const swept = new Set(sweep.filter((c) => c.action).map((c) => `${c.fn}.${c.action}`));
  const actions = Object.entries(cloudFunctions).flatMap(([fn, f]) => Object.keys(f.actions).map((action) => `${fn}.${action}`));
  expect([...swept].sort()).toEqual(actions.sort());
});

it.each(sweep)('$title', async (c) => {
  expect(await checkInputCase(cloudFunctions, c)).toEqual([]);
});
