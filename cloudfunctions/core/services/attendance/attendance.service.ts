import { AppError } from '../../../../shared/errors';
import { organizesActivity } from '../../../../shared/domain/permissions/attendance-access';
import { signupIdOf } from '../../../../shared/domain/volunteer/activity-keys';
import { DEFAULT_HOURS_RULE, roundHours, servedMinutes, type HoursRule } from '../../../../shared/domain/volunteer/attendance-hours';
import { attendanceOpen, attendanceQrPayload, checkOutClosesAt, CODE_WINDOW_MS, windowOf, windowStart } from '../../../../shared/domain/volunteer/attendance-window';
import { maskPhone } from '../../../../shared/domain/masking';
import { districtDateOf } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import type { ActivityDoc, ActivityRepository } from '../../repositories/activity.repository';
import { markId, type AttendanceMarkDoc, type AttendanceRepository } from '../../repositories/attendance.repository';
import type { VolunteerRepository } from '../../repositories/volunteer.repository';
import type { AttendanceCodes } from './attendance-code';

export type AttendanceDeps = {
  activities: ActivityRepository;
  attendance: AttendanceRepository;
  volunteers: VolunteerRepository;
  clock: Clock;
  /** Null without a configured secret: no code is shown and no check-in accepted. */
  codes: AttendanceCodes | null;
  rule?: HoursRule;
};

export type RosterState = 'arrived' | 'left' | 'not_yet' | 'withdrawn';

export type RosterItem = {
  userId: string;
  name: string | null;
  phone: string | null;
  role: string;
  state: RosterState;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  autoClosed: boolean;
};

