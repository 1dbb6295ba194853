import { AppError } from '../../../../shared/errors';
import { relationToActivity } from '../../../../shared/domain/permissions/activity-access';
import { DAY_MS, MINUTE_MS } from '../../../../shared/domain/time';
import { districtDayStart } from '../../../../shared/domain/time';
import { districtInstantOf, weeklyDates } from '../../../../shared/domain/volunteer/activity-rules';
import { weekdayOfDate } from '../../../../shared/domain/time';
import type { ActivityChanges, ActivityTextChanges, CreateActivityInput, CreateSeriesInput } from '../../../../shared/schemas/volunteer-activity.schema';
import type { IdGenerator } from '../../ports/ids';
import type { Caller } from '../../runtime/caller';
import { endOutcomeId, offerOutcomeId, type ActivityDoc, type ActivityRepository } from '../../repositories/activity.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { ActivityPlaces, PlacesDeps } from './activity-places';
import { activityView, placesTaken, type ActivityView } from './activity-query.service';

type Deps = PlacesDeps & { places: ActivityPlaces; district: DistrictRepository; ids: IdGenerator };

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/** The order an activity's times must keep; the field at fault is named. */
function checkTimes(t: { startsAt: Date; endsAt: Date; signUpOpensAt: Date; signUpClosesAt: Date; withdrawCutoffAt: Date }, now: Date, prefix = ''): void {
  if (t.endsAt <= t.startsAt) throw invalid(`${prefix}endsAt`, '结束时间要晚于开始时间');
  if (t.endsAt.getTime() - t.startsAt.getTime() > DAY_MS) throw invalid(`${prefix}endsAt`, '一次活动不能超过一天');
  if (t.startsAt <= now) throw invalid(`${prefix}startsAt`, '开始时间要在将来');
  if (t.signUpClosesAt <= t.signUpOpensAt) throw invalid(`${prefix}signUpClosesAt`, '报名截止要晚于报名开始');
  if (t.signUpClosesAt > t.startsAt) throw invalid(`${prefix}signUpClosesAt`, '报名截止不能晚于活动开始');
  if (t.withdrawCutoffAt > t.startsAt) throw invalid(`${prefix}withdrawCutoffAt`, '退出截止不能晚于活动开始');
}

/** A new session has no place taken yet. */
const NONE_TAKEN: ReadonlyMap<string, number> = new Map();

/**
 * Staff's side: activities and weekly series of their 街道 (admin: any), changed or called off.
 * Each answers with the activity as `activity` shows it (`id`, roles with places taken).
 */
export class ActivityAdminService {
  constructor(private readonly deps: Deps) {}

  private async streetOf(caller: Caller, communityId: string): Promise<string> {
    const community = await this.deps.district.findCommunity(communityId);
    if (!community) throw invalid('communityId', '没有这个社区');
    if (!relationToActivity({ streetId: community.streetId }, caller)) throw new AppError('FORBIDDEN');
    return community.streetId;
  }

