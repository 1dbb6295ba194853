import { resilientCollection } from '../db/resilient-collection';
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';

/**
 * Seats and time locks: the unique-key inserts every booking invariant rests on (FerretDB applies
 * conditional updates non-atomically, unique inserts it does enforce).
 *
 * - A seat `_id = <pool>#<n>` for n < capacity. Pools are a provider's slot, a 街道's escort day, or
 *   a resident's daily create allowance. `holder` is unique, so one booking holds at most one seat
 *   of a pool even when a create is retried while the first attempt is still running.
 * - A time lock `_id = <personKey>#<5-minute bucket>`: a person's bookings can never cover the same
 *   bucket twice. Reschedule keeps the buckets the old and new times share (same `bookingId`).
 */
export type SeatDoc = { _id: string; pool: string; holder: string; bookingId: string; startsAt: Date | null; createdAt: Date };
export type TimeLockDoc = { _id: string; personKey: string; bookingId: string; bucket: Date; createdAt: Date };

export const holdIndexes: CollectionIndexes[] = [
  {
    collection: 'seats',
    indexes: [
      { key: { holder: 1 }, name: 'holder_unique', unique: true },
      { key: { pool: 1 }, name: 'by_pool' },
      { key: { bookingId: 1 }, name: 'by_booking' },
      { key: { createdAt: 1 }, name: 'by_created' },
    ],
  },
  {
    collection: 'timelocks',
    indexes: [
      { key: { bookingId: 1 }, name: 'by_booking' },
      { key: { createdAt: 1 }, name: 'by_created' },
    ],
  },
];

export class HoldRepository {
  private readonly seats: Collection<SeatDoc>;
  private readonly locks: Collection<TimeLockDoc>;
  private readonly allowances: Collection<{ _id: string; createdAt: Date }>;

  constructor(db: Db) {
    this.seats = resilientCollection<SeatDoc>(db, 'seats');
    this.locks = resilientCollection<TimeLockDoc>(db, 'timelocks');
    this.allowances = resilientCollection<{ _id: string; createdAt: Date }>(db, 'allowances');
  }

  /**
   * Takes a seat of `pool` for `holder`, or returns the one it already has; null when every seat is
   * taken. Only `_id` look-ups on the common path: FerretDB's SQLite backend scans the collection
   * for any other filter. Probing starts at a random seat so racers spread over the free ones.
   */
  async takeSeat(pool: string, capacity: number, holder: string, bookingId: string, startsAt: Date | null, now: Date): Promise<SeatDoc | null> {
    const start = Math.floor(Math.random() * capacity);
    for (let attempt = 0; attempt < capacity; attempt += 1) {
      const seat: SeatDoc = { _id: `${pool}#${(start + attempt) % capacity}`, pool, holder, bookingId, startsAt, createdAt: now };
      try {
        await this.seats.insertOne(seat);
        return seat;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const occupant = await this.seats.findOne({ _id: seat._id });
        if (occupant?.holder === holder) return occupant;
        if (!occupant) {
          // Gone already: either its holder released it meanwhile, or the duplicate was our own holder
          // (a retry of this booking holds another seat). Only the second ends the search.
          const mine = await this.seats.findOne({ holder });
          if (mine) return mine;
        }
      }
    }
    // Every seat is someone's; a concurrent retry of ours may still have one (rare, so one scan).
    return this.seats.findOne({ holder });
  }

  /**
   * Spends one of `limit` daily allowances (`<key>#n`, unique inserts). Kept apart from seats so that
   * spent allowances never slow seat look-ups; the repair step purges past days.
   */
  async takeAllowance(key: string, limit: number, now: Date): Promise<boolean> {
    const start = Math.floor(Math.random() * limit);
    for (let attempt = 0; attempt < limit; attempt += 1) {
      try {
        await this.allowances.insertOne({ _id: `${key}#${(start + attempt) % limit}`, createdAt: now });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return false;
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

  seatsOf(bookingId: string): Promise<SeatDoc[]> {
    return this.seats.find({ bookingId }).toArray();
  }

  async releaseSeats(bookingId: string, keepHolders: string[] = []): Promise<number> {
    const filter = keepHolders.length > 0 ? { bookingId, holder: { $nin: keepHolders } } : { bookingId };
    return (await this.seats.deleteMany(filter)).deletedCount;
  }

  /**
   * Locks every bucket for the person. Returns the ids that belong to another booking (an overlap);
   * when there are any, nothing of this attempt is left behind.
   */
  async lockBuckets(personKey: string, bookingId: string, buckets: Date[], now: Date): Promise<string[]> {
    const docs: TimeLockDoc[] = buckets.map((bucket) => ({ _id: `${personKey}#${bucket.toISOString()}`, personKey, bookingId, bucket, createdAt: now }));
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
    const foreign = duplicates.filter((lockId) => holders.find((h) => h._id === lockId)?.bookingId !== bookingId);
    if (foreign.length > 0 && inserted.size > 0) await this.locks.deleteMany({ _id: { $in: [...inserted] }, bookingId });
    return foreign;
  }

  locksOf(bookingId: string): Promise<TimeLockDoc[]> {
    return this.locks.find({ bookingId }).toArray();
  }

  async releaseLocks(bookingId: string, keepIds: string[] = []): Promise<number> {
    const filter = keepIds.length > 0 ? { bookingId, _id: { $nin: keepIds } } : { bookingId };
    return (await this.locks.deleteMany(filter)).deletedCount;
  }

  /** Holds older than `before`, for the repair step to check against their bookings. */
  async staleHolds(before: Date, since: Date): Promise<{ seats: SeatDoc[]; locks: TimeLockDoc[] }> {
    const window = { createdAt: { $lt: before, $gte: since } };
    return {
      seats: await this.seats.find(window).toArray(),
      locks: await this.locks.find(window).toArray(),
    };
  }

  async deleteSeat(id: string): Promise<void> {
    await this.seats.deleteOne({ _id: id });
  }

  async deleteLock(id: string): Promise<void> {
    await this.locks.deleteOne({ _id: id });
  }
}
