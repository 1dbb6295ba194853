/**
 * Sweeps built from a function registry: every action of every function, for access and for
 * malformed input. Nothing here names a function or an action, so a function added to the registry
 * is swept without anyone editing a test. A case is checked against the adapter (`invoke`) with an
 * app whose only working parts are the caller's identity: anything else an event reaches is
 * recorded, so a refused event provably ran nothing. The engine test in
 * tests/integration/rejected-events.integration.test.ts proves the same on a real database.
 */
import type { z } from 'zod';
import { allRoles, type Role } from '../../shared/domain/roles';
import type { Envelope } from '../../shared/errors';
import type { App } from '../../cloudfunctions/core/runtime/app';
import type { IdentitySource } from '../../cloudfunctions/core/runtime/caller';
import type { Access, CloudFunction } from '../../cloudfunctions/core/runtime/define-function';

export type Registry = Record<string, CloudFunction>;

// ---------------------------------------------------------------------------------------------
// The app an adapter sees: identity works, everything else is a tripwire.

const SWEEP_TOKEN = 'sweep-token';
const SWEEP_USER = 'u-sweep';

export type StubbedApp = { app: App; touched: string[] };

/**
 * An app whose caller holds `roles`. Any other part (repositories, the database, the clock, any
 * service but identity) records what was reached and throws, so the adapter answers INTERNAL.
 */
