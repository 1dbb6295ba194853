import type { ServerConfig } from '../../../config/server-config.schema';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Repositories } from '../repositories/repositories';
import type { Services } from './services';

export type ServiceDeps = { config: ServerConfig; repos: Repositories; clock: Clock; ids: IdGenerator };

/**
 * What a part is built from: the app's ports and repositories, the other services (built on first
 * use) and the helpers several services share (built once per composition).
 */
export type Composition = ServiceDeps & { services: Services; shared<T>(part: SharedPart<T>): T };

/** A helper several services share (the booking access rules, the outbox...): one per composition. */
export type SharedPart<T> = (c: Composition) => T;

/** How to build one service from a composition. */
export type Part<K extends keyof Services> = (c: Composition) => Services[K];

/** How to build each service a function uses; a function's bundle holds only the parts it lists. */
export type ServiceParts = { [K in keyof Services]?: (c: Composition) => Services[K] };

/**
 * The services object an app exposes (`app.services.x`): each service is built on first use from
 * its part, so a cold start builds only what the first call needs, and asking for a service the
 * function was not composed with fails loudly instead of reaching code its bundle left out.
 */
export function composeServices(deps: ServiceDeps, parts: ServiceParts, functionName = 'this app'): Services {
  const services = {} as Services;
  const shared = new Map<SharedPart<unknown>, unknown>();
  const composition: Composition = {
    ...deps,
    services,
    shared<T>(part: SharedPart<T>): T {
      if (!shared.has(part)) shared.set(part, part(composition));
      return shared.get(part) as T;
    },
  };
  const built = new Map<string, unknown>();
  for (const key of Object.keys(parts) as (keyof Services)[]) {
    Object.defineProperty(services, key, {
      enumerable: true,
      get() {
        if (!built.has(key)) built.set(key, (parts[key] as (c: Composition) => unknown)(composition));
        return built.get(key);
      },
    });
  }
  // Keys a caller may probe on any object (a promise check, JSON, jest's and React's type checks).
  const probes = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof']);
  return new Proxy(services, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && !probes.has(key)) {
        throw new Error(`service ${key} is not composed into ${functionName}: add its part to the function's services`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
