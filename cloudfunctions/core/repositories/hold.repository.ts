import { resilientCollection } from '../db/resilient-collection';
import { MongoBulkWriteError, type Collection, type Db, type Filter, type OptionalUnlessRequiredId } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';
import { holderOf, lockId, numberedClaimId, type HoldSubject, type HoldSubjectKind } from '../../../shared/domain/hold-keys';

/**
 * Seats and time locks: the unique-key inserts every capacity and overlap invariant rests on
 * (FerretDB applies conditional updates non-atomically, unique inserts it does enforce). Each hold
 * names its subject (`{ kind, id }`: a booking, an activity place); key formats are in
 * shared/domain/hold-keys.ts.
 *
 * - A seat `_id = <pool>#<n>` for n < capacity. Pools are a provider's slot or a 街道's escort day.
 *   `holder` is unique, so one subject holds at most one seat of a pool even when a create is
 *   retried while the first attempt is still running.
 * - A time lock `_id = <personKey>#<5-minute bucket>`: a person's bookings (and an escort's jobs,
 *   `escort:<providerId>`) can never cover the same bucket twice. Reschedule keeps the buckets the
 *   old and new times share (same subject).
 * - A daily create allowance `<key>#<n>` held by one subject (`holder` unique, its own collection so
 *   seat look-ups never read them): every retry of one create, concurrent or not, finds the same one.
 */
export type SeatDoc = {
  _id: string;
  pool: string;
  holder: string;
  subject: HoldSubject;
  startsAt: Date | null;
  createdAt: Date;
  /**
   * What the subject is to be stored as, on a seat taken before its subject was stored (a booking's
   * create): the repair step finishes an interrupted create from it.
   */
  draft?: unknown;
};
export type AllowanceDoc = { _id: string; pool: string; holder: string; createdAt: Date };
/** What both kinds of numbered claims share: `<pool>#<n>`, at most one per holder. */
type Claim = { _id: string; pool: string; holder: string };
export type TimeLockDoc = { _id: string; personKey: string; subject: HoldSubject; bucket: Date; createdAt: Date };

/** Holds of one subject: the filter every per-subject look-up and release uses. */
const ofSubject = (subject: HoldSubject) => ({ 'subject.kind': subject.kind, 'subject.id': subject.id });

export const holdIndexes: CollectionIndexes[] = [
  {
    collection: 'seats',
    indexes: [
      { key: { holder: 1 }, name: 'holder_unique', unique: true },
      { key: { pool: 1 }, name: 'by_pool' },
      { key: { 'subject.id': 1 }, name: 'by_subject' },
      { key: { createdAt: 1 }, name: 'by_created' },
    ],
  },
  {
    collection: 'daily_allowances',
    indexes: [
      { key: { holder: 1 }, name: 'holder_unique', unique: true },
      { key: { pool: 1 }, name: 'by_pool' },
      { key: { createdAt: 1 }, name: 'by_created' },
    ],
  },
  {
    collection: 'timelocks',
    indexes: [
      { key: { 'subject.id': 1 }, name: 'by_subject' },
      { key: { createdAt: 1 }, name: 'by_created' },
    ],
  },
];

export class HoldRepository {
  private readonly seats: Collection<SeatDoc>;
  private readonly locks: Collection<TimeLockDoc>;
  private readonly allowances: Collection<AllowanceDoc>;

  constructor(db: Db) {
    this.seats = resilientCollection<SeatDoc>(db, 'seats');
    this.locks = resilientCollection<TimeLockDoc>(db, 'timelocks');
    this.allowances = resilientCollection<AllowanceDoc>(db, 'daily_allowances');
  }

  /** The seats of a pool that are taken now (one read; the collection only holds current seats). */
  seatsIn(pool: string): Promise<SeatDoc[]> {
    return this.seats.find({ pool }, { projection: { draft: 0 } }).toArray();
  }

  /**
   * Takes a seat of `pool` for the subject, or returns the one it already has; null when every seat
   * is taken. `seen` (seats read moments ago) spares the first read; `draft` goes with the seat (SeatDoc).
   */
  takeSeat(pool: string, capacity: number, subject: HoldSubject, startsAt: Date | null, now: Date, seen?: SeatDoc[], draft?: unknown): Promise<SeatDoc | null> {
    const holder = holderOf(subject, pool);
    return claimNumbered(this.seats, pool, capacity, holder, seen, (_id) => ({ _id, pool, holder, subject, startsAt, createdAt: now, ...(draft === undefined ? {} : { draft }) }));
  }

