import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import { volunteerSkillCodes, type VolunteerSkill } from '../../../shared/domain/volunteer/skills';

type VolunteerRecord = { _id: string; userId?: string; skills?: unknown };

/**
 * The port activities read a volunteer's skills through. The volunteer record itself belongs to
 * registration; this reads only its `skills` field, by user id (as `_id` or a `userId` field), so
 * either way the registration side stores it is understood. Unknown codes are dropped.
 */
export type VolunteerDirectory = { skillsOf(userId: string): Promise<VolunteerSkill[]> };

export class VolunteerDirectoryRepository implements VolunteerDirectory {
  private readonly volunteers: Collection<VolunteerRecord>;

  constructor(db: Db) {
    this.volunteers = resilientCollection<VolunteerRecord>(db, 'volunteers');
  }

  async skillsOf(userId: string): Promise<VolunteerSkill[]> {
    const record = await this.volunteers.findOne({ $or: [{ _id: userId }, { userId }] });
    const skills = Array.isArray(record?.skills) ? record.skills : [];
    return skills.filter((skill): skill is VolunteerSkill => (volunteerSkillCodes as readonly unknown[]).includes(skill));
  }
}
