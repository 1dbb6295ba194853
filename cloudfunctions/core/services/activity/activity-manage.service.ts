import { AppError } from '../../../../shared/errors';
import { relationToActivity } from '../../../../shared/domain/permissions/activity-access';
import { streetScopeOf } from '../../../../shared/domain/permissions/district-scope';
import { DAY_MS, districtDateOf, districtDayStart } from '../../../../shared/domain/time';
import { placePool } from '../../../../shared/domain/volunteer/activity-keys';
import { activityKinds } from '../../../../shared/domain/volunteer/activity-rules';
import { foldLedger } from '../../../../shared/domain/volunteer/attendance-hours';
import type { ManagedActivitiesInput } from '../../../../shared/schemas/volunteer-manage.schema';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import type { ActivityDoc, ActivityRepository } from '../../repositories/activity.repository';
import type { AttendanceRepository } from '../../repositories/attendance.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { VolunteerRepository } from '../../repositories/volunteer.repository';

type Deps = { activities: ActivityRepository; attendance: AttendanceRepository; holds: HoldRepository; volunteers: VolunteerRepository; clock: Clock };

/** What staff read of an activity in their list and to edit it: every field they wrote, and how full it is. */
function managedView(a: ActivityDoc, filled: Map<string, number>, waiting: number, pendingHours: number) {
  return {
    id: a._id,
    seriesId: a.seriesId,
    kind: a.kind,
    kindLabel: activityKinds[a.kind],
    title: a.title,
    description: a.description,
    place: a.place,
    communityId: a.communityId,
    streetId: a.streetId,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    signUpOpensAt: a.signUpOpensAt.toISOString(),
    signUpClosesAt: a.signUpClosesAt.toISOString(),
    withdrawCutoffAt: a.withdrawCutoffAt.toISOString(),
    roles: a.roles.map((r) => ({ ...r, filled: filled.get(placePool(a._id, r.code)) ?? 0 })),
    riskNote: a.riskNote,
    insuranceRequired: a.insuranceRequired,
    bring: a.bring,
    contactPhone: a.contactPhone,
    elderSeats: a.elderSeats ?? null,
    status: a.status,
    cancelReason: a.cancelReason,
    waiting,
    pendingHours,
  };
}

/**
 * volunteer — staff: the reads behind the staff pages. Staff see their own 街道 only (admin the
 * district, or one 街道 asked for); an activity of another 街道 does not exist for them.
 */
export class ActivityManageService {
  constructor(private readonly deps: Deps) {}

  private scope(caller: Caller, streetId: string | undefined): string | null {
    const scope = streetScopeOf(caller, streetId);
    if (scope.kind === 'none') throw new AppError('FORBIDDEN');
    return scope.kind === 'street' ? scope.streetId : null;
  }

  private async views(items: ActivityDoc[]) {
    const ids = items.map((a) => a._id);
    const [filled, waiting, pending] = await Promise.all([
      this.deps.holds.seatCounts(items.flatMap((a) => a.roles.map((r) => placePool(a._id, r.code)))),
      this.deps.activities.waitingCounts(ids),
      this.deps.attendance.pendingCountsByActivity(ids),
    ]);
    return items.map((a) => managedView(a, filled, waiting.get(a._id) ?? 0, pending.get(a._id) ?? 0));
  }

  /** The hub's four counts: applications to decide, today's activities, hours to confirm, corrections to decide. */
  async overview(caller: Caller, input: { streetId?: string }) {
    const streetId = this.scope(caller, input.streetId);
    const dayStart = districtDayStart(districtDateOf(this.deps.clock.now()));
    const [applications, today, pendingHours, corrections] = await Promise.all([
      this.deps.volunteers.page(streetId ? { kind: 'street', streetId } : { kind: 'any' }, 'pending', { skip: 0, limit: 1 }),
      this.deps.activities.countOpenStarting(streetId, dayStart, new Date(dayStart.getTime() + DAY_MS)),
      this.deps.attendance.pendingCount(streetId),
      this.openCorrections(streetId),
    ]);
    return { streetId, pendingApplications: applications.total, todayActivities: today, pendingHours, openCorrections: corrections.length };
  }

  async list(caller: Caller, input: ManagedActivitiesInput) {
    const streetId = this.scope(caller, input.streetId);
    if (input.from && input.to && input.to < input.from) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'to', message: '结束日期不能早于开始日期' }] });
    const from = districtDayStart(input.from ?? districtDateOf(this.deps.clock.now()));
    const to = input.to ? new Date(districtDayStart(input.to).getTime() + DAY_MS) : null;
    const { items, total } = await this.deps.activities.organizedPage(streetId, from, to, { skip: (input.page - 1) * input.pageSize, limit: input.pageSize });
    return { items: await this.views(items), total, page: input.page, pageSize: input.pageSize };
  }

  async detail(caller: Caller, activityId: string) {
    const activity = await this.deps.activities.findById(activityId);
    if (!activity || !relationToActivity(activity, caller)) throw new AppError('NOT_FOUND');
    return (await this.views([activity]))[0]!;
  }

  private async openCorrections(streetId: string | null) {
    const records = await this.deps.attendance.recordsWithCorrectionRequests(streetId);
    const logs = await this.deps.attendance.logsOf(records.map((r) => r._id));
    return records
      .map((record) => {
        const log = logs.get(record._id) ?? [];
        return { record, state: foldLedger(record.computedHours, log), request: log.filter((e) => e.type === 'correction_requested').at(-1) };
      })
      // Open means the record's state says so; its latest request is the one waiting.
      .filter((c): c is typeof c & { request: NonNullable<typeof c.request> } => c.state.status === 'correction_requested' && c.request !== undefined);
  }

  /** Correction requests waiting for a decision, oldest first, with who asked (name only) and why. */
  async pendingCorrections(caller: Caller, input: { streetId?: string }) {
    const open = await this.openCorrections(this.scope(caller, input.streetId));
    const items = [];
    for (const { record, state, request } of open.sort((a, b) => a.request.at.getTime() - b.request.at.getTime())) {
      const profile = (await this.deps.volunteers.latestOf(record.userId))?.profile ?? null;
      items.push({
        activityId: record.activityId,
        volunteerId: record.userId,
        name: profile?.name ?? null,
        title: record.title,
        startsAt: record.startsAt.toISOString(),
        endsAt: record.endsAt.toISOString(),
        streetId: record.streetId,
        hours: state.hours,
        requestedHours: state.requestedHours,
        reason: request.reason,
        requestedAt: request.at.toISOString(),
      });
    }
    return { items };
  }
}
