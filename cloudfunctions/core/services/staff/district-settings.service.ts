import { AppError } from '../../../../shared/errors';
import { maskName, maskPhone } from '../../../../shared/domain/masking';
import { phoneDigits } from '../../../../shared/schemas/common.schema';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { TrainingRepository } from '../../repositories/training.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { DashboardRepository } from '../../repositories/dashboard.repository';
import type { Clock } from '../../ports/clock';
import type { Caller } from '../../runtime/caller';
import { serviceTargetMeasures, targetSplitError, type ServiceTargetMeasure } from '../../../../shared/domain/dashboard-measures';

const MAX_PEOPLE = 20;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/** Admin's district settings and the look-up of people to grant roles to. */
export class DistrictSettingsService {
  constructor(
    private readonly deps: { users: UserRepository; district: DistrictRepository; catalog: CatalogRepository; training: TrainingRepository; dashboard: DashboardRepository; clock: Clock },
  ) {}

  /** What the settings page edits: each 街道's escort places, the holiday calendar, the year's training targets. */
  async current(year: number) {
    const [streets, calendar, targets, serviceTargets] = await Promise.all([
      this.deps.district.listStreets(),
      this.deps.catalog.holidayCalendar(),
      this.deps.training.targetsOf(year),
      this.deps.dashboard.serviceTargetsOf(year),
    ]);
    return {
      streets: streets.map((s) => ({ streetId: s._id, name: s.name, escortDailyCapacity: s.escortDailyCapacity })),
      holidays: calendar?.holidays ?? [],
      workdays: calendar?.workdays ?? [],
      trainingTargets: targets ? { year, districtTotal: targets.districtTotal, streets: targets.streets } : { year, districtTotal: null, streets: [] },
      serviceTargets: serviceTargetMeasures.map((measure) => {
        const doc = serviceTargets.find((t) => t.measure === measure);
        return { measure, districtTotal: doc?.districtTotal ?? null, streets: doc?.streets ?? [] };
      }),
    };
  }

  /**
   * Finds people by their full phone number or part of their name. Names and phones come back
   * masked: enough to tell two people apart on a shared screen, not to copy a number.
   */
  async findPeople(query: string) {
    const digits = phoneDigits(query);
    const byPhone = /^1[3-9]\d{9}$/.test(digits);
    const found = await this.deps.users.findPeople(byPhone ? { phone: digits } : { nameContains: query }, MAX_PEOPLE);
    return {
      items: found.map((user) => ({
        userId: user._id,
        name: user.name ? maskName(user.name) : null,
        phone: user.phone ? maskPhone(user.phone) : null,
        communityId: user.communityId,
        roles: user.roles,
        staffStreetId: user.staffStreetId,
      })),
      more: found.length === MAX_PEOPLE,
    };
  }

  /** A year's target of one service measure: every 街道 known once, the split adding up to the district's. */
  async setServiceTargets(caller: Caller, input: { year: number; measure: ServiceTargetMeasure; districtTotal: number; streets: { streetId: string; target: number }[] }) {
    const known = new Set((await this.deps.district.listStreets()).map((s) => s._id));
    const seen = new Set<string>();
    input.streets.forEach((s, i) => {
      if (!known.has(s.streetId)) throw invalid(`streets.${i}.streetId`, '没有这个街道');
      if (seen.has(s.streetId)) throw invalid(`streets.${i}.streetId`, '这个街道填了两次');
      seen.add(s.streetId);
    });
    const split = targetSplitError(input.districtTotal, input.streets);
    if (split) throw invalid('streets', split);
    const streets = input.streets.map((s) => ({ streetId: s.streetId, target: s.target }));
    await this.deps.dashboard.saveServiceTargets({
      _id: `${input.year}:${input.measure}`,
      year: input.year,
      measure: input.measure,
      districtTotal: input.districtTotal,
      streets,
      setBy: caller.userId,
      updatedAt: this.deps.clock.now(),
    });
    return { year: input.year, measure: input.measure, districtTotal: input.districtTotal, streets };
  }

  async setEscortCapacity(streetId: string, capacity: number) {
    if (!(await this.deps.district.setEscortCapacity(streetId, capacity))) throw new AppError('NOT_FOUND');
    return { streetId, escortDailyCapacity: capacity };
  }
}
