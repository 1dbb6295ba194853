import type { CloudFunction } from './core/runtime/define-function';
import { adminFunction } from './admin';
import { bookingFunction } from './booking';
import { catalogFunction } from './catalog';
import { notifyFunction } from './notify';
import { providerFunction } from './provider';
import { userFunction } from './user';
import { volunteerFunction } from './volunteer';
import { staffFunction } from './staff';
import { documentsFunction } from './documents';
import { exportsFunction } from './exports';

/** Every cloud function, by the name the client calls it with. */
export const cloudFunctions: Record<string, CloudFunction> = Object.fromEntries(
  [userFunction, adminFunction, catalogFunction, bookingFunction, providerFunction, notifyFunction, volunteerFunction, staffFunction, documentsFunction, exportsFunction].map((fn) => [fn.name, fn]),
);
