import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { accountEnrolmentPool, ageBands, classSeatPool, ENROLMENTS_PER_ACCOUNT, classSeatSubject, enrolmentIdOf, enrolmentOpen, type AgeBand } from '../../../../shared/domain/volunteer/training-rules';
import type { EnrollElderInput } from '../../../../shared/schemas/volunteer-training.schema';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import type { ActivityDoc, ActivityRepository } from '../../repositories/activity.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { ElderDoc, EnrolmentDoc, TrainingRepository } from '../../repositories/training.repository';

export type TrainingDeps = { activities: ActivityRepository; holds: HoldRepository; training: TrainingRepository; district: DistrictRepository; clock: Clock };

export const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

/**
 * Elder ids are derived, so the same person enrolled again is the same elder (persons count distinct
 * elders): the resident themselves by their account; a family member by the account that names them
 * and what it names (name, community, age band); a walk-in by the session and the key the teacher's
 * phone gave them, so a roll sent twice adds them once.
 */
export const elderIds = {
  self: (userId: string) => `el-s-${digest(userId)}`,
  family: (userId: string, e: { name: string; communityId: string; ageBand: AgeBand }) => `el-f-${digest(`${userId}|${e.name}|${e.communityId}|${e.ageBand}`)}`,
  walkIn: (activityId: string, key: string) => `el-w-${digest(`${activityId}|${key}`)}`,
};

/** What an elder's seat in a class looks like to the resident who enrolled them. */
export function enrolmentView(enrolment: EnrolmentDoc, elder: ElderDoc | undefined, session: ActivityDoc | null) {
  return {
    id: enrolment._id,
    activityId: enrolment.activityId,
    elderId: enrolment.elderId,
    elderName: elder?.name ?? null,
    ageBand: elder?.ageBand ?? null,
    ageBandLabel: elder ? ageBands[elder.ageBand] : null,
    state: enrolment.state,
    title: session?.title ?? null,
    place: session?.place ?? null,
    startsAt: enrolment.startsAt.toISOString(),
  };
}

/** A resident's side: classes with seats, enrolling themselves or a family member, their enrolments. */
export class TrainingEnrolmentService {
  constructor(private readonly deps: TrainingDeps) {}

  async classes() {
    const now = this.deps.clock.now();
    const sessions = (await this.deps.activities.upcoming(now, 500)).filter((a) => a.kind === 'tech_class' && (a.elderSeats ?? 0) > 0);
    const counts = await this.deps.holds.seatCounts(sessions.map((s) => classSeatPool(s._id)));
    return {
      items: sessions.map((s) => ({
        id: s._id,
        seriesId: s.seriesId,
        title: s.title,
        place: s.place,
        communityId: s.communityId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        elderSeats: s.elderSeats ?? 0,
        seatsLeft: Math.max(0, (s.elderSeats ?? 0) - (counts.get(classSeatPool(s._id)) ?? 0)),
        enrolmentOpen: enrolmentOpen(s, now),
      })),
    };
  }

  /**
   * Enrols an elder: the enrolment record (holding), then a seat of the class's pool (a unique-key
   * claim: never more than its seats, however many enrol at once), then enrolled. No seat: the
   * record goes and CLASS_FULL; an account past its enrolments for the session: ENROLMENT_LIMIT. Enrolling an elder already enrolled returns their enrolment.
   */
  async enroll(caller: Caller, input: EnrollElderInput) {
    const now = this.deps.clock.now();
    const session = await this.deps.activities.findById(input.activityId);
    if (!session) throw new AppError('NOT_FOUND');
    if (session.kind !== 'tech_class' || !session.elderSeats) throw new AppError('NOT_A_CLASS');
    if (session.status !== 'open') throw new AppError('ACTIVITY_CANCELLED');
    if (!enrolmentOpen(session, now)) throw new AppError('ENROLMENT_CLOSED');
    const community = await this.deps.district.findCommunity(input.communityId);
    if (!community) throw invalid('communityId', '没有这个社区');
    const named = { name: input.name, communityId: input.communityId, ageBand: input.ageBand };
    const elder = await this.deps.training.ensureElder({
      _id: input.who === 'self' ? elderIds.self(caller.userId) : elderIds.family(caller.userId, named),
      ...named,
      streetId: community.streetId,
      source: input.who,
      userId: input.who === 'self' ? caller.userId : null,
      enrolledBy: caller.userId,
      createdAt: now,
    });
    const { enrolment } = await this.deps.training.insertEnrolment({
      _id: enrolmentIdOf(session._id, elder._id),
      activityId: session._id,
      elderId: elder._id,
      enrolledBy: caller.userId,
      state: 'holding',
      seatId: null,
      startsAt: session.startsAt,
      createdAt: now,
    });
    const done = enrolment.state === 'enrolled' ? enrolment : await this.resume(session, enrolment);
    return enrolmentView(done, elder, session);
  }

