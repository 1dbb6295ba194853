import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { Role } from '../../../shared/domain/roles';
import type { DayPart, Gender, VolunteerBackground, VolunteerSkill } from '../../../shared/domain/volunteer/registration-codes';
import type { ApplicationStatus, ApplicationTransition } from '../../../shared/domain/volunteer/registration-status';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';
import { insertIfNew } from '../db/insert-if-new';

/**
 * Volunteer registration (银龄行动): applications, their decisions and volunteer numbers. Every
 * invariant rests on a unique-key insert (FerretDB applies conditional updates non-atomically):
 *
 * - One open application per person: application `_id = va-<userId>-<n>`, n = the person's previous
 *   count + 1, inserted only when their latest one is final (rejected, left). Two applies at once
 *   compute the same `_id`; one insert wins.
 * - One decision per change: transition `_id = <applicationId>#<version+1>` (approve or reject is
 *   #1, leave #2). The loser of two staff deciding at once gets a duplicate key.
 * - One number per volunteer, never two volunteers on one number: `volunteer_numbers._id` is the
 *   number, `holder` (the user id) is unique.
 */
export type ApplicationProfile = {
  name: string;
  gender: Gender;
  birthYear: number;
  phone: string;
  background: VolunteerBackground;
  skills: VolunteerSkill[];
  skillNote: string | null;
  availability: { weekday: number; part: DayPart }[];
  emergencyContact: { name: string; phone: string };
  health: { fitForService: boolean; conditions: string | null };
};

export type ApplicationDoc = {
  _id: string;
  userId: string;
  /** The person's n-th application (1, 2, …). */
  seq: number;
  communityId: string;
  /** The 街道 of the community at the time of applying: whose staff decide. */
  streetId: string;
  status: ApplicationStatus;
  /** Transitions applied so far; the next one is `<_id>#<version+1>`. */
  version: number;
  profile: ApplicationProfile;
  /** Sealed with AES-256-GCM (never in the clear) and its mask; null when not given or deleted. */
  idNumber: { sealed: string; masked: string } | null;
  consent: { version: string; at: Date };
  submittedAt: Date;
  updatedAt: Date;
  decision: { action: 'approve' | 'reject'; by: string; at: Date; reason: string | null; note: string | null; skills: VolunteerSkill[] | null } | null;
  leftAt: Date | null;
  volunteerNumber: string | null;
  /** Roles the approval added (not held before), so leaving takes back only those. */
  grantedRoles: Role[];
};

export type ApplicationTransitionDoc = {
  _id: string;
  applicationId: string;
  userId: string;
  seq: number;
  action: ApplicationTransition;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actorId: string;
  at: Date;
  reason: string | null;
  note: string | null;
  /** approve: the skills approved; the roles it grants (decided once, when the record is written). */
  skills: VolunteerSkill[] | null;
  roles: Role[];
  /** Null until every effect (number, roles, application, notice) is done; repair finishes the rest. */
  appliedAt: Date | null;
};

export type VolunteerNumberDoc = { _id: string; pool: string; seq: number; holder: string; createdAt: Date };

export type ApplicationScope = { kind: 'any' } | { kind: 'street'; streetId: string };

export const volunteerIndexes: CollectionIndexes[] = [
  {
    collection: 'volunteer_applications',
    indexes: [
      { key: { userId: 1, seq: -1 }, name: 'by_user' },
      { key: { streetId: 1, status: 1, submittedAt: -1 }, name: 'by_street_status' },
    ],
  },
  { collection: 'volunteer_transitions', indexes: [{ key: { appliedAt: 1, at: 1 }, name: 'by_unapplied' }] },
  {
    collection: 'volunteer_numbers',
    indexes: [
      { key: { holder: 1 }, name: 'holder_unique', unique: true },
      { key: { pool: 1 }, name: 'by_pool' },
    ],
  },
];

/** How many of the lowest free numbers racers spread over, so a burst of approvals does not collide on one. */
const NUMBER_SPREAD = 16;

/** How activities read a volunteer's skills; registration owns the records. */
export type VolunteerDirectory = { approvedSkillsOf(userId: string): Promise<VolunteerSkill[]> };

export class VolunteerRepository implements VolunteerDirectory {
  private readonly applications: Collection<ApplicationDoc>;
  private readonly transitions: Collection<ApplicationTransitionDoc>;
  private readonly numbers: Collection<VolunteerNumberDoc>;

  constructor(db: Db) {
    this.applications = resilientCollection<ApplicationDoc>(db, 'volunteer_applications');
    this.transitions = resilientCollection<ApplicationTransitionDoc>(db, 'volunteer_transitions');
    this.numbers = resilientCollection<VolunteerNumberDoc>(db, 'volunteer_numbers');
  }

  findById(id: string): Promise<ApplicationDoc | null> {
    return this.applications.findOne({ _id: id });
  }

  async latestOf(userId: string): Promise<ApplicationDoc | null> {
    return (await this.applications.find({ userId }).sort({ seq: -1 }).limit(1).toArray())[0] ?? null;
  }

