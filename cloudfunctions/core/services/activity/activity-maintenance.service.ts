import { DAY_MS } from '../../../../shared/domain/time';
import { activitySubject } from '../../../../shared/domain/volunteer/activity-keys';
import { offerOutcomeId, type ActivityDoc } from '../../repositories/activity.repository';
import type { ActivityPlaces, PlacesDeps } from './activity-places';

/** A write this old with nothing following it is taken as interrupted (as for bookings). */
export const ACTIVITY_REPAIR_GRACE_MS = 2 * 60_000;
const LOOKBACK_MS = 2 * DAY_MS;

type Deps = PlacesDeps & { places: ActivityPlaces };

/** The activity timers: offers not confirmed in time pass on; interrupted writes are finished or undone. */
export class ActivityMaintenanceService {
  constructor(private readonly deps: Deps) {}

  private async activityOf(cache: Map<string, ActivityDoc | null>, id: string): Promise<ActivityDoc | null> {
    if (!cache.has(id)) cache.set(id, await this.deps.activities.findById(id));
    return cache.get(id) ?? null;
  }

  /** Each offer past its deadline and still open lapses (decided once) and the place goes to the next. */
  async expireOffers(): Promise<{ lapsed: number }> {
    const now = this.deps.clock.now();
    const cache = new Map<string, ActivityDoc | null>();
    let lapsed = 0;
    for (const offer of await this.deps.activities.offersDueBy(now, 500)) {
      const activity = await this.activityOf(cache, offer.activityId);
      if (!activity) continue;
      if (await this.deps.activities.decide(offerOutcomeId(offer._id), 'lapsed', null, now)) {
        await this.deps.places.settle(activity, offer, 'lapsed');
        await this.deps.places.event(activity, 'activity_offer_lapsed', offer._id, [offer.userId]);
        lapsed += 1;
      }
      await this.deps.places.promote(activity, offer.role);
    }
    return { lapsed };
  }

  /**
   * 1. a sign-up left in `holding` is resumed (placed, waiting, or undone when its time clashes);
   * 2. an offer made but not carried through (seat, state, notice) is carried through or settled;
   * 3. a seat or lock of a sign-up that ended, or of none, is freed, and its role promoted;
   * 4. holds of activities more than two days past are purged.
   */
  async repair(): Promise<{ resumed: number; offers: number; freed: number; purged: number }> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - ACTIVITY_REPAIR_GRACE_MS);
    const since = new Date(now.getTime() - LOOKBACK_MS);
    const cache = new Map<string, ActivityDoc | null>();
    const report = { resumed: 0, offers: 0, freed: 0, purged: 0 };
    for (const signup of await this.deps.activities.stuckInHolding(before)) {
      const activity = await this.activityOf(cache, signup.activityId);
      if (!activity) continue;
      await this.deps.places.resume(activity, signup).catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AppError')) throw error;
      });
      report.resumed += 1;
    }
    for (const offer of await this.deps.activities.offersSince(since)) {
      const activity = await this.activityOf(cache, offer.activityId);
      const signup = await this.deps.activities.findSignup(offer.signupId);
      if (!activity || signup?.state !== 'waiting') continue;
      await this.deps.places.carryOut(activity, offer);
      report.offers += 1;
    }
    report.purged = await this.deps.holds.purgePast('activity', since);
    const { seats, locks } = await this.deps.holds.staleHolds('activity', before, since);
    const ids = [...new Set([...seats, ...locks].map((h) => h.subject.id))];
    const signups = new Map((await this.deps.activities.signupsByIds(ids)).map((s) => [s._id, s]));
    const toPromote = new Map<string, ActivityDoc>();
    for (const id of ids) {
      const signup = signups.get(id);
      if (signup && ['holding', 'placed', 'waiting', 'offered'].includes(signup.state)) continue;
      const activity = signup ? await this.activityOf(cache, signup.activityId) : null;
      if (activity && signup) {
        await this.deps.places.releaseAll(activity, signup.role, id);
        toPromote.set(`${activity._id}|${signup.role}`, activity);
      } else {
        await this.deps.holds.releaseSeats(activitySubject(id));
        await this.deps.holds.releaseLocks(activitySubject(id));
      }
      report.freed += 1;
    }
    for (const [key, activity] of toPromote) await this.deps.places.promote(activity, key.split('|')[1]!);
    return report;
  }
}
