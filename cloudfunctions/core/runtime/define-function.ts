import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, failure, isAppError, parseOrThrow, success, type Envelope } from '../../../shared/errors';
import { auditKindFor, type Access } from '../../../shared/domain/permissions';
import { hasAnyRole } from '../../../shared/domain/roles';
import { actionsBeforePasswordChange } from '../../../shared/domain/staff-auth/password-rules';
import { isBrokenConnectionError, isEngineUnreachableError } from '../db/mongo-errors';
import type { App } from './compose-app';
import { functionApp } from './function-instance';
import type { ServiceParts } from '../services/composition';
import { sessionParts } from '../services/session.parts';
import { callerOf, type Caller, type IdentitySource } from './caller';
import { readWeChatOpenid } from './wechat-context';
import { endedSession } from '../services/session-token.service';
import { ReferenceCache } from '../repositories/reference-cache';
import { replyFirst } from './after-reply';

// The roles each action needs are in shared/domain/permissions (actionAccess); entry files read them there.
export type { Access };

export type ActionContext = { app: App; caller: Caller | null; identity: IdentitySource; requestId: string };
export type SignedInContext = ActionContext & { caller: Caller };

export type ActionSpec<S extends z.ZodType, R> = {
  input: S;
  access: Access;
  run: (input: z.output<S>, ctx: SignedInContext) => Promise<R>;
};

export type PublicActionSpec<S extends z.ZodType, R> = {
  input: S;
  access: 'public';
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionSpec<z.ZodType, unknown> | PublicActionSpec<z.ZodType, unknown>;

export function action<S extends z.ZodType, R>(spec: ActionSpec<S, R>): ActionSpec<S, R> {
  return spec;
}

export function publicAction<S extends z.ZodType, R>(spec: PublicActionSpec<S, R>): PublicActionSpec<S, R> {
  return spec;
}

/** A timer-triggered job: WeChat Cloud runs it from config.json, the local host on the same schedule. */
export type TimerSpec = { name: string; everyMinutes: number; run: (app: App, requestId: string) => Promise<unknown> };

export type CloudFunction = {
  name: string;
  actions: Record<string, AnyAction>;
  timers: TimerSpec[];
  /** WeChat Cloud permissions this function needs in config.json (e.g. subscribeMessage.send). */
  openapi: string[];
  /** It renders documents (PDF, XLSX): its bundle may carry the rendering libraries the others must not. */
  renders: boolean;
  /** The services its actions and timers use (the session's are always there): all its bundle composes. */
  services: ServiceParts;
  /** A call, answered once everything it does is done (tests, scripts). */
  invoke(app: App, event: unknown, identity: IdentitySource): Promise<Envelope<unknown>>;
  /** A call answered as soon as its reply is ready; `afterReply` is the rest of its work (after-reply.ts). */
  respond(app: App, event: unknown, identity: IdentitySource): Promise<{ envelope: Envelope<unknown>; afterReply: Promise<void> }>;
  runTimer(app: App, name: string): Promise<Envelope<unknown>>;
  /** The WeChat Cloud entry point. */
  main(event: unknown, context: unknown): Promise<Envelope<unknown>>;
};

/**
 * Keys WeChat or an old client may put in an event that must never name the caller. WeChat Cloud
 * injects `userInfo`; the others are dropped unless the action itself declares them as input.
 */
const identityKeys = ['userInfo', 'openid', 'userId', 'role', 'roles', 'callerId'];

/** The pause before the one more try after a broken connection: the driver's pool reconnects meanwhile. */
const BROKEN_CONNECTION_PAUSE_MS = 200;

const eventShape = z.object({ action: z.string().regex(/^[A-Za-z]{1,40}$/) }).loose();

export function defineFunction(
  name: string,
  actions: Record<string, AnyAction>,
  options: { timers?: TimerSpec[]; openapi?: string[]; renders?: boolean; services?: ServiceParts } = {},
): CloudFunction {
  const timers = options.timers ?? [];
  const services: ServiceParts = { ...sessionParts, ...options.services };

  // Each invocation is its own scope for the instance's cache: its first cached read (the session's
  // user) checks the version stamps, and its later ones are served from memory (see ReferenceCache).
  // The work it defers (after-reply.ts) runs in the same scope, so it reads from memory too.
  const respond = async (app: App, event: unknown, identity: IdentitySource) => {
    const { result: envelope, afterReply } = await ReferenceCache.within(() => replyFirst(() => invokeOnce(app, event, identity)));
    return { envelope, afterReply };
  };
  const invoke = async (app: App, event: unknown, identity: IdentitySource) => {
    const { envelope, afterReply } = await respond(app, event, identity);
    await afterReply;
    return envelope;
  };

  async function invokeOnce(app: App, event: unknown, identity: IdentitySource): Promise<Envelope<unknown>> {
    const requestId = randomUUID();
    try {
      return success(await handle(app, event, identity, requestId));
    } catch (error) {
      if (!isBrokenConnectionError(error)) return toFailure(error, `${name}`, requestId);
      // Every action is safe to repeat (docs/api.md), so the call is made once more on a fresh
      // connection rather than bouncing to a resident right after the engine came back.
      console.error(`[${name}] request ${requestId}: connection broke (${(error as Error).name}: ${(error as Error).message}); trying once more`);
      await new Promise((resolve) => setTimeout(resolve, BROKEN_CONNECTION_PAUSE_MS));
      try {
        return success(await handle(app, event, identity, requestId));
      } catch (again) {
        return toFailure(again, `${name}`, requestId);
      }
    }
  }

  async function handle(app: App, event: unknown, identity: IdentitySource, requestId: string): Promise<unknown> {
    const { action: actionName, ...payload } = parseOrThrow(eventShape, event);
    const spec = Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
    if (!spec) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'action', message: `不支持的操作：${actionName}` }] });
    }
    const caller = await resolveCaller(app, identity, spec.access);
    if (caller?.mustChangePassword && !actionsBeforePasswordChange.includes(`${name}.${actionName}`)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    const input = parseOrThrow(spec.input, withoutIdentityKeys(payload, spec.input));
    const ctx = { app, caller, identity, requestId };
    const result = await (spec.run as (i: unknown, c: ActionContext) => Promise<unknown>)(input, ctx);
    // Staff and admin work is logged before its answer leaves: a view of full details not written down is not shown.
    const audited = caller ? auditKindFor(`${name}.${actionName}`, caller.roles, input) : null;
    if (caller && audited) await app.services.audit.record(caller, `${name}.${actionName}`, audited, input);
    return result;
  }

  async function runTimer(app: App, timerName: string): Promise<Envelope<unknown>> {
    const requestId = randomUUID();
    const timer = timers.find((t) => t.name === timerName);
    if (!timer) return failure(new AppError('NOT_FOUND', { timer: timerName }).toBody());
    try {
      return success(await timer.run(app, requestId));
    } catch (error) {
      return toFailure(error, `${name}/${timerName}`, requestId);
    }
  }

  async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const app = await functionApp(name, services);
    // A WeChat timer trigger calls main with { Type: 'Timer', TriggerName } and no user.
    if (isTimerEvent(event)) return runTimer(app, event.TriggerName);
    const openid = readWeChatOpenid(context);
    const identity: IdentitySource = openid ? { kind: 'wechat', openid } : { kind: 'bearer', token: null };
    // The reply goes out without waiting for its notices: should the platform freeze the instance
    // before they are made, the next invocation resumes them or notify.deliver makes them.
    const { envelope, afterReply } = await respond(app, event, identity);
    void afterReply;
    return envelope;
  }

  return { name, actions, timers, openapi: options.openapi ?? [], renders: options.renders ?? false, services, invoke, respond, runTimer, main };
}

