import { bookingTransitions, isBeforeCutoff, type BookingActor, type BookingAction, type BookingStatus } from '../booking-lifecycle';
import { isOpenEscortRequest } from '../escort-pool';
import type { Role } from '../roles';

/** Who is asking, as far as access goes (the functions' Caller has these fields, never from the event). */
export type Principal = { userId: string; roles: readonly Role[]; staffStreetId: string | null };

/**
 * How a caller stands to a booking. A booking the caller has no relation to does not exist for them
 * (NOT_FOUND, so ids cannot be probed).
 */
export const BookingRelation = {
  booker: 'booker',
  provider: 'provider',
  admin: 'admin',
  staff: 'staff',
  pool: 'pool',
} as const;
export type BookingRelation = (typeof BookingRelation)[keyof typeof BookingRelation];
export const allBookingRelations = Object.values(BookingRelation) as [BookingRelation, ...BookingRelation[]];

export type BookingFacts = {
  status: string;
  service: string;
  bookerId: string;
  providerId: string | null;
  streetId: string | null;
};

/**
 * The caller's relation; the first that matches wins, in the order booker, provider, admin, staff,
 * pool. `providerIds` are the caller's active provider records. A booking still being created (or
 * that failed) exists for its booker only.
 */
export function relationToBooking(booking: BookingFacts, caller: Principal, providerIds: readonly string[]): BookingRelation | null {
  if (booking.status === 'holding' || booking.status === 'failed') return booking.bookerId === caller.userId ? 'booker' : null;
  if (booking.bookerId === caller.userId) return 'booker';
  if (booking.providerId && providerIds.includes(booking.providerId)) return 'provider';
  const district = districtRelationToBooking(booking, caller);
  if (district) return district;
  if (caller.roles.includes('escort') && isOpenEscortRequest(booking)) return 'pool';
  return null;
}

/**
 * How the caller stands to a booking as someone who works on the district: admin for every booking,
 * staff for their 街道's. The staff desk looks through this alone, so a staff member's own booking
 * in their 街道 is shown to them there as staff see it.
 */
export function districtRelationToBooking(booking: Pick<BookingFacts, 'status' | 'streetId'>, caller: Principal): 'admin' | 'staff' | null {
  if (booking.status === 'holding' || booking.status === 'failed') return null;
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId && booking.streetId === caller.staffStreetId) return 'staff';
  return null;
}

/** What a relation is shown of a booking. */
export type BookingSight = {
  /** Counseling topic and notes, in a detail (never in a list: lists are glanced at on shared screens). */
  counselingPrivate: boolean;
  /** Reasons on a counseling booking and its history: a reason ("来访者需要转介") may give the topic away. */
  counselingReasons: boolean;
  /** Where phones, names and addresses are shown in full: everywhere, in a detail only, or never (masked). */
  contact: 'everywhere' | 'detail' | 'never';
  /** A confirmed job on one's own worklist (the schedule) shows contact data in full: the job is done there. */
  contactOnWorklist: boolean;
  /** The assigned escort's own phone, on a confirmed escort job (the resident calls their escort). */
  escortPhone: boolean;
  /** Why staff did not verify a claimed hardship group: the resident's business and staff's, not the escort's. */
  eligibilityReason: boolean;
};

/** What a relation may do to a booking besides the lifecycle's transitions. */
export type BookingOperation = 'reschedule' | 'claim' | 'assign' | 'verify_eligibility';

export type BookingRelationRule = {
  sees: BookingSight;
  /** The lifecycle actor this relation acts as (bookingTransitions' actors); null: no transition. */
  actor: Exclude<BookingActor, 'system'> | null;
  /** The function whose actions make this relation's transitions (booking.cancel, provider.accept …). */
  actsThrough: 'booking' | 'provider' | null;
  may: readonly BookingOperation[];
};

const hidden = { counselingPrivate: false, counselingReasons: false } as const;

/** The one table of what each relation to a booking may see and do. */
export const bookingRelationRules: Record<BookingRelation, BookingRelationRule> = {
  booker: {
    sees: { counselingPrivate: true, counselingReasons: true, contact: 'everywhere', contactOnWorklist: false, escortPhone: true, eligibilityReason: true },
    actor: 'resident',
    actsThrough: 'booking',
    may: ['reschedule'],
  },
  provider: {
    sees: { counselingPrivate: true, counselingReasons: true, contact: 'detail', contactOnWorklist: true, escortPhone: false, eligibilityReason: false },
    actor: 'provider',
    actsThrough: 'provider',
    may: [],
  },
  admin: {
    sees: { ...hidden, contact: 'detail', contactOnWorklist: false, escortPhone: false, eligibilityReason: true },
    actor: 'admin',
    actsThrough: 'provider',
    may: ['assign', 'verify_eligibility'],
  },
  staff: {
    sees: { ...hidden, contact: 'detail', contactOnWorklist: false, escortPhone: false, eligibilityReason: true },
    actor: 'staff',
    actsThrough: 'provider',
    may: ['assign', 'verify_eligibility'],
  },
  // Full address and phone only after claiming, when the escort becomes the booking's provider.
  pool: {
    sees: { ...hidden, contact: 'never', contactOnWorklist: false, escortPhone: false, eligibilityReason: false },
    actor: null,
    actsThrough: null,
    may: ['claim'],
  },
};

/** Relations whose transitions go through `fn` (what `BookingAccess.load` lets in for its actions). */
export function relationsActingThrough(fn: 'booking' | 'provider'): BookingRelation[] {
  return allBookingRelations.filter((relation) => bookingRelationRules[relation].actsThrough === fn);
}

