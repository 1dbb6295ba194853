import { AppError } from '../../../../shared/errors';
import { signupIdOf } from '../../../../shared/domain/volunteer/activity-keys';
import { countsInTotals, foldLedger, refusalOf, type LedgerEntry, type LedgerState } from '../../../../shared/domain/volunteer/attendance-hours';
import { dayjs, DISTRICT_TZ } from '../../../../shared/domain/time';
import type { DecideCorrectionInput } from '../../../../shared/schemas/volunteer-attendance.schema';
import type { Clock } from '../../ports/clock';
import type { EventLog } from '../../ports/event-log';
import type { Caller } from '../../runtime/caller';
import type { ActivityRepository } from '../../repositories/activity.repository';
import { logEntryId, type AttendanceRepository, type HoursLogDoc, type HoursRecordDoc } from '../../repositories/attendance.repository';
import { organizedActivity } from './attendance.service';

export type HoursLedgerDeps = { activities: ActivityRepository; attendance: AttendanceRepository; outbox: EventLog; clock: Clock };

/** What a volunteer hears of each decision; the notice handler reads these types. */
export const HOURS_EVENT = {
  confirmed: 'volunteer_hours_confirmed',
  corrected: 'volunteer_hours_corrected',
  correction_approved: 'volunteer_hours_correction_approved',
  correction_rejected: 'volunteer_hours_correction_rejected',
} as const satisfies Partial<Record<LedgerEntry['type'], string>>;

type Step = 'confirm' | 'correct' | 'request' | 'decide';

function recordView(record: HoursRecordDoc, state: LedgerState, log: HoursLogDoc[]) {
  return {
    activityId: record.activityId,
    userId: record.userId,
    title: record.title,
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt.toISOString(),
    checkInAt: record.checkInAt.toISOString(),
    checkOutAt: record.checkOutAt.toISOString(),
    autoClosed: record.autoClosed,
    computedHours: record.computedHours,
    hours: state.hours,
    status: state.status,
    requestedHours: state.requestedHours,
    history: log.map((e) => ({ type: e.type, actorId: e.actorId, at: e.at.toISOString(), reason: e.reason, hours: e.hours })),
  };
}

/**
 * The hours ledger: each record starts pending; the organizer confirms or corrects it once; after
 * that only a correction the volunteer asks for and staff decide. Every step is an entry appended
 * at the record's next sequence number, so of concurrent decisions exactly one is kept.
 */
export class HoursLedgerService {
  constructor(private readonly deps: HoursLedgerDeps) {}

  private async load(recordId: string) {
    const record = await this.deps.attendance.findRecord(recordId);
    if (!record) throw new AppError('NOT_FOUND');
    const log = (await this.deps.attendance.logsOf([recordId])).get(recordId) ?? [];
    return { record, log, state: foldLedger(record.computedHours, log) };
  }

  private async append(caller: Caller, recordId: string, step: Step, entry: (state: LedgerState) => Omit<LedgerEntry, 'seq' | 'actorId' | 'at'>) {
    const { record, log, state } = await this.load(recordId);
    const refusal = refusalOf(state, step);
    if (refusal) throw new AppError(refusal);
    const now = this.deps.clock.now();
    const doc = { ...entry(state), seq: state.nextSeq, actorId: caller.userId, at: now, _id: logEntryId(recordId, state.nextSeq), recordId, userId: record.userId, notifiedAt: null } as HoursLogDoc;
    // Someone else appended first: their decision stands, and this one was made on a stale view.
    if (!(await this.deps.attendance.append(doc))) throw new AppError('CONFLICT');
    const after = [...log, doc];
    await this.notify(record, doc, state.hours);
    return recordView(record, foldLedger(record.computedHours, after), after);
  }

  /** Tells the volunteer of a decision (their own request is not news to them), then marks it told. */
  private async notify(record: HoursRecordDoc, doc: HoursLogDoc, hoursBefore: number): Promise<void> {
    const eventType = (HOURS_EVENT as Record<string, string | undefined>)[doc.type];
    if (eventType) {
      await this.deps.outbox.add({
        _id: `${eventType}:${doc._id}`,
        type: eventType,
        subject: { kind: 'volunteer_hours', id: record._id },
        recipients: [record.userId],
        payload: { title: record.title, startsAt: record.startsAt.toISOString(), hours: doc.hours ?? hoursBefore, reason: doc.reason, activityId: record.activityId, streetId: record.streetId },
        at: doc.at,
        processedAt: null,
      });
    }
    await this.deps.attendance.markNotified(doc._id, this.deps.clock.now());
  }