export function stubApp(roles: readonly Role[]): StubbedApp {
  const touched: string[] = [];
  const tripwire = (where: string): never => {
    touched.push(where);
    throw new Error(`sweep: the event reached ${where}`);
  };
  const user = {
    _id: SWEEP_USER,
    openid: 'o-sweep',
    name: null,
    phone: null,
    communityId: null,
    address: null,
    elderMode: false,
    roles: [...roles],
    staffStreetId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const identity = {
    users: {
      require: async (userId: string) => (userId === SWEEP_USER ? user : tripwire(`services.users.require(${userId})`)),
      ensureUser: async () => user,
    },
    tokens: { verify: async (token: string) => (token === SWEEP_TOKEN ? { userId: SWEEP_USER } : tripwire('services.tokens.verify')) },
  } as Record<string, Record<string, unknown>>;
  const services = new Proxy({}, {
    get: (_target, prop) => {
      const name = String(prop);
      const part = identity[name];
      if (!part) return tripwire(`services.${name}`);
      return new Proxy(part, { get: (inner, method) => inner[String(method)] ?? tripwire(`services.${name}.${String(method)}`) });
    },
  });
  const app = new Proxy({}, { get: (_target, prop) => (prop === 'services' ? services : prop === 'then' ? undefined : tripwire(String(prop))) }) as App;
  return { app, touched };
}

/** Who calls: nobody, the system (a timer), or a signed-in user holding exactly these roles. */
export type Who = { kind: 'anonymous' } | { kind: 'system' } | { kind: 'roles'; roles: readonly Role[] };

const whoLabel = (who: Who) => (who.kind === 'roles' ? (who.roles.length === 1 ? who.roles[0]! : `a user with ${who.roles.join('+')}`) : who.kind);

function identityOf(who: Who): IdentitySource {
  if (who.kind === 'anonymous') return { kind: 'bearer', token: null };
  if (who.kind === 'system') return { kind: 'system' };
  return { kind: 'bearer', token: SWEEP_TOKEN };
}

/** Invokes a function as `who` on a stubbed app, with the error log (INTERNAL from the tripwire) muted. */
export async function invokeStubbed(fn: CloudFunction, who: Who, event: unknown): Promise<{ result: Envelope<unknown>; touched: string[] }> {
  const { app, touched } = stubApp(who.kind === 'roles' ? who.roles : []);
  const log = console.error;
  console.error = () => undefined;
  try {
    return { result: await fn.invoke(app, event, identityOf(who)), touched };
  } finally {
    console.error = log;
  }
}

const codeOf = (result: Envelope<unknown>) => (result.ok ? 'ok' : result.error.code);

// ---------------------------------------------------------------------------------------------
// Access: every caller an action does not admit is refused before anything runs.

export type AccessCase = {
  title: string;
  fn: string;
  action: string;
  who: Who;
  /** `admitted`: the caller gets past access (the answer is then about the empty input or the stub). */
  expected: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'admitted';
};

/** The roles an access rule admits, or null when it admits anyone signed in (or anyone at all). */
const admittedRoles = (access: Access): readonly Role[] | null => (typeof access === 'string' ? null : access);

export function accessSweep(registry: Registry): AccessCase[] {
  const cases: AccessCase[] = [];
  for (const [fn, definition] of Object.entries(registry)) {
    for (const [action, spec] of Object.entries(definition.actions)) {
      const add = (who: Who, expected: AccessCase['expected']) =>
        cases.push({ title: `${fn}.${action} as ${whoLabel(who)} → ${expected}`, fn, action, who, expected });
      if (spec.access === 'public') {
        add({ kind: 'anonymous' }, 'admitted');
        continue;
      }
      add({ kind: 'anonymous' }, 'UNAUTHENTICATED');
      add({ kind: 'system' }, 'UNAUTHENTICATED');
      const admitted = admittedRoles(spec.access);
      for (const role of allRoles) add({ kind: 'roles', roles: [role] }, !admitted || admitted.includes(role) ? 'admitted' : 'FORBIDDEN');
      if (admitted) {
        // Holding many roles, none of them the right one, is still no right at all.
        const others = allRoles.filter((role) => !admitted.includes(role));
        if (others.length > 1) add({ kind: 'roles', roles: others }, 'FORBIDDEN');
      }
    }
  }
  return cases;
}

/** What is wrong with how the adapter answered the case: an empty list when it is right. */
export async function checkAccessCase(registry: Registry, c: AccessCase): Promise<string[]> {
  const { result, touched } = await invokeStubbed(registry[c.fn]!, c.who, { action: c.action });
  const code = codeOf(result);
  if (c.expected === 'admitted') {
    return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? [`refused with ${code}`] : [];
  }
  const failures = code === c.expected ? [] : [`expected ${c.expected}, got ${code}`];
  if (touched.length > 0) failures.push(`reached ${touched.join(', ')} before refusing`);
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Malformed input: every field of every action, wrong in the ways an attacker or a bug would try.

export type InputCase = {
  title: string;
  fn: string;
  /** The action the event names, or null for events that name none. */
  action: string | null;
  event: () => unknown;
  /** The field the refusal must name: exactly, or a field inside it. */
  path: string;
};

export const OPERATOR = { $gt: '' };
/** An own `__proto__` key, as JSON.parse makes it: a merge of it would change every object's prototype. */
const protoKeyed = (extra: Record<string, unknown> = {}): Record<string, unknown> => Object.assign(JSON.parse('{"__proto__":{"roles":["admin"]}}'), extra);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Optional, defaulted and piped schemas wrap the one that decides the value's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) return unwrap(def.innerType as z.ZodType);
  if (def.type === 'pipe') return unwrap(def.in as z.ZodType);
  if (def.type === 'lazy') return unwrap((def.getter as () => z.ZodType)());
  return schema;
}

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The JSON kinds a schema accepts, or null when it cannot be told (custom, any, unknown). */
function kindsOf(schema: z.ZodType): Set<Kind> | null {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const outer = defOf(schema);
  const kinds = new Set<Kind>();
  if (outer.type === 'nullable') kinds.add('null');
  const of = (value: unknown): Kind => (value === null ? 'null' : (typeof value as Kind));
  switch (def.type) {
    case 'string':
      kinds.add('string');
      break;
    case 'number':
    case 'int':
    case 'bigint':
      kinds.add('number');
      break;
    case 'boolean':
      kinds.add('boolean');
      break;
    case 'array':
    case 'tuple':
      kinds.add('array');
      break;
    case 'object':
    case 'record':
    case 'map':
      kinds.add('object');
      break;
    case 'null':
      kinds.add('null');
      break;
    case 'enum':
      for (const value of Object.values(def.entries as Record<string, unknown>)) kinds.add(of(value));
      break;
    case 'literal':
      for (const value of def.values as unknown[]) kinds.add(of(value));
      break;
    case 'union': {
      for (const option of def.options as z.ZodType[]) {
        const optionKinds = kindsOf(option);
        if (!optionKinds) return null;
        for (const kind of optionKinds) kinds.add(kind);
      }
      break;
    }
    default:
      return null;
  }
  return kinds;
}

/** A value of a JSON kind the schema does not accept. */
function wrongTypeFor(schema: z.ZodType): { label: string; value: unknown } | null {
  const kinds = kindsOf(schema);
  if (!kinds) return null;
  const candidates: [Kind, string, unknown][] = [
    ['number', 'a number', 12345],
    ['string', 'a string', 'x'],
    ['boolean', 'a boolean', true],
    ['array', 'an array', ['x']],
  ];
  const found = candidates.find(([kind]) => !kinds.has(kind));
  return found ? { label: found[1], value: found[2] } : null;
}

/** A field of an action's input, and how to build an event that puts a value there. */
type Field = { path: string; schema: z.ZodType; place: (value: unknown) => Record<string, unknown>; branch?: string };

/**
 * Every field reachable in a schema: object keys, the first element of arrays of them, and the
 * branches of a discriminated union (with the discriminator set, so the branch is the one judged).
 */
function fieldsOf(schema: z.ZodType, at: string[] = [], place: (value: unknown) => unknown = (v) => v): Field[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const join = (key: string) => [...at, key].join('.');
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    return Object.entries(shape).flatMap(([key, child]) => {
      const placeHere = (value: unknown) => place({ [key]: value });
      return [
        { path: join(key), schema: child, place: placeHere as Field['place'] },
        ...fieldsOf(child, [...at, key], placeHere),
      ];
    });
  }
  if (def.type === 'array') return fieldsOf(def.element as z.ZodType, [...at, '0'], (value) => place([value]));
  if (def.type === 'union' && typeof def.discriminator === 'string') {
    const key = def.discriminator;
    const tagPath = [...at, key].join('.');
    const branches = (def.options as z.ZodType[]).flatMap((option) => {
      const tagSchema = (defOf(unwrap(option)).shape as Record<string, z.ZodType>)[key]!;
      const tag = (defOf(unwrap(tagSchema)).values as unknown[])[0];
      // Within a branch its tag is set, so the branch is the one judged; the tag itself is swept once.
      return fieldsOf(option, at, (value) => place({ [key]: tag, ...(value as Record<string, unknown>) }))
        .filter((f) => f.path !== tagPath)
        .map((f) => ({ ...f, branch: f.branch ?? `${tagPath} ${String(tag)}` }));
    });
    const tagSchema = (defOf(unwrap((def.options as z.ZodType[])[0]!)).shape as Record<string, z.ZodType>)[key]!;
    return [{ path: tagPath, schema: tagSchema, place: ((value: unknown) => place({ [key]: value })) as Field['place'] }, ...branches];
  }
  return [];
}

