import { maskIdNumber } from '../../../../shared/domain/masking';
import { mayDecideApplication, relationToApplication, streetScopeOf } from '../../../../shared/domain/permissions';
import { dayjs, DISTRICT_TZ } from '../../../../shared/domain/time';
import { ESCORT_SKILL, volunteerSkillLabels, type VolunteerSkill } from '../../../../shared/domain/volunteer/registration-codes';
import { isOpenApplication, type ApplicationStatus } from '../../../../shared/domain/volunteer/registration-status';
import { AppError } from '../../../../shared/errors';
import type { VolunteerApplicationInput } from '../../../../shared/schemas/volunteer-registration.schema';
import type { Clock } from '../../ports/clock';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { ApplicationDoc, ApplicationScope, VolunteerRepository } from '../../repositories/volunteer.repository';
import type { Caller } from '../../runtime/caller';
import type { IdNumberCipher } from './id-number-crypto';
import type { RegistrationTransitions } from './registration-transitions';
import { applicationDetail, applicationListItem, historyLine } from './registration-view';

type Deps = {
  volunteers: VolunteerRepository;
  district: DistrictRepository;
  transitions: RegistrationTransitions;
  clock: Clock;
  /** Null when no key is configured: an ID number is then refused rather than stored in the clear. */
  cipher: IdNumberCipher | null;
};

/** Volunteers apply from 18 (an adult's consent) and the form is for people who can still serve. */
const MIN_AGE = 18;
const MAX_AGE = 100;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/** Registration and approval of 银龄行动 volunteers: apply, status, the 街道's decisions, leaving. */
export class RegistrationService {
  constructor(private readonly deps: Deps) {}

  async apply(caller: Caller, input: VolunteerApplicationInput) {
    const now = this.deps.clock.now();
    const community = await this.deps.district.findCommunity(input.communityId);
    if (!community) throw invalid('communityId', '没有这个社区');
    const age = dayjs(now).tz(DISTRICT_TZ).year() - input.birthYear;
    if (age < MIN_AGE || age > MAX_AGE) throw invalid('birthYear', `出生年份不对（年满 ${MIN_AGE} 岁才能报名）`);
    if (input.idNumber && !this.deps.cipher) throw new AppError('INTERNAL', { reason: 'ID_NUMBER_KEY is not configured' });
    const latest = await this.deps.volunteers.latestOf(caller.userId);
    if (latest && isOpenApplication(latest.status)) throw new AppError('APPLICATION_OPEN', { status: latest.status });
    const seq = (latest?.seq ?? 0) + 1;
    const doc: ApplicationDoc = {
      _id: `va-${caller.userId}-${seq}`,
      userId: caller.userId,
      seq,
      communityId: community._id,
      streetId: community.streetId,
      status: 'pending',
      version: 0,
      profile: {
        name: input.name,
        gender: input.gender,
        birthYear: input.birthYear,
        phone: input.phone,
        background: input.background,
        skills: input.skills,
        skillNote: input.skillNote || null,
        availability: input.availability,
        emergencyContact: input.emergencyContact,
        health: { fitForService: input.health.fitForService, conditions: input.health.conditions || null },
      },
      idNumber: input.idNumber && this.deps.cipher ? { sealed: this.deps.cipher.seal(input.idNumber, caller.userId), masked: maskIdNumber(input.idNumber) } : null,
      consent: { version: input.consent.version, at: now },
      submittedAt: now,
      updatedAt: now,
      decision: null,
      leftAt: null,
      volunteerNumber: null,
      grantedRoles: [],
    };
    // Another apply of this person took the same number first: theirs is the open one.
    if (!(await this.deps.volunteers.insertApplication(doc))) throw new AppError('APPLICATION_OPEN');
    return applicationDetail(doc, 'applicant', community.name);
  }

  /** The caller's latest application (any status) and the ones before it. */
  async myApplication(caller: Caller) {
    const history = await this.deps.volunteers.historyOf(caller.userId);
    const current = history[0] ?? null;
    return {
      current: current ? applicationDetail(current, 'applicant', await this.communityName(current.communityId)) : null,
      history: history.map(historyLine),
      mayApply: !current || !isOpenApplication(current.status),
    };
  }

