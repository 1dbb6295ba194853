import Taro from '@tarojs/taro';
import { allDayParts, type DayPart, type Gender, type VolunteerBackground, type VolunteerSkill } from '../../../../shared/domain/volunteer/registration-codes';
import { VOLUNTEER_CONSENT_VERSION } from '../../../../shared/domain/volunteer/registration-consent';
import { districtDateKey } from '../../../../shared/domain/time-words';
import { volunteerRegistrationActions } from '../../../../shared/schemas/volunteer-registration.schema';
import type { ApplyInput } from '../../api/volunteer.api';
import { checkInput } from '../../api/validate-input';

/** Everything the application form holds, as typed (numbers stay text until sent). */
export type VolunteerFormState = {
  name: string;
  gender: Gender | '';
  birthYear: string;
  phone: string;
  communityId: string;
  background: VolunteerBackground | '';
  skills: VolunteerSkill[];
  skillNote: string;
  /** `weekday:part`, e.g. `2:morning` (周二上午). */
  availability: string[];
  emergencyName: string;
  emergencyPhone: string;
  fit: 'yes' | 'no' | '';
  conditions: string;
  agreed: boolean;
  idNumber: string;
};

export type VolunteerFormField = keyof VolunteerFormState | 'form';

export function emptyVolunteerForm(user: { name: string | null; phone: string | null; communityId: string | null }): VolunteerFormState {
  return {
    name: user.name ?? '', gender: '', birthYear: '', phone: user.phone ?? '', communityId: user.communityId ?? '', background: '',
    skills: [], skillNote: '', availability: [], emergencyName: '', emergencyPhone: '', fit: '', conditions: '', agreed: false, idNumber: '',
  };
}

/** The shared schema's limits, shown at each field (the schema is checked against them in a test). */
export const volunteerFieldLimits = { name: 20, skillNote: 100, emergencyName: 20, conditions: 200 } as const;

export function availabilityKey(weekday: number, part: DayPart): string {
  return `${weekday}:${part}`;
}

function availabilityOf(keys: string[]): { weekday: number; part: DayPart }[] {
  return keys
    .map((key) => key.split(':'))
    .filter((pair): pair is [string, DayPart] => (allDayParts as readonly string[]).includes(pair[1] ?? ''))
    .map(([weekday, part]) => ({ weekday: Number(weekday), part }));
}

const optionalText = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The `volunteer.apply` payload; choices not made yet are sent as they are, for the schema to name. */
export function buildApplyInput(form: VolunteerFormState): ApplyInput {
  const input = {
    name: form.name.trim(),
    gender: form.gender,
    birthYear: form.birthYear.trim() === '' ? Number.NaN : Number(form.birthYear),
    phone: form.phone.trim(),
    communityId: form.communityId,
    background: form.background,
    skills: form.skills,
    skillNote: optionalText(form.skillNote),
    availability: availabilityOf(form.availability),
    emergencyContact: { name: form.emergencyName.trim(), phone: form.emergencyPhone.trim() },
    health: { fitForService: form.fit === 'yes', conditions: optionalText(form.conditions) },
    consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: form.agreed },
    idNumber: optionalText(form.idNumber),
  };
  // Drop undefined keys: the schema is strict and JSON would drop them anyway.
  return JSON.parse(JSON.stringify(input)) as ApplyInput;
}

const pathToField: Record<string, VolunteerFormField> = {
  name: 'name', gender: 'gender', birthYear: 'birthYear', phone: 'phone', communityId: 'communityId', background: 'background',
  skills: 'skills', skillNote: 'skillNote', availability: 'availability', 'emergencyContact.name': 'emergencyName',
  'emergencyContact.phone': 'emergencyPhone', 'health.fitForService': 'fit', 'health.conditions': 'conditions',
  'consent.agreed': 'agreed', 'consent.version': 'agreed', consent: 'agreed', idNumber: 'idNumber',
};

/** Maps server / schema paths (emergencyContact.phone, skills.0) to the form's fields; the rest go to `form`. */
export function volunteerFieldErrors(errors: Record<string, string>): Partial<Record<VolunteerFormField, string>> {
  const out: Partial<Record<VolunteerFormField, string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = pathToField[path] ?? pathToField[path.split('.')[0] ?? ''] ?? 'form';
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/**
 * Checks the form with the server's own schema, plus plain words for choices not made yet (请选择…
 * reads better than an enum error) and the age rule the schema cannot check without a clock.
 */
export function validateVolunteerForm(form: VolunteerFormState, now: Date = new Date()): Partial<Record<VolunteerFormField, string>> {
  const checked = checkInput(volunteerRegistrationActions.apply, buildApplyInput(form));
  const fromSchema = checked.ok ? {} : volunteerFieldErrors(checked.fields);
  const plain: Partial<Record<VolunteerFormField, string>> = {};
  if (form.gender === '') plain.gender = '请选择性别';
  const year = Number(districtDateKey(now).slice(0, 4));
  if (!/^\d{4}$/.test(form.birthYear.trim())) plain.birthYear = '请填写 4 位数字的出生年份，例如 1958';
  else if (year - Number(form.birthYear) < 18 || year - Number(form.birthYear) > 100) plain.birthYear = '年满 18 岁、不超过 100 岁才能申请';
  if (form.communityId === '') plain.communityId = '请选择所在社区';
  if (form.background === '') plain.background = '请选择您的身份';
  if (form.skills.length === 0) plain.skills = '请至少选一项技能';
  if (form.availability.length === 0) plain.availability = '请至少选一个可服务的时间';
  if (form.fit === '') plain.fit = '请选择身体状况';
  if (!form.agreed) plain.agreed = '请阅读并勾选同意';
  return { ...fromSchema, ...plain };
}

const draftKey = 'civic.volunteerApplyDraft';

/** What was typed, kept on every change: a reload or a look elsewhere loses nothing. */
export function readVolunteerDraft(): VolunteerFormState | null {
  try {
    const stored: unknown = Taro.getStorageSync(draftKey);
    return stored && typeof stored === 'object' && 'skills' in stored ? (stored as VolunteerFormState) : null;
  } catch {
    return null;
  }
}

export function saveVolunteerDraft(form: VolunteerFormState): void {
  try {
    Taro.setStorageSync(draftKey, form);
  } catch {
    // Storage full or unavailable: the page still holds the form.
  }
}

export function clearVolunteerDraft(): void {
  try {
    Taro.removeStorageSync(draftKey);
  } catch {
    // Nothing kept.
  }
}