async function resolveCaller(app: App, identity: IdentitySource, access: Access): Promise<Caller | null> {
  if (access === 'public') {
    // Public actions never fail on a stale token: a resident with an expired session must still log in.
    if (identity.kind === 'wechat') return callerOf(await app.services.users.ensureUser(identity.openid));
    return null;
  }
  const caller = await authenticate(app, identity);
  if (access !== 'user' && !hasAnyRole(caller.roles, access)) throw new AppError('FORBIDDEN');
  return caller;
}

async function authenticate(app: App, identity: IdentitySource): Promise<Caller> {
  if (identity.kind === 'wechat') return callerOf(await app.services.users.ensureUser(identity.openid));
  if (identity.kind === 'system') throw new AppError('UNAUTHENTICATED');
  if (!identity.token || !app.services.tokens) throw new AppError('UNAUTHENTICATED');
  const claims = await app.services.tokens.verify(identity.token);
  const user = await app.services.users.require(claims.userId);
  // staff sign-in: a password change or reset ends the sessions issued before it.
  if (endedSession(claims, user.sessionsValidFrom)) throw new AppError('UNAUTHENTICATED', { reason: 'password changed' });
  // Roles come from the database on every call, so a grant or revocation takes effect at once.
  return claims.mustChangePassword ? { ...callerOf(user), mustChangePassword: true } : callerOf(user);
}

function withoutIdentityKeys(payload: Record<string, unknown>, schema: z.ZodType): Record<string, unknown> {
  const declared = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (identityKeys.includes(key) && !declared.includes(key)) continue;
    kept[key] = value;
  }
  return kept;
}

function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
    && typeof (event as { TriggerName?: unknown }).TriggerName === 'string';
}

function toFailure(error: unknown, where: string, requestId: string): Envelope<never> {
  if (isAppError(error)) {
    if (error.code === 'INTERNAL') console.error(`[${where}] request ${requestId}:`, error.details ?? error.message);
    return failure(error.toBody());
  }
  if (isEngineUnreachableError(error)) {
    // Not our fault and not the caller's: say so in one line, without a stack per request.
    console.error(`[${where}] request ${requestId}: database unreachable (${(error as Error).name}: ${(error as Error).message})`);
    return failure(new AppError('SERVICE_UNAVAILABLE', { requestId }).toBody());
  }
  console.error(`[${where}] request ${requestId} failed:`, error);
  return failure(new AppError('INTERNAL', { requestId }).toBody());
}
