import { AppError } from '../../../../shared/errors';
import { lockIds, timeBuckets } from '../../../../shared/domain/hold-keys';
import { activitySubject, claimNumber, offerIdOf, placePool, volunteerPersonKey, waitPool } from '../../../../shared/domain/volunteer/activity-keys';
import { offerDeadline } from '../../../../shared/domain/volunteer/activity-rules';
import type { Clock } from '../../ports/clock';
import type { EventLog } from '../../ports/event-log';
import { endOutcomeId, offerOutcomeId, type ActivityDoc, type ActivityRepository, type OfferDoc, type SignupDoc, type SignupState } from '../../repositories/activity.repository';
import type { HoldRepository } from '../../repositories/hold.repository';

export type PlacesDeps = { activities: ActivityRepository; holds: HoldRepository; outbox: EventLog; clock: Clock };

/** What an offer's outcome leaves the sign-up in. */
const stateAfterOffer: Record<string, SignupState> = { confirmed: 'placed', declined: 'declined', lapsed: 'lapsed', withdrawn: 'withdrawn', cancelled: 'cancelled' };

/**
 * The claims behind places, shared by sign-up, withdrawal, offers and repair. Every step is
 * idempotent and ordered so that a crash between two writes leaves what `resume` or repair finishes:
 * the sign-up record (holding), the overlap locks, then a seat or a waiting ticket, then the state.
 */
export class ActivityPlaces {
  constructor(private readonly deps: PlacesDeps) {}

  async event(activity: ActivityDoc, type: string, key: string, recipients: string[], payload: Record<string, unknown> = {}): Promise<void> {
    if (recipients.length === 0) return;
    await this.deps.outbox.add({
      _id: `${type}:${key}`,
      type,
      subject: { kind: 'activity', id: activity._id },
      recipients,
      payload: { title: activity.title, startsAt: activity.startsAt.toISOString(), place: activity.place, ...payload },
      at: this.deps.clock.now(),
      processedAt: null,
    });
  }

  /**
   * Takes the claims of a sign-up in `holding`: the volunteer's time, then a seat of the role, or a
   * ticket on its waiting list when the role is full or others wait already (they come first).
   * Undone (failed, locks freed) when the time overlaps another activity of theirs.
   */
  async resume(activity: ActivityDoc, signup: SignupDoc): Promise<SignupDoc> {
    const now = this.deps.clock.now();
    const subject = activitySubject(signup._id);
    const role = activity.roles.find((r) => r.code === signup.role);
    if (!role || activity.status !== 'open') return this.fail(signup, activity.status === 'open' ? 'NOT_FOUND' : 'ACTIVITY_CANCELLED');
    const foreign = await this.deps.holds.lockBuckets(volunteerPersonKey(signup.userId), subject, timeBuckets(activity.startsAt, activity.endsAt), now);
    if (foreign.length > 0) return this.fail(signup, 'OVERLAPPING_ACTIVITY');
    const existingSeat = (await this.deps.holds.seatsOf(subject)).find((seat) => seat.pool === placePool(activity._id, role.code));
    const waiting = existingSeat ? false : await this.othersWaiting(activity, role.code, signup._id);
    const seat = existingSeat ?? (waiting ? null : await this.deps.holds.takeSeat(placePool(activity._id, role.code), role.count, subject, activity.startsAt, now));
    if (seat) {
      await this.deps.activities.setSignup(signup._id, { state: 'placed' }, now);
      await this.event(activity, 'activity_signup_placed', signup._id, [signup.userId], { role: role.label });
      return { ...signup, state: 'placed' };
    }
    const ticket = await this.deps.holds.takeTicket(waitPool(activity._id, role.code), subject, activity.startsAt, now);
    const number = claimNumber(ticket._id);
    await this.deps.activities.setSignup(signup._id, { state: 'waiting', ticket: number }, now);
    await this.event(activity, 'activity_signup_waiting', signup._id, [signup.userId], { role: role.label, position: number });
    // A seat may have freed while the ticket was taken: offer it (to the first in line, maybe us).
    await this.promote(activity, role.code);
    return { ...signup, state: 'waiting', ticket: number };
  }

  private async fail(signup: SignupDoc, code: 'OVERLAPPING_ACTIVITY' | 'NOT_FOUND' | 'ACTIVITY_CANCELLED'): Promise<never> {
    // Nothing of the attempt stays: the record goes, so a later sign-up (after the clash) starts afresh.
    await this.deps.holds.releaseLocks(activitySubject(signup._id));
    await this.deps.activities.deleteSignup(signup._id);
    throw new AppError(code);
  }

  /** Whether someone holding a ticket of the role still waits (not counting `self`). */
  private async othersWaiting(activity: ActivityDoc, role: string, self: string): Promise<boolean> {
    const tickets = await this.deps.holds.seatsIn(waitPool(activity._id, role));
    const others = tickets.map((t) => t.subject.id).filter((id) => id !== self);
    if (others.length === 0) return false;
    return (await this.deps.activities.signupsByIds(others)).some((s) => s.state === 'waiting' || s.state === 'holding');
  }

