import { AppError } from '../../../../shared/errors';
import { signupIdOf } from '../../../../shared/domain/volunteer/activity-keys';
import { mayWithdraw, signUpOpen, skillsFit } from '../../../../shared/domain/volunteer/activity-rules';
import type { Caller } from '../../runtime/caller';
import { endOutcomeId, offerOutcomeId, type ActivityDoc, type SignupDoc } from '../../repositories/activity.repository';
import type { VolunteerDirectory } from '../../repositories/volunteer.repository';
import type { ActivityPlaces, PlacesDeps } from './activity-places';
import { ACTIVITY_SIGNUP_WITHDRAWN } from './activity-notices';

type Deps = PlacesDeps & { places: ActivityPlaces; directory: VolunteerDirectory };

export type SignupView = { activityId: string; role: string; state: SignupDoc['state']; position: number | null; offerExpiresAt: string | null };

export function signupView(signup: SignupDoc, position: number | null = null): SignupView {
  return {
    activityId: signup.activityId,
    role: signup.role,
    state: signup.state,
    position,
    offerExpiresAt: signup.state === 'offered' && signup.offerExpiresAt ? signup.offerExpiresAt.toISOString() : null,
  };
}

/** A volunteer's side: take a place (or a waiting ticket), give it up, answer an offer. */
export class ActivitySignupService {
  constructor(private readonly deps: Deps) {}

  private async openActivity(activityId: string): Promise<ActivityDoc> {
    const activity = await this.deps.activities.findById(activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    return activity;
  }

  async signUp(caller: Caller, activityId: string, roleCode: string): Promise<SignupView> {
    const now = this.deps.clock.now();
    const activity = await this.openActivity(activityId);
    const role = activity.roles.find((r) => r.code === roleCode);
    if (!role) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'role', message: '没有这个岗位' }] });
    if (!signUpOpen(activity, now)) throw new AppError('SIGNUP_CLOSED');
    if (!skillsFit(role.skills, await this.deps.directory.approvedSkillsOf(caller.userId))) throw new AppError('SKILLS_MISMATCH');
    const { signup, created } = await this.deps.activities.insertSignup({
      _id: signupIdOf(activity._id, caller.userId),
      activityId: activity._id,
      userId: caller.userId,
      role: role.code,
      state: 'holding',
      ticket: null,
      offerId: null,
      offerExpiresAt: null,
      startsAt: activity.startsAt,
      createdAt: now,
      updatedAt: now,
    });
    // A retry of the same sign-up still being taken resumes it; anything else is a second one.
    if (!created && !(signup.state === 'holding' && signup.role === role.code)) throw new AppError('ALREADY_SIGNED_UP');
    return signupView(await this.deps.places.resume(activity, signup));
  }

  private async mySignup(caller: Caller, activityId: string): Promise<{ activity: ActivityDoc; signup: SignupDoc }> {
    const activity = await this.deps.activities.findById(activityId);
    const signup = activity ? await this.deps.activities.findSignup(signupIdOf(activityId, caller.userId)) : null;
    if (!activity || !signup) throw new AppError('NOT_FOUND');
    return { activity, signup };
  }

  /**
   * Gives up a place (before the cut-off) or leaves the waiting list (any time before the start).
   * The end is decided once (`end:<signupId>`); the freed seat is offered to the first in line.
   */
  async withdraw(caller: Caller, activityId: string): Promise<SignupView> {
    const now = this.deps.clock.now();
    const { activity, signup } = await this.mySignup(caller, activityId);
    if (!['placed', 'offered', 'waiting', 'holding'].includes(signup.state)) throw new AppError('CONFLICT');
    const holdsPlace = signup.state === 'placed' || signup.state === 'offered';
    if (holdsPlace && !mayWithdraw(activity.withdrawCutoffAt, now)) {
      throw new AppError('WITHDRAWAL_CLOSED', { contactPhone: activity.contactPhone }, `已经过了可以退出的时间，请打电话给组织者：${activity.contactPhone}`);
    }
    if (!(await this.deps.activities.decide(endOutcomeId(signup._id), 'withdrawn', caller.userId, now))) throw new AppError('CONFLICT');
    // An offer still open is closed as withdrawn, so neither confirm nor the lapse timer acts on it.
    if (signup.offerId) await this.deps.activities.decide(offerOutcomeId(signup.offerId), 'withdrawn', caller.userId, now);
    await this.deps.places.releaseAll(activity, signup.role, signup._id);
    await this.deps.activities.setSignup(signup._id, { state: 'withdrawn', offerExpiresAt: null }, now);
    await this.deps.places.event(activity, ACTIVITY_SIGNUP_WITHDRAWN, signup._id, [caller.userId]);
    if (holdsPlace) await this.deps.places.promote(activity, signup.role);
    return signupView({ ...signup, state: 'withdrawn' });
  }

  /** Answers the caller's open offer; of concurrent answers (and the lapse timer) one decides. */
  async answerOffer(caller: Caller, activityId: string, answer: 'confirmed' | 'declined'): Promise<SignupView> {
    const now = this.deps.clock.now();
    const { activity, signup } = await this.mySignup(caller, activityId);
    const offer = signup.offerId ? await this.deps.activities.findOffer(signup.offerId) : null;
    if (!offer || signup.state !== 'offered') throw new AppError(signup.state === 'lapsed' ? 'OFFER_EXPIRED' : 'NO_OPEN_OFFER');
    if (now >= offer.expiresAt) throw new AppError('OFFER_EXPIRED');
    if (!(await this.deps.activities.decide(offerOutcomeId(offer._id), answer, caller.userId, now))) {
      const decided = await this.deps.activities.outcomeOf(offerOutcomeId(offer._id));
      throw new AppError(decided?.outcome === 'lapsed' ? 'OFFER_EXPIRED' : 'CONFLICT');
    }
    await this.deps.places.settle(activity, offer, answer);
    if (answer === 'confirmed') {
      await this.deps.places.event(activity, 'activity_signup_placed', signup._id, [caller.userId], { role: signup.role });
    } else {
      await this.deps.activities.decide(endOutcomeId(signup._id), 'declined', caller.userId, now);
      await this.deps.places.promote(activity, signup.role);
    }
    return signupView({ ...signup, state: answer === 'confirmed' ? 'placed' : 'declined' });
  }
}
