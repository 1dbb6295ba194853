import { AppError } from '../../../../shared/errors';
import { placePool, signupIdOf, waitPool, claimNumber } from '../../../../shared/domain/volunteer/activity-keys';
import { activityKinds, HOURS_RULE_TEXT, skillsFit } from '../../../../shared/domain/volunteer/activity-rules';
import { teachingRoleOf } from '../../../../shared/domain/volunteer/training-codes';
import type { Caller } from '../../runtime/caller';
import type { ActivityDoc } from '../../repositories/activity.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import { markId, type AttendanceRepository } from '../../repositories/attendance.repository';
import type { VolunteerDirectory } from '../../repositories/volunteer.repository';
import type { PlacesDeps } from './activity-places';
import { signupView, type SignupView } from './activity-signup.service';

type Deps = PlacesDeps & { directory: VolunteerDirectory; attendance: Pick<AttendanceRepository, 'findMark'> };

/**
 * What anyone is shown of an activity (volunteers reading it, staff who just created or changed it):
 * the rules first (hours, cut-off, what to bring), each role with its places taken.
 */
export function activityView(activity: ActivityDoc, taken: ReadonlyMap<string, number>) {
  return {
    id: activity._id,
    seriesId: activity.seriesId,
    kind: activity.kind,
    kindLabel: activityKinds[activity.kind],
    title: activity.title,
    description: activity.description,
    place: activity.place,
    communityId: activity.communityId,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    roles: activity.roles.map((r) => ({ ...r, taken: taken.get(r.code) ?? 0 })),
    signUpOpensAt: activity.signUpOpensAt.toISOString(),
    signUpClosesAt: activity.signUpClosesAt.toISOString(),
    status: activity.status,
    rules: { hours: HOURS_RULE_TEXT, withdrawCutoffAt: activity.withdrawCutoffAt.toISOString(), bring: activity.bring, riskNote: activity.riskNote, insuranceRequired: activity.insuranceRequired },
  };
}

export type ActivityView = ReturnType<typeof activityView>;

/** The places taken of each of the activity's roles, by role code. */
export async function placesTaken(holds: HoldRepository, activity: ActivityDoc): Promise<Map<string, number>> {
  const counts = await holds.seatCounts(activity.roles.map((r) => placePool(activity._id, r.code)));
  return new Map(activity.roles.map((r) => [r.code, counts.get(placePool(activity._id, r.code)) ?? 0]));
}

export class ActivityQueryService {
  constructor(private readonly deps: Deps) {}

  private taken(activity: ActivityDoc): Promise<Map<string, number>> {
    return placesTaken(this.deps.holds, activity);
  }

  /** Upcoming open activities with at least one role the caller's skills fit. */
  async list(caller: Caller, page: number, pageSize: number) {
    const skills = await this.deps.directory.approvedSkillsOf(caller.userId);
    const fitting = (await this.deps.activities.upcoming(this.deps.clock.now(), 500)).filter((a) => a.roles.some((r) => skillsFit(r.skills, skills)));
    const items = fitting.slice((page - 1) * pageSize, page * pageSize);
    return { items: await Promise.all(items.map(async (a) => activityView(a, await this.taken(a)))), total: fitting.length, page, pageSize };
  }

  async detail(caller: Caller, activityId: string) {
    const activity = await this.deps.activities.findById(activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    const signup = await this.deps.activities.findSignup(signupIdOf(activityId, caller.userId));
    return { ...activityView(activity, await this.taken(activity)), mine: signup ? signupView(signup) : null, attendance: signup ? await this.attendanceOf(signup._id) : null };
  }

  /** The caller's own check-in and check-out on their sign-up, so the check-in page shows where they stand. */
  private async attendanceOf(signupId: string) {
    const [checkIn, checkOut] = await Promise.all([this.deps.attendance.findMark(markId('in', signupId)), this.deps.attendance.findMark(markId('out', signupId))]);
    return { checkedInAt: checkIn?.at.toISOString() ?? null, checkedOutAt: checkOut?.at.toISOString() ?? null, autoClosed: checkOut?.auto ?? false };
  }

  /** The caller's places, waiting positions (1 = next in line) and open offers with their deadline. */
  async myPlaces(caller: Caller): Promise<{ items: (SignupView & { title: string; kind: string; startsAt: string; endsAt: string; teaches: boolean })[] }> {
    const signups = (await this.deps.activities.signupsOf(caller.userId)).filter((s) => ['placed', 'waiting', 'offered'].includes(s.state));
    const items = [];
    for (const signup of signups) {
      const activity = await this.deps.activities.findById(signup.activityId);
      if (!activity) continue;
      let position: number | null = null;
      if (signup.state === 'waiting' && signup.ticket !== null) {
        const tickets = await this.deps.holds.seatsIn(waitPool(activity._id, signup.role));
        const ahead = tickets.filter((t) => claimNumber(t._id) < signup.ticket!).map((t) => t.subject.id);
        const still = (await this.deps.activities.signupsByIds(ahead)).filter((s) => s.state === 'waiting' || s.state === 'offered');
        position = still.length + 1;
      }
      // `teaches`: a place in a class's teaching role, whose holder takes the elders' roll.
      const teaches = activity.kind === 'tech_class' && signup.state === 'placed' && signup.role === teachingRoleOf(activity.roles);
      items.push({ ...signupView(signup, position), title: activity.title, kind: activity.kind, startsAt: activity.startsAt.toISOString(), endsAt: activity.endsAt.toISOString(), teaches });
    }
    return { items };
  }
}