  /**
   * Timer: decisions a crash left untold (the entry stored, its event not) are told now. The
   * event's id is the entry's, so one told already is not told twice.
   */
  async repairNotices(limit = 200): Promise<{ told: number }> {
    const now = this.deps.clock.now();
    let told = 0;
    for (const doc of await this.deps.attendance.unnotified(new Date(now.getTime() - 60_000), limit)) {
      const record = await this.deps.attendance.findRecord(doc.recordId);
      if (!record) continue;
      const log = (await this.deps.attendance.logsOf([record._id])).get(record._id) ?? [];
      // The hours as they stood before this entry: what a rejection leaves in place.
      const before = foldLedger(record.computedHours, log.filter((e) => e.seq < doc.seq));
      await this.notify(record, doc, before.hours);
      told += 1;
    }
    return { told };
  }

  private async organizedRecord(caller: Caller, activityId: string, userId: string): Promise<string> {
    await organizedActivity(this.deps, caller, activityId);
    return signupIdOf(activityId, userId);
  }

  confirm(caller: Caller, activityId: string, userId: string) {
    return this.organizedRecord(caller, activityId, userId).then((id) => this.append(caller, id, 'confirm', (s) => ({ type: 'confirmed', reason: null, hours: s.hours })));
  }

  correct(caller: Caller, activityId: string, userId: string, hours: number, reason: string) {
    return this.organizedRecord(caller, activityId, userId).then((id) => this.append(caller, id, 'correct', () => ({ type: 'corrected', reason, hours })));
  }

  /** The volunteer asks to change a locked record of their own (never someone else's: the id is theirs). */
  requestCorrection(caller: Caller, activityId: string, hours: number, reason: string) {
    return this.append(caller, signupIdOf(activityId, caller.userId), 'request', () => ({ type: 'correction_requested', reason, hours }));
  }

  decideCorrection(caller: Caller, input: DecideCorrectionInput) {
    return this.organizedRecord(caller, input.activityId, input.volunteerId).then((id) =>
      this.append(caller, id, 'decide', () =>
        // The schema makes `hours` present on an approval and `reason` on a rejection.
        input.decision === 'approve' ? { type: 'correction_approved', reason: input.reason ?? null, hours: input.hours! } : { type: 'correction_rejected', reason: input.reason!, hours: null },
      ),
    );
  }

  /** The records of one activity, for the organizer to confirm. */
  async activityHours(caller: Caller, activityId: string) {
    await organizedActivity(this.deps, caller, activityId);
    const records = await this.deps.attendance.recordsOfActivity(activityId);
    const logs = await this.deps.attendance.logsOf(records.map((r) => r._id));
    return { items: records.map((r) => recordView(r, foldLedger(r.computedHours, logs.get(r._id) ?? []), logs.get(r._id) ?? [])) };
  }

  /**
   * The caller's records, newest first, with decided hours totalled for this district year and for
   * all time; pending hours are shown apart, since nobody has vouched for them yet.
   */
  async myHours(caller: Caller) {
    const records = await this.deps.attendance.recordsOf(caller.userId);
    const logs = await this.deps.attendance.logsOf(records.map((r) => r._id));
    const items = records.map((r) => recordView(r, foldLedger(r.computedHours, logs.get(r._id) ?? []), logs.get(r._id) ?? []));
    const year = dayjs(this.deps.clock.now()).tz(DISTRICT_TZ).year();
    const sum = (list: typeof items) => list.reduce((total, i) => total + i.hours, 0);
    const decided = items.filter((i) => countsInTotals(i.status));
    return {
      items,
      year,
      yearTotal: sum(decided.filter((i) => dayjs(i.startsAt).tz(DISTRICT_TZ).year() === year)),
      allTimeTotal: sum(decided),
      pendingTotal: sum(items.filter((i) => !countsInTotals(i.status))),
    };
  }
}
