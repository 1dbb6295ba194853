/**
 * A refused event writes nothing, on the real engine, for every registered function: for each of
 * its actions, a caller it does not admit and an event its schema refuses (both taken from the
 * registry-built sweeps in tests/helpers/sweeps.ts, which check every case against the adapter in
 * the unit tier). Every document of every collection is compared before and after. Real parts: the
 * local engine, the seeded demo district (so there is data to damage), session tokens, the invoke
 * path of the host; the clock is Monday 2026-11-30 08:00 in Shanghai.
 */
import { allRoles } from '../../shared/domain/roles';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { createBookingWorld, freshResident, ids, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { snapshot } from '../helpers/test-app';
import { accessSweep, inputSweep } from '../helpers/sweeps';

let w: BookingWorld;
let everyRole: Person;
let residentOnly: Person;
beforeAll(async () => {
  w = await createBookingWorld();
  everyRole = await freshResident(w);
  await w.t.app.services.users.grantRoles(everyRole.userId, allRoles.filter((role) => role !== 'resident'), ids.street);
  residentOnly = await freshResident(w);
});
afterAll(async () => {
  await w.close();
});

const accessCases = accessSweep(cloudFunctions);
const inputCases = inputSweep(cloudFunctions);

/** Per action: refused for who calls (nobody signed in, or a resident where roles are needed), and for what is sent. */
function refusalsOf(fn: string) {
  return Object.keys(cloudFunctions[fn]!.actions).flatMap((action) => {
    const mine = accessCases.filter((c) => c.fn === fn && c.action === action);
    const forbidden = mine.find((c) => c.expected === 'FORBIDDEN' && c.who.kind === 'roles' && c.who.roles.length === 1 && c.who.roles[0] === 'resident');
    const unauthenticated = mine.find((c) => c.expected === 'UNAUTHENTICATED' && c.who.kind === 'anonymous');
    const byAccess = forbidden
      ? [{ what: `${fn}.${action} as a resident`, as: residentOnly as Person | null, event: { action }, code: 'FORBIDDEN' }]
      : unauthenticated
        ? [{ what: `${fn}.${action} signed out`, as: null, event: { action }, code: 'UNAUTHENTICATED' }]
        : [];
    const invalid = inputCases.filter((c) => c.fn === fn && c.action === action);
    const byInput = [invalid.find((c) => c.title.includes(': an operator for ')) ?? invalid[0]!].map((c) => ({ what: c.title, as: everyRole as Person | null, event: c.event(), code: 'VALIDATION_FAILED' }));
    return [...byAccess, ...byInput];
  });
}

it.each(Object.keys(cloudFunctions))('%s: a refused event writes nothing', async (fn) => {
  const failures: string[] = [];
  for (const refusal of refusalsOf(fn)) {
    const before = await snapshot(w.t.db);
    const result = await w.as(refusal.as, fn, refusal.event);
    const code = result.ok ? 'ok' : result.error.code;
    if (code !== refusal.code) failures.push(`${refusal.what}: expected ${refusal.code}, got ${code}`);
    if (JSON.stringify(await snapshot(w.t.db)) !== JSON.stringify(before)) failures.push(`${refusal.what}: wrote something`);
  }
  expect(failures).toEqual([]);
});