/** Loads an activity the caller organizes (creator, staff of its 街道, admin), or refuses. */
export async function organizedActivity(deps: { activities: ActivityRepository }, caller: Caller, activityId: string): Promise<ActivityDoc> {
  const activity = await deps.activities.findById(activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  if (!organizesActivity(activity, caller)) throw new AppError('FORBIDDEN');
  return activity;
}

/** The rotating code on the organizer's phone, check-in and check-out, the live roster. */
export class AttendanceService {
  constructor(private readonly deps: AttendanceDeps) {}

  private codes(): AttendanceCodes {
    if (!this.deps.codes) throw new AppError('INTERNAL', { reason: 'ATTENDANCE_CODE_SECRET is not configured' });
    return this.deps.codes;
  }

  /** The current code (six digits and the QR payload) and when the phone should ask again. */
  async code(caller: Caller, activityId: string) {
    const now = this.deps.clock.now();
    const activity = await organizedActivity(this.deps, caller, activityId);
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (!attendanceOpen(activity, now)) throw new AppError('ATTENDANCE_CLOSED');
    const window = windowOf(now);
    const code = this.codes().codeFor(activity._id, window);
    return { activityId: activity._id, code, qr: attendanceQrPayload(activity._id, code), refreshAt: windowStart(window + 1).toISOString(), windowSeconds: CODE_WINDOW_MS / 1000 };
  }

  /**
   * Checks a step's preconditions in the order a volunteer can act on: the activity, their own
   * place, the time window, then the code. Nothing is written before all pass.
   */
  private async admit(caller: Caller, activityId: string, code: string) {
    const now = this.deps.clock.now();
    const activity = await this.deps.activities.findById(activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    const signup = await this.deps.activities.findSignup(signupIdOf(activityId, caller.userId));
    if (!signup || signup.state !== 'placed') throw new AppError('NOT_PLACED');
    if (!attendanceOpen(activity, now)) throw new AppError('ATTENDANCE_CLOSED');
    const checked = this.codes().check(activity._id, code, now);
    if (checked.kind === 'expired') throw new AppError('CODE_EXPIRED');
    if (checked.kind === 'foreign') throw new AppError('CODE_INVALID');
    return { now, activity, signupId: signup._id, window: checked.window };
  }

  /** Refuses a step taken already: a replay when it was this very code, else simply done before. */
  private refuseTaken(existing: AttendanceMarkDoc, window: number, done: 'ALREADY_CHECKED_IN' | 'ALREADY_CHECKED_OUT'): never {
    throw new AppError(existing.window === window ? 'CODE_REPLAYED' : done);
  }

  async checkIn(caller: Caller, activityId: string, code: string) {
    const { now, activity, signupId, window } = await this.admit(caller, activityId, code);
    const mark: AttendanceMarkDoc = {
      _id: markId('in', signupId),
      step: 'in',
      signupId,
      activityId: activity._id,
      userId: caller.userId,
      at: now,
      window,
      auto: false,
      closesAt: checkOutClosesAt(activity),
      open: true,
    };
    const inserted = await this.deps.attendance.insertMark(mark);
    if (!inserted.created) this.refuseTaken(inserted.existing, window, 'ALREADY_CHECKED_IN');
    return { activityId: activity._id, checkedInAt: now.toISOString() };
  }

  async checkOut(caller: Caller, activityId: string, code: string) {
    const { now, activity, signupId, window } = await this.admit(caller, activityId, code);
    const checkIn = await this.deps.attendance.findMark(markId('in', signupId));
    if (!checkIn) throw new AppError('NOT_CHECKED_IN');
    const mark: AttendanceMarkDoc = { _id: markId('out', signupId), step: 'out', signupId, activityId: activity._id, userId: caller.userId, at: now, window, auto: false, closesAt: null, open: false };
    const inserted = await this.deps.attendance.insertMark(mark);
    if (!inserted.created) this.refuseTaken(inserted.existing, window, 'ALREADY_CHECKED_OUT');
    const record = await this.recordHours(activity, checkIn, mark);
    return { activityId: activity._id, checkedInAt: checkIn.at.toISOString(), checkedOutAt: now.toISOString(), hours: record.computedHours, status: 'pending' as const };
  }

  /**
   * Writes the record of a finished check-in, then closes the check-in. A crash between the two
   * steps leaves the check-in open, and the timer makes the record (its insert is idempotent).
   */
  private async recordHours(activity: ActivityDoc, checkIn: AttendanceMarkDoc, checkOut: AttendanceMarkDoc) {
    const minutes = servedMinutes(activity, checkIn.at, checkOut.at);
    const record = {
      _id: checkIn.signupId,
      activityId: activity._id,
      userId: checkIn.userId,
      streetId: activity.streetId,
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      checkInAt: checkIn.at,
      checkOutAt: checkOut.at,
      autoClosed: checkOut.auto,
      minutes,
      computedHours: roundHours(minutes, this.deps.rule ?? DEFAULT_HOURS_RULE),
      createdAt: this.deps.clock.now(),
    };
    await this.deps.attendance.insertRecord(record);
    await this.deps.attendance.closeMark(checkIn._id);
    return record;
  }

  /**
   * Timer: a check-in still open after check-out closed is a forgotten check-out (closed at the
   * activity's end, marked for the organizer to look at) or a check-out a crash interrupted
   * (its record is made from the check-out stored).
   */
  async closeForgotten(limit = 200): Promise<{ closed: number; repaired: number }> {
    const now = this.deps.clock.now();
    let closed = 0;
    let repaired = 0;
    for (const checkIn of await this.deps.attendance.openCheckInsDue(now, limit)) {
      const activity = await this.deps.activities.findById(checkIn.activityId);
      if (!activity) continue;
      const forgotten: AttendanceMarkDoc = {
        _id: markId('out', checkIn.signupId),
        step: 'out',
        signupId: checkIn.signupId,
        activityId: checkIn.activityId,
        userId: checkIn.userId,
        at: activity.endsAt,
        window: null,
        auto: true,
        closesAt: null,
        open: false,
      };
      const inserted = await this.deps.attendance.insertMark(forgotten);
      await this.recordHours(activity, checkIn, inserted.created ? forgotten : inserted.existing);
      if (inserted.created) closed += 1;
      else repaired += 1;
    }
    return { closed, repaired };
  }

  /**
   * Who has arrived, who has not, who withdrew. Phones are masked except on the activity's day
   * (district date of its start), when the organizer may need to call someone who is late.
   */
  async roster(caller: Caller, activityId: string) {
    const now = this.deps.clock.now();
    const activity = await organizedActivity(this.deps, caller, activityId);
    const fullPhones = districtDateOf(now) === districtDateOf(activity.startsAt);
    const signups = (await this.deps.attendance.signupsOfActivity(activityId)).filter((s) => s.state === 'placed' || s.state === 'withdrawn');
    const marks = new Map((await this.deps.attendance.marksOf(activityId)).map((m) => [m._id, m]));
    const items: RosterItem[] = [];
    for (const signup of signups) {
      const profile = (await this.deps.volunteers.latestOf(signup.userId))?.profile ?? null;
      const checkIn = marks.get(markId('in', signup._id)) ?? null;
      const checkOut = marks.get(markId('out', signup._id)) ?? null;
      const state: RosterState = signup.state === 'withdrawn' ? 'withdrawn' : checkOut ? 'left' : checkIn ? 'arrived' : 'not_yet';
      items.push({
        userId: signup.userId,
        name: profile?.name ?? null,
        phone: profile ? (fullPhones ? profile.phone : maskPhone(profile.phone)) : null,
        role: signup.role,
        state,
        checkedInAt: checkIn?.at.toISOString() ?? null,
        checkedOutAt: checkOut?.at.toISOString() ?? null,
        autoClosed: checkOut?.auto ?? false,
      });
    }
    const count = (s: RosterState) => items.filter((i) => i.state === s).length;
    return { activityId, phonesMasked: !fullPhones, counts: { arrived: count('arrived') + count('left'), notYet: count('not_yet'), withdrawn: count('withdrawn') }, items };
  }
}
