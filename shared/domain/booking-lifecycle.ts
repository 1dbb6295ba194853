import { DISTRICT_TZ, MINUTE_MS, dayjs } from './time';

// The statuses and their words sit in booking-status.ts (pure, no dates), so a page that only names
// a status does not load the lifecycle; everything here is also reachable from this module.
export * from './booking-status';
import { BookingStatus } from './booking-status';

/**
 * Who is acting, as far as the lifecycle cares. `provider` means the advisor, counselor or escort
 * assigned to this booking; checking that it is *this* booking's provider is the caller's job.
 */
export const BookingActor = {
  resident: 'resident',
  provider: 'provider',
  staff: 'staff',
  admin: 'admin',
  system: 'system',
} as const;
export type BookingActor = (typeof BookingActor)[keyof typeof BookingActor];

export const BookingAction = {
  accept: 'accept',
  decline: 'decline',
  expire: 'expire',
  cancel: 'cancel',
  complete: 'complete',
  no_show: 'no_show',
} as const;
export type BookingAction = (typeof BookingAction)[keyof typeof BookingAction];

export type ActorPermission = {
  reason: 'required' | 'optional';
  /** Only until the service's cancellation cut-off (the resident may not drop a seat at the last minute). */
  beforeCutoff?: boolean;
};

export type TransitionRule = {
  from: BookingStatus;
  to: BookingStatus;
  action: BookingAction;
  actors: Partial<Record<BookingActor, ActorPermission>>;
  notesAllowed: boolean;
  /** Only from the booking's start on: what has not begun cannot have been served or missed. */
  notBeforeStart?: boolean;
};

const optional: ActorPermission = { reason: 'optional' };
const required: ActorPermission = { reason: 'required' };

/** The one table of allowed transitions. Anything not listed is a CONFLICT. */
export const bookingTransitions: readonly TransitionRule[] = [
  {
    from: 'requested',
    to: 'confirmed',
    action: 'accept',
    actors: { provider: optional, staff: optional, admin: optional },
    notesAllowed: false,
  },
  {
    from: 'requested',
    to: 'declined',
    action: 'decline',
    // The resident is told why, so a decline without a reason is refused.
    actors: { provider: required, staff: required, admin: required },
    notesAllowed: false,
  },
  { from: 'requested', to: 'expired', action: 'expire', actors: { system: optional }, notesAllowed: false },
  {
    from: 'requested',
    to: 'cancelled',
    action: 'cancel',
    // Nothing is promised yet, so the resident may withdraw any time; staff must say why.
    actors: { resident: optional, staff: required, admin: required },
    notesAllowed: false,
  },
  { from: 'confirmed', to: 'completed', action: 'complete', actors: { provider: optional }, notesAllowed: true, notBeforeStart: true },
  {
    from: 'confirmed',
    to: 'no_show',
    action: 'no_show',
    actors: { provider: optional, staff: optional },
    notesAllowed: false,
    notBeforeStart: true,
  },
  {
    from: 'confirmed',
    to: 'cancelled',
    action: 'cancel',
    actors: {
      resident: { reason: 'optional', beforeCutoff: true },
      provider: required,
      staff: required,
      admin: required,
    },
    notesAllowed: false,
  },
];

/**
 * Whether a booking reaches this status only once it has started: every way into it is
 * `notBeforeStart` (completed, no-show). No booking of a day still ahead is in such a status.
 */
export function reachedOnlyAfterStart(status: string): boolean {
  const ways = bookingTransitions.filter((rule) => rule.to === status);
  return ways.length > 0 && ways.every((rule) => rule.notBeforeStart === true);
}

export function findTransition(from: BookingStatus, to: BookingStatus): TransitionRule | undefined {
  return bookingTransitions.find((rule) => rule.from === from && rule.to === to);
}

/** Evening hour (district time) by which a deadline that would fall in the night is moved. */
export const LATEST_DEADLINE_HOUR = 20;
/** Until this hour of the morning a deadline counts as being in the night. */
const MORNING_HOUR = 7;

