import type { BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import { ESCORT_REQUEST_OPEN, escortsToTell } from '../../../../shared/domain/escort-pool';
import { bookingSubject, escortPersonKey, lockIds } from '../../../../shared/domain/hold-keys';
import type { BookingDoc, BookingRepository, StoredStatus, TransitionDoc } from '../../repositories/booking.repository';
import type { HoldRepository } from '../../repositories/hold.repository';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';

/** Statuses whose seat and time locks are given back. */
export const RELEASING: readonly StoredStatus[] = ['declined', 'expired', 'cancelled', 'failed'];

/** The time locks an active booking should hold: its person's, and its escort's once it has one. */
export function liveLockIds(booking: Pick<BookingDoc, 'service' | 'personKey' | 'providerId' | 'startsAt' | 'endsAt'>): string[] {
  const own = lockIds(booking.personKey, booking.startsAt, booking.endsAt);
  if (booking.service !== 'escort' || !booking.providerId) return own;
  return [...own, ...lockIds(escortPersonKey(booking.providerId), booking.startsAt, booking.endsAt)];
}

export type EffectDeps = { bookings: BookingRepository; holds: HoldRepository; outbox: EventLog; providers: ProviderRepository };

/**
 * What follows a won transition: the booking document catches up with the transition record, the
 * holds a finished booking no longer needs are released, and the event is recorded. Each step is
 * idempotent, so the repair step can run it again after a crash.
 */
export async function applyTransition(deps: EffectDeps, booking: BookingDoc, t: TransitionDoc): Promise<BookingDoc> {
  const next: BookingDoc = { ...booking, ...t.changes, status: t.to, version: t.seq, updatedAt: t.at };
  if (booking.version < t.seq) {
    await deps.bookings.set(booking._id, { ...t.changes, status: t.to, version: t.seq, updatedAt: t.at });
  }
  if (t.changes.pool && t.changes.pool !== booking.pool) {
    // A reschedule: the new seat and locks were taken before the record; now free the old ones.
    await deps.holds.releaseSeats(bookingSubject(booking._id), [t.changes.pool]);
    await deps.holds.releaseLocks(bookingSubject(booking._id), lockIds(next.personKey, next.startsAt, next.endsAt));
  }
  if (RELEASING.includes(t.to)) await release(deps, next);
  await recordEvent(deps, next, t, booking.providerId);
  await announceEscortRequest(deps, next, t);
  return next;
}

export async function release(deps: EffectDeps, booking: BookingDoc): Promise<void> {
  await deps.holds.releaseSeats(bookingSubject(booking._id));
  await deps.holds.releaseLocks(bookingSubject(booking._id));
  if (!booking.released) await deps.bookings.set(booking._id, { released: true });
  booking.released = true;
}

/** The notice each transition is owed; never carries a counseling topic or notes. */
async function recordEvent(deps: EffectDeps, booking: BookingDoc, t: TransitionDoc, previousProviderId: string | null): Promise<void> {
  if (t.to === 'failed') return;
  const userOf = async (providerId: string | null) => (providerId ? (await deps.providers.findById(providerId))?.userId ?? null : null);
  const providerUserId = await userOf(booking.providerId);
  // A reassignment takes the job from someone: they must hear of it, or they turn up for nothing.
  const previousUserId = previousProviderId !== booking.providerId ? await userOf(previousProviderId) : null;
  const type = t.action === 'create' ? 'booking_requested' : `booking_${t.action}`;
  const recipients = new Set<string>();
  // The resident hears of every change made by someone else; the provider of what residents do.
  if (t.actorId !== booking.bookerId) recipients.add(booking.bookerId);
  if (providerUserId && t.actorId !== providerUserId) recipients.add(providerUserId);
  if (previousUserId && t.actorId !== previousUserId) recipients.add(previousUserId);
  await deps.outbox.add({
    _id: `transition:${t._id}`,
    type,
    subject: bookingSubject(booking._id),
    recipients: [...recipients],
    payload: {
      service: booking.service,
      status: t.to as BookingStatus,
      startsAt: booking.startsAt.toISOString(),
      reason: booking.service === 'counseling' ? null : t.reason,
    },
    at: t.at,
    processedAt: null,
  });
}

/**
 * A new escort request waits in the pool: the escorts who may claim it hear of it. The event id is
 * the booking's, so a retried create, the repair step and a racing retry record it once, and the
 * notices made from it are keyed by that id: one per escort and request. Like every event it holds
 * no personal data; the notice names only the time and the hospital.
 */
async function announceEscortRequest(deps: EffectDeps, booking: BookingDoc, t: TransitionDoc): Promise<void> {
  if (booking.service !== 'escort' || t.action !== 'create' || t.to !== 'requested' || booking.providerId !== null) return;
  const escorts = await deps.providers.list({ kind: 'escort', activeOnly: true });
  await deps.outbox.add({
    _id: `${ESCORT_REQUEST_OPEN}:${booking._id}`,
    type: ESCORT_REQUEST_OPEN,
    subject: bookingSubject(booking._id),
    recipients: escortsToTell(escorts, booking),
    payload: { service: booking.service, status: 'requested', startsAt: booking.startsAt.toISOString(), reason: null },
    at: t.at,
    processedAt: null,
  });
}