/** Keys of an object schema that must be present (whose schema refuses undefined). */
function requiredKeys(schema: z.ZodType): string[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object') return [];
  return Object.entries(def.shape as Record<string, z.ZodType>).filter(([, child]) => !child.safeParse(undefined).success).map(([key]) => key);
}

const dedupe = <T extends { title: string }>(cases: T[]) => [...new Map(cases.map((c) => [c.title, c])).values()];

export function inputSweep(registry: Registry): InputCase[] {
  const cases: InputCase[] = [];
  for (const [fn, definition] of Object.entries(registry)) {
    const add = (action: string | null, what: string, event: () => unknown, path: string) =>
      cases.push({ title: `${fn}${action ? `.${action}` : ''}: ${what} → refused at ${path}`, fn, action, event, path });
    const anyAction = Object.keys(definition.actions)[0] ?? 'x';

    // The envelope: what every event of every function must be before an action is chosen.
    add(null, 'no event at all', () => null, '(root)');
    add(null, 'an array for an event', () => [{ action: anyAction }], '(root)');
    add(null, 'a string for an event', () => anyAction, '(root)');
    add(null, 'no action', () => ({}), 'action');
    add(null, 'an unknown action', () => ({ action: 'dropDatabase' }), 'action');
    add(null, 'an action named like a prototype key', () => ({ action: 'constructor' }), 'action');
    add(null, 'an operator for the action', () => ({ action: OPERATOR }), 'action');

    for (const [action, spec] of Object.entries(definition.actions)) {
      const event = (payload: Record<string, unknown> = {}) => ({ action, ...payload });
      add(action, 'an unknown field', () => event({ sweepUnknownField: 1 }), 'sweepUnknownField');
      add(action, 'an operator as a field', () => event({ $where: 'sleep(1000)' }), '$where');
      add(action, 'an own __proto__ key', () => protoKeyed(event()), '__proto__');
      for (const key of requiredKeys(spec.input)) add(action, `no ${key}`, () => event(), key);
      const options = defOf(unwrap(spec.input)).type === 'union' ? (defOf(unwrap(spec.input)).options as z.ZodType[]) : [spec.input];
      for (const option of options) {
        for (const field of fieldsOf(option)) {
          const where = field.branch ? `${field.path} (${field.branch})` : field.path;
          add(action, `an operator for ${where}`, () => event(field.place(OPERATOR)), field.path);
          add(action, `an own __proto__ key in ${where}`, () => event(field.place(protoKeyed())), `${field.path}.__proto__`);
          const wrong = wrongTypeFor(field.schema);
          if (wrong) add(action, `${wrong.label} for ${where}`, () => event(field.place(wrong.value)), field.path);
        }
      }
    }
  }
  return dedupe(cases);
}

/** The caller of input cases holds every role, so what refuses an event is its input, not access. */
const everyRole: Who = { kind: 'roles', roles: allRoles };

export async function checkInputCase(registry: Registry, c: InputCase): Promise<string[]> {
  const { result, touched } = await invokeStubbed(registry[c.fn]!, everyRole, c.event());
  const failures: string[] = [];
  if (result.ok || result.error.code !== 'VALIDATION_FAILED') failures.push(`expected VALIDATION_FAILED, got ${codeOf(result)}`);
  const fields = result.ok ? [] : (result.error.details?.fields ?? []).map((f) => f.path);
  if (!result.ok && !fields.some((f) => f === c.path || f.startsWith(`${c.path}.`))) failures.push(`named ${JSON.stringify(fields)}, not ${c.path}`);
  if (touched.length > 0) failures.push(`reached ${touched.join(', ')}`);
  return failures;
}
