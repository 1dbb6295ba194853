import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { STAMP_KINDS, type StampKind, type StampRepository } from './stamp.repository';

/**
 * How long a cached document may serve at most, whatever the stamps say. It bounds what no stamp
 * can announce: a write whose instance died between the write and its stamp, or a hand edit of the
 * database.
 */
export const REFERENCE_TTL_MS = 30_000;

/**
 * How long one read of the stamps answers for every invocation of the instance that starts within
 * it. In a rush of creates that spares the stamp read of nearly every call; the price is that a write
 * made elsewhere is seen up to this much later, which is why a call that wrote stamped data replies
 * only once this long has passed since its stamp (`settled`): whatever starts after its reply sees it.
 */
export const STAMP_REUSE_MS = 300;

/** One invocation: each cache's check against the stamps, and when it last stamped a write. */
type Scope = { checks: Map<ReferenceCache, Promise<void>>; stampedAt: number | null };
const invocation = new AsyncLocalStorage<Scope>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Entry = { value: Promise<unknown>; loadedAt: number };

/**
 * Documents that rarely change (a service, a provider, its hours, the holiday calendar, a street,
 * a community, a station, a user for the session check), kept in the function instance behind the
 * version stamps (stamp.repository.ts), so that a create does not read them again on every call.
 *
 * The rule that keeps them fresh: an invocation serves a cached document only after the stamps
 * were read (one round trip, made by its first cached read: the session's user) by it or by a read
 * issued less than STAMP_REUSE_MS before it started, and the cache holds, for each kind, only
 * documents loaded after a stamp read returned the token it holds now (a new token empties the kind,
 * and a load started before that never lands). A writer changes the data first and the stamp after,
 * and replies STAMP_REUSE_MS after its stamp, so an invocation that starts after that reply reads
 * the new token or a later one, and sees the write, exactly as if it had read the documents. Outside
 * an invocation (timers, scripts, tests calling services) every read goes to the database.
 */
export class ReferenceCache {
  private readonly tokens = Object.fromEntries(STAMP_KINDS.map((kind) => [kind, null])) as Record<StampKind, string | null>;
  private readonly entries = Object.fromEntries(STAMP_KINDS.map((kind) => [kind, new Map<string, Entry>()])) as Record<StampKind, Map<string, Entry>>;

  /** The last stamp read: when it was issued, and its outcome. */
  private lastCheck: { issuedAt: number; done: Promise<void> } | null = null;

  constructor(private readonly stamps: StampRepository) {}

  /**
   * Runs one invocation: its cached reads check the stamps first, once, and if it stamped a write
   * it returns only once that write can no longer be missed by a call that starts after it (`settled`).
   */
  static within<T>(run: () => Promise<T>): Promise<T> {
    const scope: Scope = { checks: new Map(), stampedAt: null };
    return invocation.run(scope, async () => {
      try {
        return await run();
      } finally {
        await ReferenceCache.settled();
      }
    });
  }

  /**
   * In an invocation that stamped a write: waits until STAMP_REUSE_MS have passed since that stamp,
   * so that any call starting afterwards, on any instance, reads it. At once otherwise. Whatever
   * must see what other instances do after a write (the stranded-booking report) looks after this.
   */
  static async settled(): Promise<void> {
    const scope = invocation.getStore();
    if (scope?.stampedAt == null) return;
    const left = scope.stampedAt + STAMP_REUSE_MS - performance.now();
    if (left > 0) await pause(Math.ceil(left));
  }

  /**
   * A document by key. In an invocation: from memory once the invocation has read the stamps (its
   * first cached read does, and the others wait for that one), else loaded and kept. Outside one:
   * loaded. A missing document is never kept.
   */
  async read<T>(kind: StampKind, key: string, load: () => Promise<T | null>): Promise<T | null> {
    const scope = invocation.getStore();
    if (!scope) return load();
    let checked = scope.checks.get(this);
    if (!checked) {
      checked = this.recentCheck();
      scope.checks.set(this, checked);
    }
    await checked;
    const entries = this.entries[kind];
    const now = performance.now();
    let entry = entries.get(key);
    if (!entry || now - entry.loadedAt >= REFERENCE_TTL_MS) {
      entry = { value: load(), loadedAt: now };
      const loading = entry;
      entries.set(key, loading);
      const forget = () => {
        if (entries.get(key) === loading) entries.delete(key);
      };
      loading.value.then((value) => value === null && forget(), forget);
    }
    // Callers may change what they get: each gets its own copy.
    const value = (await entry.value) as T | null;
    return value === null ? null : structuredClone(value);
  }

  /** The last stamp read if it was issued within STAMP_REUSE_MS and went well, else a new one. */
  private recentCheck(): Promise<void> {
    const now = performance.now();
    if (this.lastCheck && now - this.lastCheck.issuedAt < STAMP_REUSE_MS) return this.lastCheck.done;
    const current = { issuedAt: now, done: this.check() };
    this.lastCheck = current;
    // A failed read answers for nobody else: the next invocation reads again.
    current.done.catch(() => {
      if (this.lastCheck === current) this.lastCheck = null;
    });
    return current.done;
  }

  /** Reads the stamps and forgets every kind whose token changed. */
  private async check(): Promise<void> {
    const stamps = await this.stamps.read();
    for (const kind of STAMP_KINDS) if (this.tokens[kind] !== stamps[kind]) this.reset(kind, stamps[kind]);
  }

  /** After a write to `kind`: a new stamp for every instance, and this one forgets at once. */
  async written(kind: StampKind): Promise<void> {
    this.reset(kind, null);
    this.reset(kind, await this.stamps.bump(kind));
    const scope = invocation.getStore();
    if (scope) scope.stampedAt = performance.now();
  }

  /** Runs a write to `kind` and then stamps it, even if the write failed (it may have been applied). */
  async writing<T>(kind: StampKind, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await this.written(kind);
    }
  }

  private reset(kind: StampKind, token: string | null): void {
    this.tokens[kind] = token;
    // A new map, so that a load still running for the old token lands in the forgotten one.
    this.entries[kind] = new Map();
  }
}
