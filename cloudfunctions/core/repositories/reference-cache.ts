import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { STAMP_KINDS, type StampKind, type StampRepository } from './stamp.repository';

/**
 * How long a cached document may serve at most, whatever the stamps say. It bounds what no stamp
 * can announce: a write whose instance died between the write and its stamp, or a hand edit of the
 * database.
 */
export const REFERENCE_TTL_MS = 30_000;

/** Each cache's check against the stamps in one invocation (see `ReferenceCache.within`). */
const invocation = new AsyncLocalStorage<Map<ReferenceCache, Promise<void>>>();

type Entry = { value: Promise<unknown>; loadedAt: number };

/**
 * Documents that rarely change (a service, a provider, its hours, the holiday calendar, a street,
 * a community, a station, a user for the session check), kept in the function instance behind the
 * version stamps (stamp.repository.ts), so that a create does not read them again on every call.
 *
 * The rule that keeps them fresh: an invocation serves a cached document only after it read the
 * stamps itself (one round trip, made by its first cached read: the session's user), and the cache holds, for
 * each kind, only documents loaded after a stamp read returned the token it holds now (a new token
 * empties the kind, and a load started before that never lands). A writer changes the data first
 * and the stamp after, so an invocation that starts after a write has completed reads the new token
 * or a later one, and sees the write, exactly as if it had read the documents. Outside an
 * invocation (timers, scripts, tests calling services) every read goes to the database.
 */
export class ReferenceCache {
  private readonly tokens = Object.fromEntries(STAMP_KINDS.map((kind) => [kind, null])) as Record<StampKind, string | null>;
  private readonly entries = Object.fromEntries(STAMP_KINDS.map((kind) => [kind, new Map<string, Entry>()])) as Record<StampKind, Map<string, Entry>>;

  constructor(private readonly stamps: StampRepository) {}

  /** Runs one invocation: its cached reads check the stamps first, once. */
  static within<T>(run: () => Promise<T>): Promise<T> {
    return invocation.run(new Map(), run);
  }

  /**
   * A document by key. In an invocation: from memory once the invocation has read the stamps (its
   * first cached read does, and the others wait for that one), else loaded and kept. Outside one:
   * loaded. A missing document is never kept.
   */
  async read<T>(kind: StampKind, key: string, load: () => Promise<T | null>): Promise<T | null> {
    const scope = invocation.getStore();
    if (!scope) return load();
    let checked = scope.get(this);
    if (!checked) {
      checked = this.check();
      scope.set(this, checked);
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

  /** Reads the stamps and forgets every kind whose token changed. */
  private async check(): Promise<void> {
    const stamps = await this.stamps.read();
    for (const kind of STAMP_KINDS) if (this.tokens[kind] !== stamps[kind]) this.reset(kind, stamps[kind]);
  }

  /** After a write to `kind`: a new stamp for every instance, and this one forgets at once. */
  async written(kind: StampKind): Promise<void> {
    this.reset(kind, null);
    this.reset(kind, await this.stamps.bump(kind));
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