  /** Takes the seat of an enrolment in `holding` (also repair's step); undone when the class is full. */
  async resume(session: ActivityDoc, enrolment: EnrolmentDoc): Promise<EnrolmentDoc> {
    const now = this.deps.clock.now();
    const subject = classSeatSubject(enrolment._id);
    const pool = classSeatPool(session._id);
    const seatOf = async () => (await this.deps.holds.seatsOf(subject)).find((held) => held.pool === pool) ?? null;
    // The account's claim comes first (a seat of its own pool, not a daily allowance: those are
    // purged after a day and a half). Taken after the class seat, one account's many enrolments at
    // once would hold class seats they must give back, and someone else's enrolment in that moment
    // would hear CLASS_FULL from a class with seats to spare. A claim is the subject's own, so a
    // retry or repair of this enrolment gets the same one back.
    const allowed = await this.deps.holds.takeSeat(accountEnrolmentPool(session._id, enrolment.enrolledBy), ENROLMENTS_PER_ACCOUNT, subject, session.startsAt, now);
    if (!allowed) {
      await this.deps.holds.releaseSeats(subject);
      await this.deps.training.deleteEnrolment(enrolment._id);
      throw new AppError('ENROLMENT_LIMIT');
    }
    const seat = (await this.deps.holds.takeSeat(pool, session.elderSeats ?? 0, subject, session.startsAt, now)) ?? (await seatOf());
    if (!seat) {
      // Checked again above: a concurrent retry of this same enrolment may have got the seat. The
      // account's claim goes back with the record: a full class spends none of it.
      await this.deps.holds.releaseSeats(subject);
      await this.deps.training.deleteEnrolment(enrolment._id);
      throw new AppError('CLASS_FULL');
    }
    await this.deps.training.setEnrolled(enrolment._id, seat._id);
    return { ...enrolment, state: 'enrolled', seatId: seat._id };
  }

  async mine(caller: Caller) {
    const enrolments = (await this.deps.training.enrolmentsBy(caller.userId)).filter((e) => e.state === 'enrolled');
    const elders = await this.deps.training.eldersByIds([...new Set(enrolments.map((e) => e.elderId))]);
    const items = [];
    for (const enrolment of enrolments) items.push(enrolmentView(enrolment, elders.get(enrolment.elderId), await this.deps.activities.findById(enrolment.activityId)));
    return { items };
  }

  /**
   * Repair: a class seat whose enrolment is gone is freed; an enrolment left in `holding` (a crash
   * between record and seat) gets its seat or goes.
   */
  async repair(graceMs: number): Promise<{ resumed: number; freed: number }> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - graceMs);
    const report = { resumed: 0, freed: 0 };
    // Orphan seats first: a seat held for nobody must not make an interrupted enrolment find the class full.
    const { seats } = await this.deps.holds.staleHolds('class_seat', before, new Date(0));
    const live = new Set((await this.deps.training.enrolmentsByIds(seats.map((s) => s.subject.id))).map((e) => e._id));
    for (const seat of seats) {
      if (live.has(seat.subject.id)) continue;
      await this.deps.holds.deleteSeat(seat._id);
      report.freed += 1;
    }
    for (const enrolment of await this.deps.training.stuckInHolding(before)) {
      const session = await this.deps.activities.findById(enrolment.activityId);
      if (!session) continue;
      await this.resume(session, enrolment).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
      report.resumed += 1;
    }
    return report;
  }
}