  /** The caller as a volunteer: number, approved skills, masked ID; `volunteer: false` otherwise. */
  async me(caller: Caller) {
    const latest = await this.deps.volunteers.latestOf(caller.userId);
    const number = latest?.volunteerNumber ?? (await this.deps.volunteers.numberOf(caller.userId));
    const approved = latest?.status === 'approved';
    const skills: VolunteerSkill[] = approved ? (latest.decision?.skills ?? []) : [];
    return {
      volunteer: approved,
      status: (latest?.status ?? null) as ApplicationStatus | null,
      volunteerNumber: number,
      name: latest?.profile.name ?? null,
      skills,
      skillLabels: skills.map((s) => volunteerSkillLabels[s]),
      escort: skills.includes(ESCORT_SKILL),
      idNumber: latest?.idNumber?.masked ?? null,
      hasIdNumber: Boolean(latest?.idNumber),
      since: approved ? (latest.decision?.at.toISOString() ?? null) : null,
    };
  }

  /** Deletes the caller's ID number from every application they made (Art. 20; deletion after use). */
  async deleteIdNumber(caller: Caller) {
    const deleted = await this.deps.volunteers.eraseIdNumbers(caller.userId, this.deps.clock.now());
    return { deleted };
  }

  async leave(caller: Caller, reason: string | undefined) {
    const latest = await this.deps.volunteers.latestOf(caller.userId);
    if (!latest || latest.status !== 'approved') throw new AppError('NOT_A_VOLUNTEER');
    const after = await this.deps.transitions.run(latest, { action: 'leave', actorId: caller.userId, reason });
    return applicationDetail(after, 'applicant', await this.communityName(after.communityId));
  }

  /** Applications of the caller's 街道 (admin: the district or one 街道), newest first. */
  async list(caller: Caller, query: { status?: ApplicationStatus; streetId?: string; page: number; pageSize: number }) {
    const scope = streetScopeOf(caller, query.streetId);
    if (scope.kind === 'none') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const repoScope: ApplicationScope = scope.kind === 'any' ? { kind: 'any' } : { kind: 'street', streetId: scope.streetId };
    const { items, total } = await this.deps.volunteers.page(repoScope, query.status, { skip: (query.page - 1) * query.pageSize, limit: query.pageSize });
    const names = new Map((await this.deps.district.listCommunities()).map((c) => [c._id, c.name]));
    return { items: items.map((doc) => applicationListItem(doc, names.get(doc.communityId) ?? null)), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(caller: Caller, applicationId: string) {
    const { doc, relation } = await this.readFor(caller, applicationId);
    return applicationDetail(doc, relation, await this.communityName(doc.communityId));
  }

  async approve(caller: Caller, applicationId: string, skills: VolunteerSkill[], note: string | undefined) {
    const { doc } = await this.readForDecision(caller, applicationId);
    const unclaimed = skills.filter((s) => !doc.profile.skills.includes(s));
    if (unclaimed.length > 0) throw invalid('skills', `只能通过申请人填写的技能：${unclaimed.map((s) => volunteerSkillLabels[s]).join('、')}不在其中`);
    const after = await this.deps.transitions.run(doc, { action: 'approve', actorId: caller.userId, skills, note });
    return applicationDetail(after, 'staff', await this.communityName(after.communityId));
  }

  async reject(caller: Caller, applicationId: string, reason: string) {
    const { doc } = await this.readForDecision(caller, applicationId);
    const after = await this.deps.transitions.run(doc, { action: 'reject', actorId: caller.userId, reason });
    return applicationDetail(after, 'staff', await this.communityName(after.communityId));
  }

  private async readForDecision(caller: Caller, applicationId: string) {
    const found = await this.readFor(caller, applicationId);
    // Staff applying themselves are the applicant of their own application, and nobody decides their own.
    if (!mayDecideApplication(found.relation)) throw new AppError('FORBIDDEN');
    return found;
  }

  /** An application the caller has no relation to does not exist for them, so ids cannot be probed. */
  private async readFor(caller: Caller, applicationId: string) {
    const doc = await this.deps.volunteers.findById(applicationId);
    const relation = doc ? relationToApplication(doc, caller) : null;
    if (!doc || !relation) throw new AppError('NOT_FOUND');
    return { doc, relation };
  }

  private async communityName(id: string): Promise<string | null> {
    return (await this.deps.district.findCommunity(id))?.name ?? null;
  }
}