  private base(caller: Caller, input: Omit<CreateActivityInput, 'startsAt' | 'endsAt' | 'signUpOpensAt' | 'signUpClosesAt' | 'withdrawCutoffAt'>, streetId: string, now: Date) {
    return {
      kind: input.kind,
      title: input.title,
      description: input.description,
      place: input.place,
      communityId: input.communityId,
      streetId,
      roles: input.roles,
      riskNote: input.riskNote,
      insuranceRequired: input.insuranceRequired,
      bring: input.bring,
      contactPhone: input.contactPhone,
      // volunteer — training: only a class seats elders.
      ...(input.kind === 'tech_class' && input.elderSeats ? { elderSeats: input.elderSeats } : {}),
      organizerId: caller.userId,
      status: 'open' as const,
      cancelReason: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  async create(caller: Caller, input: CreateActivityInput): Promise<ActivityView> {
    const now = this.deps.clock.now();
    checkTimes(input, now);
    const streetId = await this.streetOf(caller, input.communityId);
    const doc: ActivityDoc = {
      _id: this.deps.ids.next('act'),
      seriesId: null,
      ...this.base(caller, input, streetId, now),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      signUpOpensAt: input.signUpOpensAt,
      signUpClosesAt: input.signUpClosesAt,
      withdrawCutoffAt: input.withdrawCutoffAt,
    };
    await this.deps.activities.insertActivities([doc]);
    return activityView(doc, NONE_TAKEN);
  }

  /** Every weekly session from the first date to the last, in one insert. */
  async createSeries(caller: Caller, input: CreateSeriesInput): Promise<{ seriesId: string; activities: ActivityView[] }> {
    const now = this.deps.clock.now();
    if (input.lastDate < input.firstDate) throw invalid('lastDate', '结束日期要晚于开始日期');
    if (districtDayStart(input.lastDate).getTime() - districtDayStart(input.firstDate).getTime() > 366 * DAY_MS) throw invalid('lastDate', '一个系列最长一年');
    const streetId = await this.streetOf(caller, input.communityId);
    const seriesId = this.deps.ids.next('ser');
    const docs = weeklyDates(input.firstDate, input.lastDate, weekdayOfDate(input.firstDate)).map((date, index): ActivityDoc => {
      const startsAt = districtInstantOf(date, input.startTime);
      const endsAt = districtInstantOf(date, input.endTime);
      const doc: ActivityDoc = {
        _id: `${seriesId}-${index}`,
        seriesId,
        ...this.base(caller, input, streetId, now),
        startsAt,
        endsAt,
        signUpOpensAt: new Date(startsAt.getTime() - input.signUpOpensDaysBefore * DAY_MS),
        signUpClosesAt: new Date(startsAt.getTime() - input.signUpClosesHoursBefore * 60 * MINUTE_MS),
        withdrawCutoffAt: new Date(startsAt.getTime() - input.withdrawCutoffHoursBefore * 60 * MINUTE_MS),
      };
      return doc;
    });
    // The schema's bounds make every session the same shape; a session already past is left out.
    const ahead = docs.filter((doc) => doc.startsAt > now);
    if (ahead.length === 0) throw invalid('firstDate', '这段日期里没有将来的活动');
    if (input.endTime <= input.startTime) throw invalid('endTime', '结束时间要晚于开始时间');
    for (const doc of ahead) {
      if (doc.signUpClosesAt <= doc.signUpOpensAt) throw invalid('signUpClosesHoursBefore', '报名截止要晚于报名开始');
    }
    await this.deps.activities.insertActivities(ahead);
    return { seriesId, activities: ahead.map((doc) => activityView(doc, NONE_TAKEN)) };
  }

  private async organized(caller: Caller, activityId: string): Promise<ActivityDoc> {
    const activity = await this.deps.activities.findById(activityId);
    if (!activity || !relationToActivity(activity, caller)) throw new AppError('NOT_FOUND');
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    return activity;
  }

  /** Changes an activity; times only while nobody holds or waits for a place (their locks name the old time). */
  async update(caller: Caller, activityId: string, changes: ActivityChanges): Promise<ActivityView> {
    const now = this.deps.clock.now();
    const activity = await this.organized(caller, activityId);
    const signups = await this.deps.activities.activeSignupsOf(activity._id);
    const timesChange = changes.startsAt !== undefined || changes.endsAt !== undefined;
    if (timesChange) {
      if (signups.length > 0) throw new AppError('ACTIVITY_HAS_SIGNUPS');
      checkTimes({ ...activity, ...definedOf(changes) }, now, 'changes.');
    }
    const updated = (await this.deps.activities.updateActivity(activity._id, definedOf(changes), now)) ?? activity;
    await this.deps.places.event(updated, 'activity_changed', `${activity._id}#${now.toISOString()}`, signups.map((s) => s.userId));
    return activityView(updated, await placesTaken(this.deps.holds, updated));
  }

  /** Calls an activity off: every sign-up ends (decided once), holds are freed, those signed up told. */
  async cancel(caller: Caller, activityId: string, reason: string): Promise<ActivityView> {
    // Every place is freed: none is taken any more.
    return activityView(await this.cancelOne(await this.organized(caller, activityId), caller, reason), NONE_TAKEN);
  }

  private async cancelOne(activity: ActivityDoc, caller: Caller, reason: string): Promise<ActivityDoc> {
    const now = this.deps.clock.now();
    const cancelled = (await this.deps.activities.updateActivity(activity._id, { status: 'cancelled', cancelReason: reason }, now)) ?? activity;
    const signups = await this.deps.activities.activeSignupsOf(activity._id);
    for (const signup of signups) {
      await this.deps.activities.decide(endOutcomeId(signup._id), 'cancelled', caller.userId, now);
      if (signup.offerId) await this.deps.activities.decide(offerOutcomeId(signup.offerId), 'cancelled', caller.userId, now);
      await this.deps.places.releaseAll(activity, signup.role, signup._id);
      await this.deps.activities.setSignup(signup._id, { state: 'cancelled', offerExpiresAt: null }, now);
    }
    await this.deps.places.event(cancelled, 'activity_cancelled', activity._id, signups.map((s) => s.userId), { reason });
    return cancelled;
  }

  private async seriesFrom(caller: Caller, seriesId: string, fromDate: string): Promise<ActivityDoc[]> {
    const sessions = await this.deps.activities.seriesFrom(seriesId, districtDayStart(fromDate));
    const mine = sessions.filter((s) => relationToActivity(s, caller));
    if (sessions.length > 0 && mine.length === 0) throw new AppError('NOT_FOUND');
    return mine;
  }

  async updateSeriesFrom(caller: Caller, seriesId: string, fromDate: string, changes: ActivityTextChanges): Promise<{ updated: number }> {
    const sessions = await this.seriesFrom(caller, seriesId, fromDate);
    for (const session of sessions) await this.update(caller, session._id, changes);
    return { updated: sessions.length };
  }

  async cancelSeriesFrom(caller: Caller, seriesId: string, fromDate: string, reason: string): Promise<{ cancelled: number }> {
    const sessions = await this.seriesFrom(caller, seriesId, fromDate);
    for (const session of sessions) await this.cancelOne(session, caller, reason);
    return { cancelled: sessions.length };
  }
}

function definedOf<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
