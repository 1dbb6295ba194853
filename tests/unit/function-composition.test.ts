/**
 * Each cloud function's bundle composes only the services it lists (defineFunction's `services`),
 * so a service its actions reach but it does not list would fail in WeChat Cloud only, where the
 * tests' all-services app is not used. Two checks per function: every `services.x` its own files
 * name is listed, and every listed service builds from that list alone (parts take the other
 * services they need when built, so a missing one throws here). Building makes no database call:
 * the client below never connects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { parseServerConfig } from '../../config/server-config.schema';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { randomIds } from '../../cloudfunctions/core/ports/ids';
import { createRepositories } from '../../cloudfunctions/core/repositories/repositories';
import { composeServices } from '../../cloudfunctions/core/services/composition';
import { allServiceParts, type Services } from '../../cloudfunctions/core/services/services';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { TEST_ATTENDANCE_SECRET, TEST_ID_NUMBER_KEY, TEST_SECRET } from '../helpers/test-app';

const client = new MongoClient('mongodb://127.0.0.1:9/', { serverSelectionTimeoutMS: 1 });
afterAll(() => client.close());

const deps = () => ({
  config: parseServerConfig({ APP_ENV: 'test', TOKEN_SECRET: TEST_SECRET, ID_NUMBER_KEY: TEST_ID_NUMBER_KEY, ATTENDANCE_CODE_SECRET: TEST_ATTENDANCE_SECRET, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' }),
  repos: createRepositories(client.db('composition')),
  clock: manualClock(new Date('2026-03-02T09:00:00+08:00')),
  ids: randomIds,
});

/** The services a function's own files call (`app.services.x` in cloudfunctions/<name>/). */
function servicesNamedIn(name: string): string[] {
  const dir = join(__dirname, '../../cloudfunctions', name);
  const named = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/services\.(\w+)/g)) named.add(match[1]!);
  }
  return [...named].sort();
}

describe.each(Object.values(cloudFunctions).map((fn) => [fn.name, fn] as const))('%s', (name, fn) => {
  it('lists every service its actions and timers call', () => {
    const listed = Object.keys(fn.services);
    expect(servicesNamedIn(name).filter((service) => !listed.includes(service))).toEqual([]);
  });

  it('builds every listed service from its own list', () => {
    const services = composeServices(deps(), fn.services, `the ${name} function`);
    for (const key of Object.keys(fn.services) as (keyof Services)[]) expect([key, services[key]]).toEqual([key, key === 'tokens' ? expect.anything() : expect.any(Object)]);
  });
});

it('refuses a service the function was not composed with, naming it', () => {
  const services = composeServices(deps(), cloudFunctions.catalog!.services, 'the catalog function');
  expect(() => services.bookings).toThrow('service bookings is not composed into the catalog function');
});

it('builds each service once per composition and shares the helpers between them', () => {
  const services = composeServices(deps(), allServiceParts);
  expect(services.bookings).toBe(services.bookings);
  // One limiter: the one staff sign-in counts with is the one the user function's timer clears.
  expect((services.staffAuth as unknown as { deps: { limiter: unknown } }).deps.limiter).toBe(services.loginLimiter);
});

it('the full composition names every service', () => {
  const services = composeServices(deps(), allServiceParts);
  for (const key of Object.keys(allServiceParts) as (keyof Services)[]) expect(() => services[key]).not.toThrow();
});
