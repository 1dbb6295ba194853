/**
 * Service hours and their ledger. Hours are the time between check-in and check-out clipped to the
 * activity, rounded by one rule; each record's decisions are an append-only log folded here, so the
 * record's state is always what its log says (nothing to keep in step after a crash).
 */

/**
 * How minutes become hours. There is no national rule (product.md); the district's default is down
 * to the half hour, and anyone present (any minute inside the activity) gets at least half an hour.
 */
export type HoursRule = { stepMinutes: number; direction: 'down' | 'nearest' | 'up'; minimumHours: number };

export const DEFAULT_HOURS_RULE: HoursRule = { stepMinutes: 30, direction: 'down', minimumHours: 0.5 };

/** Minutes of service: check-in to check-out, clipped to the activity's start and end. */
export function servedMinutes(activity: { startsAt: Date; endsAt: Date }, checkInAt: Date, checkOutAt: Date): number {
  const from = Math.max(activity.startsAt.getTime(), checkInAt.getTime());
  const to = Math.min(activity.endsAt.getTime(), checkOutAt.getTime());
  return to > from ? Math.floor((to - from) / 60_000) : 0;
}

/** Hours for `minutes` of service under `rule`; 0 only when no minute fell inside the activity. */
export function roundHours(minutes: number, rule: HoursRule = DEFAULT_HOURS_RULE): number {
  if (minutes <= 0) return 0;
  const steps = minutes / rule.stepMinutes;
  const whole = rule.direction === 'down' ? Math.floor(steps) : rule.direction === 'up' ? Math.ceil(steps) : Math.round(steps);
  const hours = (whole * rule.stepMinutes) / 60;
  return Math.max(hours, rule.minimumHours);
}

/** The rule in the words a volunteer reads before signing up. */
export function hoursRuleText(rule: HoursRule = DEFAULT_HOURS_RULE): string {
  const step = rule.stepMinutes === 30 ? '半小时' : rule.stepMinutes === 60 ? '1 小时' : `${rule.stepMinutes} 分钟`;
  const how = rule.direction === 'down' ? '向下取整' : rule.direction === 'up' ? '向上取整' : '四舍五入';
  return `服务时长按签到到签退的时间计算，限在活动时间内，按${step}${how}；到场至少记 ${rule.minimumHours} 小时。`;
}

/** Hours are kept to the half hour at most finely; a correction gives a multiple of 0.5. */
export const MAX_RECORD_HOURS = 24;

// ---------------------------------------------------------------------------------------------
// The ledger of one record.

export const hoursStatuses = ['pending', 'confirmed', 'corrected', 'correction_requested'] as const;
export type HoursStatus = (typeof hoursStatuses)[number];

export type LedgerEntry =
  | { seq: number; type: 'confirmed'; actorId: string; at: Date; reason: null; hours: number }
  | { seq: number; type: 'corrected'; actorId: string; at: Date; reason: string; hours: number }
  | { seq: number; type: 'correction_requested'; actorId: string; at: Date; reason: string; hours: number }
  | { seq: number; type: 'correction_approved'; actorId: string; at: Date; reason: string | null; hours: number }
  | { seq: number; type: 'correction_rejected'; actorId: string; at: Date; reason: string; hours: null };

export type LedgerEntryType = LedgerEntry['type'];

export type LedgerState = {
  status: HoursStatus;
  hours: number;
  /** The hours the volunteer asked for, while a request is open. */
  requestedHours: number | null;
  /** How the record was decided, kept while a request is open so a rejection goes back to it. */
  lockedAs: 'confirmed' | 'corrected' | null;
  /** The next entry's number: whoever inserts it first made the change. */
  nextSeq: number;
};

/** The record's state after its entries (in `seq` order); `computedHours` is what check-out gave. */
export function foldLedger(computedHours: number, entries: readonly LedgerEntry[]): LedgerState {
  let state: LedgerState = { status: 'pending', hours: computedHours, requestedHours: null, lockedAs: null, nextSeq: 1 };
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    state = applyEntry(state, entry);
  }
  return state;
}

function applyEntry(state: LedgerState, entry: LedgerEntry): LedgerState {
  const next = { ...state, nextSeq: entry.seq + 1 };
  switch (entry.type) {
    case 'confirmed':
      return { ...next, status: 'confirmed', lockedAs: 'confirmed' };
    case 'corrected':
      return { ...next, status: 'corrected', hours: entry.hours, lockedAs: 'corrected' };
    case 'correction_requested':
      return { ...next, status: 'correction_requested', requestedHours: entry.hours };
    case 'correction_approved':
      return { ...next, status: 'corrected', hours: entry.hours, requestedHours: null, lockedAs: 'corrected' };
    case 'correction_rejected':
      return { ...next, status: state.lockedAs ?? 'confirmed', requestedHours: null };
  }
}

/**
 * Which step may follow which: the organizer decides a pending record once (confirm or correct);
 * a decided record is locked and changes only through a request the volunteer makes and staff
 * decide. Null when allowed, else why not.
 */
export function refusalOf(state: LedgerState, step: 'confirm' | 'correct' | 'request' | 'decide'): 'HOURS_LOCKED' | 'NO_OPEN_CORRECTION' | 'HOURS_PENDING' | 'CORRECTION_OPEN' | null {
  switch (step) {
    case 'confirm':
    case 'correct':
      return state.status === 'pending' ? null : 'HOURS_LOCKED';
    case 'request':
      if (state.status === 'pending') return 'HOURS_PENDING';
      return state.status === 'correction_requested' ? 'CORRECTION_OPEN' : null;
    case 'decide':
      return state.status === 'correction_requested' ? null : 'NO_OPEN_CORRECTION';
  }
}

/** Whether the hours count in a volunteer's totals: only what the organizer has decided. */
export function countsInTotals(status: HoursStatus): boolean {
  return status !== 'pending';
}
