import { AppError } from '../../../../shared/errors';
import { maskName, maskPhone } from '../../../../shared/domain/masking';
import { phoneDigits } from '../../../../shared/schemas/common.schema';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { UserRepository } from '../../repositories/user.repository';

const MAX_PEOPLE = 20;

/** Admin's district settings and the look-up of people to grant roles to. */
export class DistrictSettingsService {
  constructor(private readonly deps: { users: UserRepository; district: DistrictRepository }) {}

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