/**
 * The last instant before which a resident may still cancel or move a confirmed booking: the start
 * minus the service's cut-off. A deadline that would fall in the night (after 20:00, before 07:00,
 * e.g. 02:30 for an 08:30 escort with a 6-hour cut-off) moves back to 20:00 the evening before:
 * nobody can act on a deadline they sleep through, and the provider learns of it in time.
 */
export function cancellationDeadline(startsAt: Date, cutoffMinutes: number): Date {
  const plain = dayjs(startsAt.getTime() - cutoffMinutes * MINUTE_MS).tz(DISTRICT_TZ);
  const hour = plain.hour();
  if (hour >= MORNING_HOUR && hour < LATEST_DEADLINE_HOUR) return plain.toDate();
  const evening = plain.hour(LATEST_DEADLINE_HOUR).minute(0).second(0).millisecond(0);
  return (hour < MORNING_HOUR ? evening.subtract(1, 'day') : evening).toDate();
}

/**
 * Whether `now` is still before the cancellation cut-off. The deadline itself is already too late:
 * "before the cut-off" is strict, so a 24 h cut-off on a 09:00 appointment allows cancelling until
 * 08:59:59.999 the day before. Server and client both decide with this (through cancellationDeadline).
 */
export function isBeforeCutoff(startsAt: Date, cutoffMinutes: number, now: Date): boolean {
  return now.getTime() < cancellationDeadline(startsAt, cutoffMinutes).getTime();
}

/**
 * When a request not yet accepted expires: the service's accept window from `now`, and in any case
 * no later than the start. Null when the service needs no acceptance. Create computes it from the
 * moment of booking, a reschedule of a request from the moment of the move.
 */
export function acceptDeadline(
  service: { requiresAcceptance: boolean; acceptWindowMinutes: number },
  now: Date,
  startsAt: Date,
): Date | null {
  if (!service.requiresAcceptance) return null;
  return new Date(Math.min(now.getTime() + service.acceptWindowMinutes * MINUTE_MS, startsAt.getTime()));
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'CUTOFF_PASSED' | 'NOT_STARTED' | 'VALIDATION_FAILED'; field?: string };

export type TransitionInput = {
  from: BookingStatus;
  to: BookingStatus;
  actor: BookingActor;
  reason?: string | null;
  notes?: string | null;
  startsAt: Date;
  now: Date;
  cancelCutoffMinutes: number;
};

const present = (value: string | null | undefined): boolean => value != null && value.trim().length > 0;

/**
 * Decides whether `actor` may move a booking from `from` to `to` at `now`. The state is checked
 * before the actor so that a stale screen (e.g. cancelling what is already cancelled) reads as
 * CONFLICT, which tells the client to refresh rather than that it lacks a right. Time comes last:
 * the cut-off, and completing or marking a no-show before the start (NOT_STARTED).
 */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const rule = findTransition(input.from, input.to);
  if (!rule) return { ok: false, code: 'CONFLICT' };

  const permission = rule.actors[input.actor];
  if (!permission) return { ok: false, code: 'FORBIDDEN' };

  if (permission.reason === 'required' && !present(input.reason)) {
    return { ok: false, code: 'VALIDATION_FAILED', field: 'reason' };
  }
  if (!rule.notesAllowed && present(input.notes)) {
    return { ok: false, code: 'VALIDATION_FAILED', field: 'notes' };
  }

  if (permission.beforeCutoff && !isBeforeCutoff(input.startsAt, input.cancelCutoffMinutes, input.now)) return { ok: false, code: 'CUTOFF_PASSED' };

  // From the start on: at 09:00 sharp a 09:00 appointment may be recorded, at 08:59:59.999 not yet.
  if (rule.notBeforeStart && input.now.getTime() < input.startsAt.getTime()) return { ok: false, code: 'NOT_STARTED' };

  return { ok: true };
}
