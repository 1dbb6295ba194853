import { AppError } from '../../../../shared/errors';
import { monthsOf, paceLine, yearElapsedShare, yearEndForecast } from '../../../../shared/domain/dashboard';
import { streetScopeOf } from '../../../../shared/domain/permissions';
import { districtDateOf } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { BookingRepository, PlaceCount } from '../../repositories/booking.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { TrainingRepository } from '../../repositories/training.repository';
import type { Caller } from '../../runtime/caller';
import type { TrainingProgressService } from '../training/training-progress.service';

type Deps = { bookings: BookingRepository; training: TrainingRepository; district: DistrictRepository; trainingProgress: TrainingProgressService; clock: Clock };

type ServiceTotals = { advisorConsultations: number; escortServices: number; escortForHardship: number; escortFree: number; counselingSessions: number };

const zero = (): ServiceTotals => ({ advisorConsultations: 0, escortServices: 0, escortForHardship: 0, escortFree: 0, counselingSessions: 0 });

/** Adds one count row to a place's totals: only services given (completed) count; counseling as a number only. */
function add(totals: ServiceTotals, row: PlaceCount): void {
  if (row.service === 'advisor') totals.advisorConsultations += row.count;
  if (row.service === 'counseling') totals.counselingSessions += row.count;
  if (row.service === 'escort') {
    totals.escortServices += row.count;
    if (row.claimedHardship) totals.escortForHardship += row.count;
    if (row.free) totals.escortFree += row.count;
  }
}

/**
 * The district dashboard for a year, by 街道 and then 社区: training person-times (人次, with persons)
 * against the yearly targets with the share done, a pace line and a year-end forecast; the services
 * given (advisor consultations, escorts and how many were for hardship groups and free, counseling
 * sessions as a count only). Every count is the engine's (aggregation); staff see their 街道.
 */
export class DashboardService {
  constructor(private readonly deps: Deps) {}

  async overview(caller: Caller, input: { year?: number; streetId?: string }) {
    const now = this.deps.clock.now();
    const year = input.year ?? Number(districtDateOf(now).slice(0, 4));
    const scope = streetScopeOf(caller, input.streetId);
    if (scope.kind === 'none') throw new AppError('FORBIDDEN');
    const streetId = scope.kind === 'street' ? scope.streetId : null;
    const months = monthsOf(year);
    const [training, rows, monthly] = await Promise.all([
      this.deps.trainingProgress.progress(caller, { year, ...(streetId ? { streetId } : {}) }),
      this.deps.bookings.serviceCountsByPlace({ from: months[0]!.from, to: months[11]!.to, status: 'completed', ...(streetId ? { streetId } : {}) }),
      Promise.all(months.map((m) => this.deps.training.personTimesBetween(m.from, m.to, streetId))),
    ]);
    const elapsed = yearElapsedShare(year, now);
    const byStreet = new Map<string, ServiceTotals>();
    const byCommunity = new Map<string, ServiceTotals>();
    const district = zero();
    for (const row of rows) {
      add(district, row);
      if (row.streetId) add(byStreet.get(row.streetId) ?? byStreet.set(row.streetId, zero()).get(row.streetId)!, row);
      if (row.communityId) add(byCommunity.get(row.communityId) ?? byCommunity.set(row.communityId, zero()).get(row.communityId)!, row);
    }
    const target = streetId ? (training.streets[0]?.target ?? null) : (training.district?.target ?? null);
    const personTimes = streetId ? (training.streets[0]?.personTimes ?? 0) : (training.district?.personTimes ?? 0);
    return {
      year,
      asOf: districtDateOf(now),
      elapsedShare: Math.round(elapsed * 1000) / 1000,
      training: {
        personTimes,
        target,
        forecast: yearEndForecast(personTimes, elapsed),
        pace: paceLine(year, monthly, target, now),
      },
      district: streetId === null ? { ...training.district, ...district } : null,
      streets: training.streets.map((street) => ({
        ...street,
        forecast: yearEndForecast(street.personTimes, elapsed),
        ...(byStreet.get(street.streetId) ?? zero()),
        communities: street.communities.map((community) => ({ ...community, ...(byCommunity.get(community.communityId) ?? zero()) })),
      })),
    };
  }
}