  /**
   * While the role has a free seat and someone waits, offers it to the first waiting ticket. One
   * offer per ticket (its `_id`), so concurrent promoters never offer one person twice, and each
   * takes the lowest waiting ticket, so nobody is skipped. Stops when the role is full again.
   */
  async promote(activity: ActivityDoc, roleCode: string): Promise<number> {
    const role = activity.roles.find((r) => r.code === roleCode);
    if (!role || activity.status !== 'open') return 0;
    let offered = 0;
    for (let guard = 0; guard < role.count + 50; guard += 1) {
      const now = this.deps.clock.now();
      const expiresAt = offerDeadline(now, activity.startsAt);
      if (!expiresAt) return offered;
      const tickets = (await this.deps.holds.seatsIn(waitPool(activity._id, role.code))).sort((a, b) => claimNumber(a._id) - claimNumber(b._id));
      const signups = new Map((await this.deps.activities.signupsByIds(tickets.map((t) => t.subject.id))).map((s) => [s._id, s]));
      const next = tickets.find((t) => signups.get(t.subject.id)?.state === 'waiting');
      if (!next) return offered;
      const signup = signups.get(next.subject.id)!;
      const ticket = claimNumber(next._id);
      // The seat first, then the offer: an offer written for a role found full would stay behind
      // and lapse the volunteer later without their ever being offered anything. The seat is held
      // by the sign-up, so a concurrent promoter of the same ticket gets this same seat back.
      const seat = await this.deps.holds.takeSeat(placePool(activity._id, role.code), role.count, activitySubject(signup._id), activity.startsAt, now);
      if (!seat) return offered;
      const offer = await this.deps.activities.insertOffer({
        _id: offerIdOf(activity._id, role.code, ticket),
        activityId: activity._id,
        role: role.code,
        ticket,
        signupId: signup._id,
        userId: signup.userId,
        expiresAt,
        createdAt: now,
      });
      const result = await this.carryOut(activity, offer);
      if (result === 'full') return offered;
      if (result === 'offered') offered += 1;
    }
    return offered;
  }

  /**
   * Carries an offer through: its seat taken, the sign-up marked offered, the volunteer told. An
   * offer decided already (or whose sign-up ended) is settled instead. Idempotent: concurrent
   * promoters and repair may run it on one offer.
   */
  async carryOut(activity: ActivityDoc, offer: OfferDoc): Promise<'offered' | 'settled' | 'full'> {
    const now = this.deps.clock.now();
    const outcome = await this.deps.activities.outcomeOf(offerOutcomeId(offer._id));
    if (outcome) {
      await this.settle(activity, offer, outcome.outcome);
      return 'settled';
    }
    const role = activity.roles.find((r) => r.code === offer.role)!;
    const subject = activitySubject(offer.signupId);
    const seat = await this.deps.holds.takeSeat(placePool(activity._id, role.code), role.count, subject, activity.startsAt, now);
    if (!seat) return 'full';
    // A withdrawal that ended the sign-up meanwhile wins: the seat goes back.
    if (await this.deps.activities.outcomeOf(endOutcomeId(offer.signupId))) {
      await this.deps.activities.decide(offerOutcomeId(offer._id), 'withdrawn', null, now);
      await this.settle(activity, offer, 'withdrawn');
      return 'settled';
    }
    const signup = await this.deps.activities.findSignup(offer.signupId);
    if (signup?.state === 'waiting') await this.deps.activities.setSignup(offer.signupId, { state: 'offered', offerId: offer._id, offerExpiresAt: offer.expiresAt }, now);
    await this.event(activity, 'activity_offer', offer._id, [offer.userId], { role: role.label, expiresAt: offer.expiresAt.toISOString() });
    return 'offered';
  }

  /** Applies a decided offer: confirmed keeps the seat; any other outcome frees seat and time. */
  async settle(activity: ActivityDoc, offer: OfferDoc, outcome: string): Promise<void> {
    const now = this.deps.clock.now();
    const state = stateAfterOffer[outcome] ?? 'lapsed';
    if (state !== 'placed') await this.releaseAll(activity, offer.role, offer.signupId);
    const signup = await this.deps.activities.findSignup(offer.signupId);
    if (signup && signup.state !== state && (signup.state === 'offered' || signup.state === 'waiting')) {
      await this.deps.activities.setSignup(offer.signupId, { state, offerExpiresAt: null }, now);
    }
  }

  /**
   * Frees a sign-up's seat and time. Its waiting ticket stays (until purged with the activity): a
   * ticket number is never handed out twice, so one ticket's offer can never be another's.
   */
  async releaseAll(activity: ActivityDoc, role: string, signupId: string): Promise<void> {
    await this.deps.holds.releaseSeats(activitySubject(signupId), [waitPool(activity._id, role)]);
    await this.deps.holds.releaseLocks(activitySubject(signupId));
  }

  /** The lock ids a live sign-up holds (for repair's check of stray locks). */
  liveLockIds(activity: ActivityDoc, userId: string): string[] {
    return lockIds(volunteerPersonKey(userId), activity.startsAt, activity.endsAt);
  }
}