  /**
   * Takes the next number of an unbounded pool for the subject (a waiting list), or returns the one
   * it has. Number n is only ever tried once n-1 was seen taken, so the numbers are the order of the
   * claims, with no gaps and none twice; numbers are never reused (tickets stay until purged).
   */
  async takeTicket(pool: string, subject: HoldSubject, startsAt: Date | null, now: Date): Promise<SeatDoc> {
    const holder = holderOf(subject, pool);
    for (;;) {
      const taken = await this.seats.find({ pool }).toArray();
      const mine = taken.find((claim) => claim.holder === holder);
      if (mine) return mine;
      let n = taken.reduce((max, claim) => Math.max(max, Number(claim._id.slice(claim._id.lastIndexOf('#') + 1))), -1) + 1;
      // A few local steps before reading again: each refused insert means the number went to another.
      for (let step = 0; step < 5; step += 1, n += 1) {
        const ticket: SeatDoc = { _id: numberedClaimId(pool, n), pool, holder, subject, startsAt, createdAt: now };
        try {
          await this.seats.insertOne(ticket);
          return ticket;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
      }
    }
  }

  /** The allowances spent under a daily key (at most the limit: one read). */
  allowancesIn(key: string): Promise<AllowanceDoc[]> {
    return this.allowances.find({ pool: key }).toArray();
  }

  /**
   * Spends one of `limit` daily allowances under `key` for the subject, or finds the one it already
   * spent: retries of one create, even concurrent ones, spend one allowance between them. Kept apart
   * from seats so that spent allowances never slow seat look-ups; repair purges past days.
   */
  async takeAllowance(key: string, limit: number, subject: HoldSubject, now: Date, seen?: AllowanceDoc[]): Promise<boolean> {
    const holder = holderOf(subject, key);
    const make = (_id: string): AllowanceDoc => ({ _id, pool: key, holder, createdAt: now });
    // Unseen, one insert at a random number usually lands (a resident starts one or two bookings a
    // day): one round trip instead of a read and an insert. Refused (that number is spent, or this
    // subject holds one already), the claim reads what is spent as usual.
    if (!seen && limit > 0 && (await insertIfNew(this.allowances, make(numberedClaimId(key, Math.floor(Math.random() * limit)))))) return true;
    return (await claimNumbered(this.allowances, key, limit, holder, seen, make)) !== null;
  }

  async purgeAllowances(before: Date): Promise<number> {
    return (await this.allowances.deleteMany({ createdAt: { $lt: before } })).deletedCount;
  }

  /** Seats taken per pool, for many pools at once (free-slot listings). */
  async seatCounts(pools: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (pools.length === 0) return counts;
    for (const seat of await this.seats.find({ pool: { $in: pools } }, { projection: { pool: 1 } }).toArray()) {
      counts.set(seat.pool, (counts.get(seat.pool) ?? 0) + 1);
    }
    return counts;
  }

  seatsOf(subject: HoldSubject): Promise<SeatDoc[]> {
    return this.seats.find(ofSubject(subject)).toArray();
  }

  /** Frees the subject's seats, except those of the pools in `keepPools`. */
  async releaseSeats(subject: HoldSubject, keepPools: string[] = []): Promise<number> {
    const keepHolders = keepPools.map((pool) => holderOf(subject, pool));
    const filter = keepHolders.length > 0 ? { ...ofSubject(subject), holder: { $nin: keepHolders } } : ofSubject(subject);
    return (await this.seats.deleteMany(filter)).deletedCount;
  }

  /**
   * Locks every bucket for the person. Returns the ids that belong to another booking (an overlap);
   * when there are any, nothing of this attempt is left behind.
   */
  async lockBuckets(personKey: string, subject: HoldSubject, buckets: Date[], now: Date): Promise<string[]> {
    const docs: TimeLockDoc[] = buckets.map((bucket) => ({ _id: lockId(personKey, bucket), personKey, subject, bucket, createdAt: now }));
    const duplicates: string[] = [];
    try {
      // One unordered insertMany: each bucket stands or falls alone, in a single round trip.
      await this.locks.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      for (const writeError of errors) {
        if (writeError.code !== 11000) throw error;
        const doc = docs[writeError.index];
        if (doc) duplicates.push(doc._id);
      }
    }
    const inserted = new Set(docs.map((doc) => doc._id).filter((lockId) => !duplicates.includes(lockId)));
    if (duplicates.length === 0) return [];
    const holders = await this.locks.find({ _id: { $in: duplicates } }).toArray();
    const same = (held: TimeLockDoc | undefined) => held?.subject?.kind === subject.kind && held.subject.id === subject.id;
    const foreign = duplicates.filter((id) => !same(holders.find((h) => h._id === id)));
    if (foreign.length > 0 && inserted.size > 0) await this.locks.deleteMany({ _id: { $in: [...inserted] }, ...ofSubject(subject) });
    return foreign;
  }

  /** Deletes those of `ids` that belong to the subject (an undo of lockBuckets that went through). */
  async deleteLocksOf(subject: HoldSubject, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.locks.deleteMany({ _id: { $in: ids }, ...ofSubject(subject) });
  }

  locksOf(subject: HoldSubject): Promise<TimeLockDoc[]> {
    return this.locks.find(ofSubject(subject)).toArray();
  }

  async releaseLocks(subject: HoldSubject, keepIds: string[] = []): Promise<number> {
    const filter = keepIds.length > 0 ? { ...ofSubject(subject), _id: { $nin: keepIds } } : ofSubject(subject);
    return (await this.locks.deleteMany(filter)).deletedCount;
  }

  /** Holds of one subject kind older than `before`, for that domain's repair step to check. */
  async staleHolds(kind: HoldSubjectKind, before: Date, since: Date): Promise<{ seats: SeatDoc[]; locks: TimeLockDoc[] }> {
    const window = { 'subject.kind': kind, createdAt: { $lt: before, $gte: since } };
    return {
      seats: await this.seats.find(window).toArray(),
      locks: await this.locks.find(window).toArray(),
    };
  }

  /**
   * Deletes seats and time locks of times long past. They guard nothing any more, and every look-up
   * but `_id` scans its whole collection on the local engine, so these two are kept to what is current.
   */
  async purgePast(kind: HoldSubjectKind, before: Date): Promise<number> {
    const seats = await this.seats.deleteMany({ 'subject.kind': kind, startsAt: { $lt: before } });
    const locks = await this.locks.deleteMany({ 'subject.kind': kind, bucket: { $lt: before } });
    return seats.deletedCount + locks.deletedCount;
  }

  /**
   * Holds stored before they named a subject (`bookingId` only) become booking holds. Cheap once
   * done: both collections hold only what is current.
   */
  async adoptLegacyHolds(): Promise<number> {
    let adopted = 0;
    for (const collection of [this.seats, this.locks] as Collection<SeatDoc | TimeLockDoc>[]) {
      for (const doc of await collection.find({ subject: { $exists: false } }).toArray()) {
        const bookingId = (doc as unknown as { bookingId?: string }).bookingId;
        if (!bookingId) continue;
        await collection.updateOne({ _id: doc._id }, { $set: { subject: { kind: 'booking', id: bookingId } }, $unset: { bookingId: '' } } as never);
        adopted += 1;
      }
    }
    return adopted;
  }

  async deleteSeat(id: string): Promise<void> {
    await this.seats.deleteOne({ _id: id });
  }

  async deleteLock(id: string): Promise<void> {
    await this.locks.deleteOne({ _id: id });
  }
}

/**
 * Claims one of `<pool>#0 … #capacity-1` for `holder`, or returns the claim it already has; null when
 * all are taken by others. It tries one number it saw free (at random, so racers spread over them)
 * and, refused, reads the pool again before the next: in a rush for the last seats a loser costs a
 * refused insert and a read or two, not one insert per number. `seen` spares the first read. Every
 * refusal means another took that number, so the tries are bounded; past them, a concurrent retry
 * for the same holder may hold one (`holder` is unique).
 */
async function claimNumbered<T extends Claim>(
  collection: Collection<T>,
  pool: string,
  capacity: number,
  holder: string,
  seen: T[] | undefined,
  make: (id: string) => T,
): Promise<T | null> {
  // A seat's draft is never needed to claim: each re-read in a rush leaves it out, as seatsIn does.
  const read = async () => (await collection.find({ pool } as Filter<T>, { projection: { draft: 0 } }).toArray()) as T[];
  let taken = seen ?? (await read());
  for (let attempt = 0; attempt <= capacity; attempt += 1) {
    const mine = taken.find((claim) => claim.holder === holder);
    if (mine) return mine;
    const takenIds = new Set(taken.map((claim) => claim._id));
    const free = Array.from({ length: capacity }, (_, n) => numberedClaimId(pool, n)).filter((id) => !takenIds.has(id));
    if (free.length === 0) return null;
    const claim = make(free[Math.floor(Math.random() * free.length)]!);
    try {
      await collection.insertOne(claim as OptionalUnlessRequiredId<T>);
      return claim;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    taken = await read();
  }
  return (await collection.findOne({ holder } as Filter<T>)) as T | null;
}
