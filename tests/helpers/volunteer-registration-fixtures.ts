/** Fixtures for the volunteer registration tests: a valid application, and short calls. */
import { VOLUNTEER_CONSENT_VERSION } from '../../shared/domain/volunteer/registration-consent';
import { idNumberCheckChar } from '../../shared/domain/volunteer/registration-id-number';
import type { Envelope } from '../../shared/errors';

/** A valid ID number of someone born 1958-03-14 (the check character computed, not typed). */
export const SAMPLE_ID_NUMBER = `32040219580314123${idNumberCheckChar('32040219580314123')}`;

export function applicationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'apply',
    name: '李老师',
    gender: 'female',
    birthYear: 1958,
    phone: '13912345678',
    communityId: 'cm-xiaoying',
    background: 'intellectual',
    skills: ['smartphone_teaching', 'escort', 'performing_arts'],
    skillNote: '退休前是中学信息技术老师',
    availability: [
      { weekday: 2, part: 'morning' },
      { weekday: 4, part: 'afternoon' },
    ],
    emergencyContact: { name: '李明', phone: '13698765432' },
    health: { fitForService: true, conditions: '不宜久站' },
    consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: true },
    ...overrides,
  };
}

export function codeOf(envelope: Envelope<unknown>): string {
  return envelope.ok ? 'ok' : envelope.error.code;
}

export type AppView = {
  id: string;
  status: string;
  phone: string;
  idNumber: string | null;
  hasIdNumber?: boolean;
  health?: unknown;
  emergencyContact?: unknown;
  volunteerNumber: string | null;
  decision?: { action: string; reason: string | null; skills: string[] | null } | null;
};
