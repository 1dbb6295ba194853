/**
 * Every action of every registered function, called by every kind of caller it does not admit:
 * refused with UNAUTHENTICATED or FORBIDDEN before anything but identity is reached. The list comes
 * from the registry (tests/helpers/sweeps.ts), so a new function or action is swept by itself.
 * Real parts: the adapter (defineFunction's invoke); the app is a tripwire but for identity.
 * Which relations to a record admit a caller (owner, assigned provider, staff of its 街道) is the
 * engine test tests/integration/booking-authorization.integration.test.ts.
 */
import { cloudFunctions } from '../../cloudfunctions/registry';
import { accessSweep, checkAccessCase } from '../helpers/sweeps';

const sweep = accessSweep(cloudFunctions);

it('sweeps every action of every function', () => {
  const swept = new Set(sweep.map((c) => `${c.fn}.${c.action}`));
  const actions = Object.entries(cloudFunctions).flatMap(([fn, f]) => Object.keys(f.actions).map((action) => `${fn}.${action}`));
  expect([...swept].sort()).toEqual(actions.sort());
  expect(sweep.some((c) => c.expected === 'FORBIDDEN')).toBe(true);
});

it.each(sweep)('$title', async (c) => {
  expect(await checkAccessCase(cloudFunctions, c)).toEqual([]);
});