export function relationsThatMay(operation: BookingOperation): BookingRelation[] {
  return allBookingRelations.filter((relation) => bookingRelationRules[relation].may.includes(operation));
}

export function actorOf(relation: BookingRelation): BookingRelationRule['actor'] {
  return bookingRelationRules[relation].actor;
}

/** Where a view is shown: a list, a detail, or the provider's own worklist (the schedule). */
export type ViewPlace = 'list' | 'detail' | 'worklist';

/** Whether contact data (phones, names, addresses) is shown in full to `relation` at `place`. */
export function showsContact(relation: BookingRelation, place: ViewPlace, status: string): boolean {
  const sees = bookingRelationRules[relation].sees;
  if (sees.contact === 'everywhere') return true;
  if (place === 'worklist' && sees.contactOnWorklist && status === 'confirmed') return true;
  return sees.contact === 'detail' && place === 'detail';
}

/** Whether the reason staff gave for not verifying a claimed hardship group is shown. */
export function showsEligibilityReason(relation: BookingRelation): boolean {
  return bookingRelationRules[relation].sees.eligibilityReason;
}

/** Whether a counseling topic and notes are shown (in a detail, to the resident and their counselor). */
export function showsCounselingPrivate(relation: BookingRelation, place: ViewPlace): boolean {
  return place === 'detail' && bookingRelationRules[relation].sees.counselingPrivate;
}

/** Whether the reasons given on a booking (and in its history) are shown. */
export function showsReasons(service: string, relation: BookingRelation): boolean {
  return service !== 'counseling' || bookingRelationRules[relation].sees.counselingReasons;
}

export function showsEscortPhone(relation: BookingRelation, booking: { service: string; status: string }): boolean {
  return bookingRelationRules[relation].sees.escortPhone && booking.service === 'escort' && booking.status === 'confirmed';
}

/** An escort request is confirmed by the escort who claims it or the one staff assign, never by "accept". */
export function needsEscortFirst(booking: { service: string; providerId: string | null }): boolean {
  return booking.service === 'escort' && booking.providerId === null;
}

export type RescheduleCheck = { ok: true } | { ok: false; code: 'CONFLICT' | 'NOT_MOVABLE' | 'CUTOFF_PASSED' };

/**
 * Whether a booking may be moved to another slot now. A request nobody accepted yet may be moved
 * any time (it gets a fresh accept window); a confirmed one only before the cancellation cut-off.
 * An escort request has no slots to move between (NOT_MOVABLE: cancel and ask again).
 */
export function checkReschedule(
  booking: { status: string; service: string; providerId: string | null; startsAt: Date },
  now: Date,
  cancelCutoffMinutes: number,
): RescheduleCheck {
  if (booking.status !== 'requested' && booking.status !== 'confirmed') return { ok: false, code: 'CONFLICT' };
  if (booking.service === 'escort' || !booking.providerId) return { ok: false, code: 'NOT_MOVABLE' };
  if (booking.status === 'confirmed' && !isBeforeCutoff(booking.startsAt, cancelCutoffMinutes, now)) return { ok: false, code: 'CUTOFF_PASSED' };
  return { ok: true };
}

/** What a caller may do to a booking from its view: lifecycle actions (table names) and the operations. */
export type AllowedBookingAction = Exclude<BookingAction, 'expire'> | BookingOperation;

/**
 * The actions `relation` may take on `booking` at `now`: the lifecycle table's transitions from its
 * status for the relation's actor, at the right time (cut-off, not before the start), and the
 * relation's operations where they apply. A reason a step needs is asked for on the attempt, so it
 * does not hide the action. The client draws its buttons from this list; the server checks again.
 */
export function allowedBookingActions(
  booking: { status: string; service: string; providerId: string | null; startsAt: Date; eligibilityCheck?: { status: string } | null },
  relation: BookingRelation,
  now: Date,
  cancelCutoffMinutes: number,
): AllowedBookingAction[] {
  const rule = bookingRelationRules[relation];
  const allowed = new Set<AllowedBookingAction>();
  const actor = rule.actor;
  if (actor) {
    for (const transition of bookingTransitions) {
      if (transition.from !== (booking.status as BookingStatus) || transition.action === 'expire') continue;
      const permission = transition.actors[actor];
      if (!permission) continue;
      if (permission.beforeCutoff && !isBeforeCutoff(booking.startsAt, cancelCutoffMinutes, now)) continue;
      if (transition.notBeforeStart && now.getTime() < booking.startsAt.getTime()) continue;
      if (transition.action === 'accept' && needsEscortFirst(booking)) continue;
      allowed.add(transition.action);
    }
  }
  if (rule.may.includes('reschedule') && checkReschedule(booking, now, cancelCutoffMinutes).ok) allowed.add('reschedule');
  if (rule.may.includes('claim') && isOpenEscortRequest(booking)) allowed.add('claim');
  if (rule.may.includes('assign') && booking.service === 'escort' && (booking.status === 'requested' || booking.status === 'confirmed')) allowed.add('assign');
  if (rule.may.includes('verify_eligibility') && awaitsEligibilityCheck(booking)) allowed.add('verify_eligibility');
  return [...allowed];
}

/** An active escort booking whose claimed hardship group staff have not decided yet. */
export function awaitsEligibilityCheck(booking: { status: string; service: string; eligibilityCheck?: { status: string } | null }): boolean {
  return booking.service === 'escort' && (booking.status === 'requested' || booking.status === 'confirmed') && booking.eligibilityCheck?.status === 'pending';
}