  /** exports: each person's name as their latest application gives it (the name staff know them by). */
  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(userIds)];
    const names = new Map<string, string>();
    if (unique.length === 0) return names;
    const docs = await this.applications.find({ userId: { $in: unique } }, { projection: { userId: 1, seq: 1, 'profile.name': 1 } }).sort({ seq: 1 }).toArray();
    // Ascending by seq: a later application's name overwrites an earlier one.
    for (const doc of docs) names.set(doc.userId, doc.profile.name);
    return names;
  }

  /**
   * The skills staff approved on a person's current application: what activities match roles
   * against. None unless that application is approved (pending, rejected and left count nothing).
   */
  async approvedSkillsOf(userId: string): Promise<VolunteerSkill[]> {
    const latest = await this.latestOf(userId);
    return latest?.status === 'approved' ? (latest.decision?.skills ?? []) : [];
  }

  /** Every application of a person, newest first (the history kept after rejections and leaving). */
  historyOf(userId: string): Promise<ApplicationDoc[]> {
    return this.applications.find({ userId }).sort({ seq: -1 }).toArray();
  }

  /** False when an application with this `_id` exists already (another apply of the same person won). */
  async insertApplication(doc: ApplicationDoc): Promise<boolean> {
    return insertIfNew(this.applications, doc);
  }

  /** A page of the applications a scope covers, newest first, optionally of one status. */
  async page(scope: ApplicationScope, status: ApplicationStatus | undefined, page: { skip: number; limit: number }): Promise<{ items: ApplicationDoc[]; total: number }> {
    const filter: Filter<ApplicationDoc> = {};
    if (scope.kind === 'street') filter.streetId = scope.streetId;
    if (status) filter.status = status;
    const [items, total] = await Promise.all([
      this.applications.find(filter).sort({ submittedAt: -1, _id: 1 }).skip(page.skip).limit(page.limit).toArray(),
      this.applications.countDocuments(filter),
    ]);
    return { items, total };
  }

  /**
   * Writes what a transition changed onto its application. Only the transition's winner (or repair
   * finishing it) calls this; the version filter makes a second run a no-op.
   */
  async applyTransition(applicationId: string, toVersion: number, fields: Partial<ApplicationDoc>): Promise<void> {
    await this.applications.updateOne({ _id: applicationId, version: toVersion - 1 }, { $set: { ...fields, version: toVersion } });
  }

  /** Removes the ID number from every application of the person (history included). */
  async eraseIdNumbers(userId: string, now: Date): Promise<number> {
    return (await this.applications.updateMany({ userId, idNumber: { $ne: null } }, { $set: { idNumber: null, updatedAt: now } })).modifiedCount;
  }

  /** False when the transition exists already: someone else made this change first. */
  async insertTransition(doc: ApplicationTransitionDoc): Promise<boolean> {
    return insertIfNew(this.transitions, doc);
  }

  findTransition(id: string): Promise<ApplicationTransitionDoc | null> {
    return this.transitions.findOne({ _id: id });
  }

  /** Transitions whose effects were cut off before they finished, recorded before `before`. */
  unappliedTransitions(before: Date, limit: number): Promise<ApplicationTransitionDoc[]> {
    return this.transitions.find({ appliedAt: null, at: { $lt: before } }).sort({ at: 1 }).limit(limit).toArray();
  }

  async markTransitionApplied(id: string, at: Date): Promise<void> {
    await this.transitions.updateOne({ _id: id }, { $set: { appliedAt: at } });
  }

  async numberOf(userId: string): Promise<string | null> {
    return (await this.numbers.findOne({ holder: userId }))?._id ?? null;
  }

  /**
   * The person's volunteer number, claiming the lowest free one of the pool when they have none.
   * Racers spread over the lowest few free numbers; an insert that meets a taken `_id` tries the
   * next, and a re-read shows numbers taken meanwhile (and one a concurrent retry for the same
   * person took: `holder` is unique). Numbers stay dense: a gap a burst leaves is filled next.
   */
  async claimNumber(pool: string, holder: string, format: (seq: number) => string, now: Date): Promise<string> {
    for (;;) {
      const taken = await this.numbers.find({ pool }, { projection: { _id: 1, seq: 1, holder: 1 } }).toArray();
      const mine = taken.find((doc) => doc.holder === holder) ?? (await this.numbers.findOne({ holder }));
      if (mine) return mine._id;
      const used = new Set(taken.map((doc) => doc.seq));
      const free: number[] = [];
      for (let seq = 1; free.length < NUMBER_SPREAD; seq += 1) if (!used.has(seq)) free.push(seq);
      // The lowest first, so a lone approval takes the next number; after a collision (a burst) the
      // rest in a random order, so racers spread over them instead of colliding on each in turn.
      const rest = free.slice(1).sort(() => Math.random() - 0.5);
      for (const seq of [free[0]!, ...rest]) {
        try {
          await this.numbers.insertOne({ _id: format(seq), pool, seq, holder, createdAt: now });
          return format(seq);
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          // Taken by another, or this holder got one meanwhile: a duplicate on holder would repeat.
          if (await this.numbers.findOne({ holder })) break;
        }
      }
    }
  }
}
