import { AppError } from '../../../../shared/errors';
import { maskName, maskPhone } from '../../../../shared/domain/masking';
import { phoneDigits } from '../../../../shared/schemas/common.schema';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { TrainingRepository } from '../../repositories/training.repository';
import type { UserRepository } from '../../repositories/user.repository';

const MAX_PEOPLE = 20;

/** Admin's district settings and the look-up of people to grant roles to. */
export class DistrictSettingsService {
  constructor(private readonly deps: { users: UserRepository; district: DistrictRepository; catalog: CatalogRepository; training: TrainingRepository }) {}

  /** What the settings page edits: each 街道's escort places, the holiday calendar, the year's training targets. */
  async current(year: number) {
    const [streets, calendar, targets] = await Promise.all([this.deps.district.listStreets(), this.deps.catalog.holidayCalendar(), this.deps.training.targetsOf(year)]);
    return {
      streets: streets.map((s) => ({ streetId: s._id, name: s.name, escortDailyCapacity: s.escortDailyCapacity })),
      holidays: calendar?.holidays ?? [],
      workdays: calendar?.workdays ?? [],
      trainingTargets: targets ? { year, districtTotal: targets.districtTotal, streets: targets.streets } : { year, districtTotal: null, streets: [] },
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

  async setEscortCapacity(streetId: string, capacity: number) {
    if (!(await this.deps.district.setEscortCapacity(streetId, capacity))) throw new AppError('NOT_FOUND');
    return { streetId, escortDailyCapacity: capacity };
  }
}
