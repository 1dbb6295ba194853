import { maskPhone } from '../../../../shared/domain/masking';
import type { ApplicationRelation } from '../../../../shared/domain/permissions';
import { applicationRelationRules } from '../../../../shared/domain/permissions';
import {
  dayPartLabels,
  genderLabels,
  volunteerBackgroundLabels,
  volunteerSkillLabels,
  weekdayLabels,
} from '../../../../shared/domain/volunteer/registration-codes';
import { applicationStatusLabels } from '../../../../shared/domain/volunteer/registration-status';
import type { ApplicationDoc } from '../../repositories/volunteer.repository';

/**
 * What a caller is shown of an application. The ID number is only ever its mask (the sealed value
 * never leaves the repository layer's document). Lists show no health declaration and no emergency
 * contact, and mask the phone; a detail shows what the relation's rules allow.
 */
export function applicationListItem(doc: ApplicationDoc, communityName: string | null) {
  return {
    id: doc._id,
    status: doc.status,
    statusLabel: applicationStatusLabels[doc.status],
    name: doc.profile.name,
    gender: doc.profile.gender,
    genderLabel: genderLabels[doc.profile.gender],
    birthYear: doc.profile.birthYear,
    phone: maskPhone(doc.profile.phone),
    communityId: doc.communityId,
    communityName,
    streetId: doc.streetId,
    background: doc.profile.background,
    backgroundLabel: volunteerBackgroundLabels[doc.profile.background],
    skills: doc.profile.skills,
    skillLabels: doc.profile.skills.map((s) => volunteerSkillLabels[s]),
    idNumber: doc.idNumber?.masked ?? null,
    submittedAt: doc.submittedAt.toISOString(),
    volunteerNumber: doc.volunteerNumber,
  };
}

export type ApplicationListItem = ReturnType<typeof applicationListItem>;

export function applicationDetail(doc: ApplicationDoc, relation: ApplicationRelation, communityName: string | null) {
  const rules = applicationRelationRules[relation];
  const p = doc.profile;
  return {
    ...applicationListItem(doc, communityName),
    phone: rules.fullPhoneInDetail ? p.phone : maskPhone(p.phone),
    skillNote: p.skillNote,
    availability: p.availability.map((slot) => ({ ...slot, label: `${weekdayLabels[slot.weekday]}${dayPartLabels[slot.part]}` })),
    emergencyContact: rules.health ? { name: p.emergencyContact.name, phone: rules.fullPhoneInDetail ? p.emergencyContact.phone : maskPhone(p.emergencyContact.phone) } : null,
    health: rules.health ? p.health : null,
    hasIdNumber: doc.idNumber !== null,
    consent: { version: doc.consent.version, at: doc.consent.at.toISOString() },
    decision: doc.decision
      ? {
          action: doc.decision.action,
          at: doc.decision.at.toISOString(),
          reason: doc.decision.reason,
          note: doc.decision.note,
          skills: doc.decision.skills,
          skillLabels: (doc.decision.skills ?? []).map((s) => volunteerSkillLabels[s]),
        }
      : null,
    leftAt: doc.leftAt?.toISOString() ?? null,
  };
}

export type ApplicationDetail = ReturnType<typeof applicationDetail>;

/** One line of a person's own history: what happened, never the profile again. */
export function historyLine(doc: ApplicationDoc) {
  return {
    id: doc._id,
    status: doc.status,
    statusLabel: applicationStatusLabels[doc.status],
    submittedAt: doc.submittedAt.toISOString(),
    decidedAt: doc.decision?.at.toISOString() ?? null,
    reason: doc.decision?.reason ?? null,
    leftAt: doc.leftAt?.toISOString() ?? null,
  };
}
