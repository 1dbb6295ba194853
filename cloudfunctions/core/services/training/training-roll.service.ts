import { AppError } from '../../../../shared/errors';
import { relationToClassRoll, type ClassRollRelation } from '../../../../shared/domain/permissions/training-access';
import { signupIdOf } from '../../../../shared/domain/volunteer/activity-keys';
import { ageBands, attendanceIdOf, rollOpen, teachingRoleOf, trainingYearOf } from '../../../../shared/domain/volunteer/training-rules';
import type { TakeRollInput } from '../../../../shared/schemas/volunteer-training.schema';
import type { Caller } from '../../runtime/caller';
import type { ActivityDoc } from '../../repositories/activity.repository';
import type { AttendanceDoc, ElderDoc } from '../../repositories/training.repository';
import { elderIds, invalid, type TrainingDeps } from './training-enrolment.service';

/**
 * The teacher's roll: who enrolled, who came before in the series, who is ticked present, and the
 * walk-ins added. Each roll entry is one person-time, keyed by (session, elder).
 */
export class TrainingRollService {
  constructor(private readonly deps: TrainingDeps) {}

  /** The class and how the caller stands to it; a class they have no part in does not exist for them. */
  private async session(caller: Caller, activityId: string): Promise<{ session: ActivityDoc; relation: ClassRollRelation }> {
    const session = await this.deps.activities.findById(activityId);
    if (!session || session.kind !== 'tech_class') throw new AppError('NOT_FOUND');
    const role = teachingRoleOf(session.roles);
    const signup = caller.roles.includes('volunteer') ? await this.deps.activities.findSignup(signupIdOf(session._id, caller.userId)) : null;
    const isTeacher = signup !== null && signup.state === 'placed' && signup.role === role;
    const relation = relationToClassRoll(session, caller, isTeacher);
    if (!relation) throw new AppError('NOT_FOUND');
    return { session, relation };
  }

  async roll(caller: Caller, activityId: string) {
    const { session, relation } = await this.session(caller, activityId);
    const [enrolments, present, regulars] = await Promise.all([
      this.deps.training.enrolmentsOf(session._id),
      this.deps.training.attendanceOf(session._id),
      session.seriesId ? this.deps.training.eldersSeenInSeries(session.seriesId) : Promise.resolve([]),
    ]);
    const enrolled = new Set(enrolments.map((e) => e.elderId));
    const ticked = new Map(present.map((a) => [a.elderId, a]));
    const ids = [...new Set([...enrolled, ...ticked.keys(), ...regulars])];
    const elders = await this.deps.training.eldersByIds(ids);
    const communities = new Map((await this.deps.district.listCommunities()).map((c) => [c._id, c.name]));
    const items = ids
      .map((id) => elders.get(id))
      .filter((e): e is ElderDoc => e !== undefined)
      .map((e) => ({
        elderId: e._id,
        name: e.name,
        communityId: e.communityId,
        communityName: communities.get(e.communityId) ?? null,
        ageBand: e.ageBand,
        ageBandLabel: ageBands[e.ageBand],
        enrolled: enrolled.has(e._id),
        present: ticked.has(e._id),
        walkIn: ticked.get(e._id)?.walkIn ?? false,
      }))
      .sort((a, b) => Number(b.enrolled) - Number(a.enrolled) || a.name.localeCompare(b.name, 'zh'));
    return {
      activityId: session._id,
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      relation,
      elderSeats: session.elderSeats ?? 0,
      enrolled: enrolled.size,
      personTimes: ticked.size,
      items,
    };
  }

  /**
   * Ticks elders present and adds walk-ins. Every field is checked before anything is written; then
   * walk-ins become elders (by their key, once), and the roll entries go in one unordered insert
   * whose duplicates (a double tick) the engine refuses: `added` is the person-times this call counted.
   */
  async takeRoll(caller: Caller, input: TakeRollInput) {
    const now = this.deps.clock.now();
    const { session } = await this.session(caller, input.activityId);
    if (session.status !== 'open') throw new AppError('ACTIVITY_CANCELLED');
    if (!rollOpen(session, now)) throw new AppError('ROLL_CLOSED');
    const known = await this.deps.training.eldersByIds([...new Set(input.present)]);
    input.present.forEach((elderId, i) => {
      if (!known.has(elderId)) throw invalid(`present.${i}`, '没有这位老人');
    });
    const communities = new Map((await this.deps.district.listCommunities()).map((c) => [c._id, c]));
    input.walkIns.forEach((w, i) => {
      if (!communities.has(w.communityId)) throw invalid(`walkIns.${i}.communityId`, '没有这个社区');
    });
    const walkIns: ElderDoc[] = [];
    for (const w of input.walkIns) {
      walkIns.push(
        await this.deps.training.ensureElder({
          _id: elderIds.walkIn(session._id, w.key),
          name: w.name,
          communityId: w.communityId,
          streetId: communities.get(w.communityId)!.streetId,
          ageBand: w.ageBand,
          source: 'walk_in',
          userId: null,
          enrolledBy: caller.userId,
          createdAt: now,
        }),
      );
    }
    const entry = (elderId: string, walkIn: boolean): AttendanceDoc => ({
      _id: attendanceIdOf(session._id, elderId),
      activityId: session._id,
      seriesId: session.seriesId,
      elderId,
      year: trainingYearOf(session.startsAt),
      // Counted where the class was held: the 街道 running it answers for its target.
      communityId: session.communityId,
      streetId: session.streetId,
      walkIn,
      markedBy: caller.userId,
      sessionStartsAt: session.startsAt,
      at: now,
    });
    const docs = new Map<string, AttendanceDoc>();
    for (const elderId of input.present) docs.set(elderId, entry(elderId, false));
    for (const elder of walkIns) if (!docs.has(elder._id)) docs.set(elder._id, entry(elder._id, true));
    const added = await this.deps.training.markPresent([...docs.values()]);
    return { added: added.length, walkIns: walkIns.map((e) => ({ elderId: e._id, name: e.name })), personTimes: (await this.deps.training.attendanceOf(session._id)).length };
  }
}
