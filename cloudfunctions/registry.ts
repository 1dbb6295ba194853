import type { CloudFunction } from './core/runtime/define-function';
import { adminFunction } from './admin';
import { userFunction } from './user';

/** Every cloud function, by the name the client calls it with. */
export const cloudFunctions: Record<string, CloudFunction> = Object.fromEntries(
  [userFunction, adminFunction].map((fn) => [fn.name, fn]),
);
