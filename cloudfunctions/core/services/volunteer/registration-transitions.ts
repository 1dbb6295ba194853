import type { Role } from '../../../../shared/domain/roles';
import { dayjs, DISTRICT_TZ, MINUTE_MS } from '../../../../shared/domain/time';
import { ESCORT_SKILL, type VolunteerSkill } from '../../../../shared/domain/volunteer/registration-codes';
import { volunteerEscortProviderId, volunteerNumber, volunteerNumberPool } from '../../../../shared/domain/volunteer/registration-number';
import { applicationTransitions, type ApplicationTransition } from '../../../../shared/domain/volunteer/registration-status';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../ports/clock';
import type { EventLog } from '../../ports/event-log';
import type { ProviderRepository } from '../../repositories/provider.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { ApplicationDoc, ApplicationTransitionDoc, VolunteerRepository } from '../../repositories/volunteer.repository';

export const VOLUNTEER_APPLICATION_APPROVED = 'volunteer_application_approved';
export const VOLUNTEER_APPLICATION_REJECTED = 'volunteer_application_rejected';

/** A transition cut off longer ago than this is finished by repair (a live one is left to its caller). */
const REPAIR_AFTER_MS = 2 * MINUTE_MS;

type Deps = { volunteers: VolunteerRepository; users: UserRepository; providers: ProviderRepository; outbox: EventLog; clock: Clock };

export type TransitionRequest = {
  action: ApplicationTransition;
  actorId: string;
  reason?: string | null;
  note?: string | null;
  skills?: VolunteerSkill[];
};

/**
 * Decisions on applications (approve, reject) and leaving. Each inserts the numbered transition
 * record `<applicationId>#<version+1>` first: of two at once, one inserts it and the other gets
 * ALREADY_DECIDED. Only the winner then runs the effects, each idempotent, in an order that leaves a
 * crash something repair finishes: number, roles, the application, the notice, then `appliedAt`.
 */
export class RegistrationTransitions {
  constructor(private readonly deps: Deps) {}

  async run(application: ApplicationDoc, request: TransitionRequest): Promise<ApplicationDoc> {
    const rule = applicationTransitions[request.action];
    if (application.status !== rule.from) throw new AppError('ALREADY_DECIDED', { status: application.status });
    const user = await this.deps.users.findById(application.userId);
    const record: ApplicationTransitionDoc = {
      _id: `${application._id}#${application.version + 1}`,
      applicationId: application._id,
      userId: application.userId,
      seq: application.version + 1,
      action: request.action,
      from: rule.from,
      to: rule.to,
      actorId: request.actorId,
      at: this.deps.clock.now(),
      reason: request.reason?.trim() || null,
      note: request.note?.trim() || null,
      skills: request.action === 'approve' ? (request.skills ?? []) : null,
      roles: this.rolesOf(request, application, user?.roles ?? []),
      appliedAt: null,
    };
    if (!(await this.deps.volunteers.insertTransition(record))) throw new AppError('ALREADY_DECIDED');
    return this.finish(application, record);
  }

  /**
   * Approval grants `volunteer` (and `escort` with 陪诊 approved) when not held already, so leaving
   * takes back exactly what registration gave; leaving takes back what the approval granted, and
   * `volunteer` in any case (an admin may have granted it by hand).
   */
  private rolesOf(request: TransitionRequest, application: ApplicationDoc, held: readonly Role[]): Role[] {
    if (request.action === 'approve') {
      const wanted: Role[] = ['volunteer', ...((request.skills ?? []).includes(ESCORT_SKILL) ? (['escort'] as const) : [])];
      return wanted.filter((role) => !held.includes(role));
    }
    if (request.action === 'leave') return [...new Set<Role>(['volunteer', ...application.grantedRoles])];
    return [];
  }

  /** The effects of a recorded transition; safe to run again (repair does, after a crash). */
  async finish(application: ApplicationDoc, t: ApplicationTransitionDoc): Promise<ApplicationDoc> {
    const fields: Partial<ApplicationDoc> = { status: t.to, updatedAt: t.at };
    if (t.action === 'approve' || t.action === 'reject') {
      fields.decision = { action: t.action, by: t.actorId, at: t.at, reason: t.reason, note: t.note, skills: t.skills };
    }
    if (t.action === 'approve') {
      const year = dayjs(t.at).tz(DISTRICT_TZ).year();
      fields.volunteerNumber = await this.deps.volunteers.claimNumber(volunteerNumberPool(year), t.userId, (seq) => volunteerNumber(year, seq), t.at);
      fields.grantedRoles = t.roles;
      if (t.roles.includes('escort')) await this.enlistEscort(application, t.at);
      if (t.roles.length > 0) await this.deps.users.addRoles(t.userId, t.roles, undefined, t.at);
    }
    if (t.action === 'leave') {
      fields.leftAt = t.at;
      await this.deps.users.removeRoles(t.userId, t.roles, t.at);
      if (t.roles.includes('escort')) await this.deps.providers.deactivate(volunteerEscortProviderId(t.userId), t.at);
    }
    if (application.version < t.seq) await this.deps.volunteers.applyTransition(application._id, t.seq, fields);
    if (t.action !== 'leave') await this.recordEvent(application, t, fields.volunteerNumber ?? null);
    await this.deps.volunteers.markTransitionApplied(t._id, this.deps.clock.now());
    return { ...application, ...fields, version: Math.max(application.version, t.seq) };
  }

  /**
   * An approved 陪诊 volunteer joins the escorts of their 街道 (the pool and claims need the record
   * before the role is any use). Written before the role, and the same record each time, so a
   * repaired approval or a second approval after leaving brings back this one, active.
   */
  private async enlistEscort(application: ApplicationDoc, at: Date): Promise<void> {
    await this.deps.providers.upsert({
      _id: volunteerEscortProviderId(application.userId),
      userId: application.userId,
      kind: 'escort',
      name: application.profile.name,
      stationId: null,
      streetId: application.streetId,
      venue: '',
      intro: '银龄志愿者',
      active: true,
      createdAt: at,
      updatedAt: at,
    });
  }

  /** The applicant hears the result; the event carries no ID number, phone or health data. */
  private async recordEvent(application: ApplicationDoc, t: ApplicationTransitionDoc, number: string | null): Promise<void> {
    await this.deps.outbox.add({
      _id: `transition:${t._id}`,
      type: t.action === 'approve' ? VOLUNTEER_APPLICATION_APPROVED : VOLUNTEER_APPLICATION_REJECTED,
      subject: { kind: 'volunteer_application', id: application._id },
      recipients: [application.userId],
      payload: { volunteerNumber: number, reason: t.reason, skills: t.skills, decidedAt: t.at.toISOString(), streetId: application.streetId },
      at: t.at,
      processedAt: null,
    });
  }

  /** Finishes transitions whose effects were cut off (a crash between the record and the rest). */
  async repair(limit = 100): Promise<{ finished: number }> {
    const before = new Date(this.deps.clock.now().getTime() - REPAIR_AFTER_MS);
    let finished = 0;
    for (const t of await this.deps.volunteers.unappliedTransitions(before, limit)) {
      const application = await this.deps.volunteers.findById(t.applicationId);
      if (!application) continue;
      await this.finish(application, t);
      finished += 1;
    }
    return { finished };
  }
}
