import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';
import type { ActivityKind } from '../../../shared/domain/volunteer/activity-rules';
import type { VolunteerSkill } from '../../../shared/domain/volunteer/registration-codes';

export type ActivityRole = { code: string; label: string; count: number; skills: VolunteerSkill[] };

export type ActivityDoc = {
  _id: string;
  seriesId: string | null;
  kind: ActivityKind;
  title: string;
  description: string;
  place: string;
  communityId: string;
  streetId: string;
  startsAt: Date;
  endsAt: Date;
  roles: ActivityRole[];
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  withdrawCutoffAt: Date;
  riskNote: string;
  insuranceRequired: boolean;
  bring: string;
  contactPhone: string;
  /** volunteer — training: elders' seats of a class; absent on activities without them. */
  elderSeats?: number;
  organizerId: string;
  status: 'open' | 'cancelled';
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * A volunteer's one sign-up to one activity (`_id = <activityId>:<userId>`, so never two). `state`
 * is the view of what the claims say: a seat of a role (placed, offered), a waiting ticket
 * (waiting), an outcome record (withdrawn, declined, lapsed, cancelled). `holding` is a sign-up
 * whose claims are being taken; repair finishes one left so.
 */
export const activeSignupStates = ['holding', 'placed', 'waiting', 'offered'] as const;
export type SignupState = (typeof activeSignupStates)[number] | 'withdrawn' | 'declined' | 'lapsed' | 'cancelled' | 'failed';

export type SignupDoc = {
  _id: string;
  activityId: string;
  userId: string;
  role: string;
  state: SignupState;
  ticket: number | null;
  offerId: string | null;
  offerExpiresAt: Date | null;
  startsAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

/** A freed place offered to the holder of one waiting ticket (`_id` per ticket: one offer each). */
export type OfferDoc = { _id: string; activityId: string; role: string; ticket: number; signupId: string; userId: string; expiresAt: Date; createdAt: Date };

/**
 * The one outcome of something decided once: `offer:<offerId>` (confirmed, declined, lapsed,
 * withdrawn) and `end:<signupId>` (the sign-up ended). Whoever inserts it first decided.
 */
export type OutcomeDoc = { _id: string; outcome: string; by: string | null; at: Date };

export const activityIndexes: CollectionIndexes[] = [
  {
    collection: 'activities',
    // volunteer — staff: by_street_start serves the 街道's list and today's count.
    indexes: [{ key: { startsAt: 1 }, name: 'by_start' }, { key: { seriesId: 1 }, name: 'by_series' }, { key: { streetId: 1, startsAt: 1 }, name: 'by_street_start' }],
  },
  { collection: 'activity_signups', indexes: [{ key: { userId: 1 }, name: 'by_user' }, { key: { activityId: 1 }, name: 'by_activity' }, { key: { state: 1 }, name: 'by_state' }] },
  { collection: 'activity_offers', indexes: [{ key: { expiresAt: 1 }, name: 'by_expiry' }, { key: { signupId: 1 }, name: 'by_signup' }] },
];

export class ActivityRepository {
  private readonly activities: Collection<ActivityDoc>;
  private readonly signups: Collection<SignupDoc>;
  private readonly offers: Collection<OfferDoc>;
  private readonly outcomes: Collection<OutcomeDoc>;

  constructor(db: Db) {
    this.activities = resilientCollection<ActivityDoc>(db, 'activities');
    this.signups = resilientCollection<SignupDoc>(db, 'activity_signups');
    this.offers = resilientCollection<OfferDoc>(db, 'activity_offers');
    this.outcomes = resilientCollection<OutcomeDoc>(db, 'activity_outcomes');
  }

  async insertActivities(docs: ActivityDoc[]): Promise<void> {
    if (docs.length > 0) await this.activities.insertMany(docs);
  }

  findById(id: string): Promise<ActivityDoc | null> {
    return this.activities.findOne({ _id: id });
  }

  /** Open activities starting after `now`, soonest first. */
  upcoming(now: Date, limit: number): Promise<ActivityDoc[]> {
    return this.activities.find({ status: 'open', startsAt: { $gt: now } }).sort({ startsAt: 1 }).limit(limit).toArray();
  }

  /** A series' sessions starting at or after `from`, still open. */
  seriesFrom(seriesId: string, from: Date): Promise<ActivityDoc[]> {
    return this.activities.find({ seriesId, status: 'open', startsAt: { $gte: from } }).sort({ startsAt: 1 }).toArray();
  }

  async updateActivity(id: string, changes: Partial<ActivityDoc>, now: Date): Promise<ActivityDoc | null> {
    return this.activities.findOneAndUpdate({ _id: id }, { $set: { ...changes, updatedAt: now } }, { returnDocument: 'after' });
  }

  /** Inserts the sign-up; the stored one when it exists already (a retry, or a second attempt). */
  async insertSignup(doc: SignupDoc): Promise<{ signup: SignupDoc; created: boolean }> {
    try {
      await this.signups.insertOne(doc);
      return { signup: doc, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.signups.findOne({ _id: doc._id });
      if (!existing) throw error;
      return { signup: existing, created: false };
    }
  }

  findSignup(id: string): Promise<SignupDoc | null> {
    return this.signups.findOne({ _id: id });
  }

  signupsByIds(ids: string[]): Promise<SignupDoc[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.signups.find({ _id: { $in: ids } }).toArray();
  }

  signupsOf(userId: string): Promise<SignupDoc[]> {
    return this.signups.find({ userId }).sort({ startsAt: 1 }).toArray();
  }

  /** The sign-ups of an activity that still hold or wait for a place. */
  activeSignupsOf(activityId: string): Promise<SignupDoc[]> {
    return this.signups.find({ activityId, state: { $in: [...activeSignupStates] } }).toArray();
  }

  /** Sign-ups left in `holding` since before `before`: interrupted, for repair to finish. */
  stuckInHolding(before: Date): Promise<SignupDoc[]> {
    return this.signups.find({ state: 'holding', createdAt: { $lt: before } }).toArray();
  }

  async setSignup(id: string, changes: Partial<SignupDoc>, now: Date): Promise<void> {
    await this.signups.updateOne({ _id: id }, { $set: { ...changes, updatedAt: now } });
  }

  async deleteSignup(id: string): Promise<void> {
    await this.signups.deleteOne({ _id: id });
  }

  /** Inserts the offer of one ticket, or returns the one made already (by a concurrent promoter). */
  async insertOffer(doc: OfferDoc): Promise<OfferDoc> {
    try {
      await this.offers.insertOne(doc);
      return doc;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.offers.findOne({ _id: doc._id })) ?? doc;
    }
  }

  findOffer(id: string): Promise<OfferDoc | null> {
    return this.offers.findOne({ _id: id });
  }

  /** Offers whose deadline has passed (decided or not; the caller skips the decided ones). */
  offersDueBy(now: Date, limit: number): Promise<OfferDoc[]> {
    return this.offers.find({ expiresAt: { $lte: now } }).sort({ expiresAt: 1 }).limit(limit).toArray();
  }

  /** Offers made since `since`, for repair to check each was carried through. */
  offersSince(since: Date): Promise<OfferDoc[]> {
    return this.offers.find({ createdAt: { $gte: since } }).toArray();
  }

  /** Records the outcome; true when this call decided it, false when another had already. */
  async decide(id: string, outcome: string, by: string | null, now: Date): Promise<boolean> {
    return insertIfNew(this.outcomes, { _id: id, outcome, by, at: now });
  }

  outcomeOf(id: string): Promise<OutcomeDoc | null> {
    return this.outcomes.findOne({ _id: id });
  }

  async outcomesOf(ids: string[]): Promise<Map<string, OutcomeDoc>> {
    if (ids.length === 0) return new Map();
    const docs = await this.outcomes.find({ _id: { $in: ids } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  // volunteer — staff: the 街道's activities for its staff (null street: the district).

  private startingFilter(streetId: string | null, from: Date, to: Date | null): Filter<ActivityDoc> {
    return { ...(streetId ? { streetId } : {}), startsAt: to ? { $gte: from, $lt: to } : { $gte: from } };
  }

  /** Activities of a 街道 starting in [from, to), cancelled ones too, soonest first, with their total. */
  async organizedPage(streetId: string | null, from: Date, to: Date | null, page: { skip: number; limit: number }): Promise<{ items: ActivityDoc[]; total: number }> {
    const filter = this.startingFilter(streetId, from, to);
    const [items, total] = await Promise.all([
      this.activities.find(filter).sort({ startsAt: 1, _id: 1 }).skip(page.skip).limit(page.limit).toArray(),
      this.activities.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** How many open activities of a 街道 start in [from, to). */
  countOpenStarting(streetId: string | null, from: Date, to: Date): Promise<number> {
    return this.activities.countDocuments({ ...this.startingFilter(streetId, from, to), status: 'open' });
  }

  /** Per activity, the sign-ups waiting for a place or holding an offer (counted by the engine). */
  async waitingCounts(activityIds: string[]): Promise<Map<string, number>> {
    if (activityIds.length === 0) return new Map();
    const rows = await this.signups
      .aggregate<{ _id: string; n: number }>([{ $match: { activityId: { $in: activityIds }, state: { $in: ['waiting', 'offered'] } } }, { $group: { _id: '$activityId', n: { $sum: 1 } } }])
      .toArray();
    return new Map(rows.map((row) => [row._id, row.n]));
  }
}

/** Where outcomes are keyed: one per offer, one per sign-up's end. */
export const offerOutcomeId = (offerId: string) => `offer:${offerId}`;
export const endOutcomeId = (signupId: string) => `end:${signupId}`;
