import type { ActivityKind } from '../../../../shared/domain/volunteer/activity-rules';
import type { VolunteerSkill } from '../../../../shared/domain/volunteer/registration-codes';
import { addDaysToKey, districtDateKey, districtInstant } from '../../../../shared/domain/time-words';
import { volunteerActivityActions } from '../../../../shared/schemas/volunteer-activity.schema';
import { checkInput } from '../../api/validate-input';
import type { ActivityChangesPayload, CreateActivityPayload, CreateSeriesPayload } from '../../api/volunteer-manage.api';
import type { ManagedActivity } from '../../api/volunteer-manage-views.schema';

/**
 * volunteer — staff: the form that creates or edits one activity or a weekly series. Everything is
 * kept as typed (numbers and times stay text) and turned into the shared schema's payload on send;
 * the defaults let a newcomer create one in a minute: tomorrow 9–11, sign-up open now, closing 2 h
 * before, withdrawal until 24 h before.
 */
export type RoleRow = { code: string; label: string; count: string; skills: VolunteerSkill[] };

export type ActivityFormState = {
  kind: ActivityKind;
  title: string;
  description: string;
  place: string;
  communityId: string;
  /** One activity: its date; a series: the date it starts from. */
  date: string;
  startTime: string;
  endTime: string;
  roles: RoleRow[];
  closesHoursBefore: string;
  cutoffHoursBefore: string;
  /** A series: sign-up opens this many days before each session. */
  opensDaysBefore: string;
  riskNote: string;
  insuranceRequired: boolean;
  bring: string;
  contactPhone: string;
  elderSeats: string;
  /** Series only. */
  weekday: string;
  repeat: 'weeks' | 'until';
  weeks: string;
  untilDate: string;
};

export type ActivityFormField = keyof ActivityFormState | `roles.${number}.${'label' | 'count' | 'skills'}` | 'form';

export const weekdayChoices = [
  { value: '1', label: '周一' },
  { value: '2', label: '周二' },
  { value: '3', label: '周三' },
  { value: '4', label: '周四' },
  { value: '5', label: '周五' },
  { value: '6', label: '周六' },
  { value: '0', label: '周日' },
] as const;

function weekdayOf(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function emptyActivityForm(now: Date, user: { phone: string | null; communityId: string | null }): ActivityFormState {
  const tomorrow = addDaysToKey(districtDateKey(now), 1);
  return {
    kind: 'tech_class', title: '', description: '', place: '', communityId: user.communityId ?? '',
    date: tomorrow, startTime: '09:00', endTime: '11:00',
    roles: [{ code: 'lead', label: '主讲', count: '1', skills: ['smartphone_teaching'] }, { code: 'role2', label: '助教', count: '2', skills: [] }],
    closesHoursBefore: '2', cutoffHoursBefore: '24', opensDaysBefore: '7',
    riskNote: '', insuranceRequired: false, bring: '', contactPhone: user.phone ?? '', elderSeats: '20',
    weekday: String(weekdayOf(tomorrow)), repeat: 'weeks', weeks: '8', untilDate: '',
  };
}

const shanghaiTime = (iso: string) => {
  const local = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
};

/** The form filled from a stored activity, for editing it. */
export function formOfActivity(a: ManagedActivity): ActivityFormState {
  const start = Date.parse(a.startsAt);
  const hoursBefore = (iso: string) => String(Math.max(0, Math.round((start - Date.parse(iso)) / 3600_000)));
  return {
    kind: a.kind as ActivityKind, title: a.title, description: a.description, place: a.place, communityId: a.communityId,
    date: districtDateKey(a.startsAt), startTime: shanghaiTime(a.startsAt), endTime: shanghaiTime(a.endsAt),
    roles: a.roles.map((r) => ({ code: r.code, label: r.label, count: String(r.count), skills: r.skills as VolunteerSkill[] })),
    closesHoursBefore: hoursBefore(a.signUpClosesAt), cutoffHoursBefore: hoursBefore(a.withdrawCutoffAt), opensDaysBefore: '7',
    riskNote: a.riskNote, insuranceRequired: a.insuranceRequired, bring: a.bring, contactPhone: a.contactPhone, elderSeats: a.elderSeats === null ? '' : String(a.elderSeats),
    weekday: String(weekdayOf(districtDateKey(a.startsAt))), repeat: 'weeks', weeks: '1', untilDate: '',
  };
}

/** A new role row with a code no other row has (codes are part of claim keys, so letters and digits only). */
export function newRole(rows: RoleRow[]): RoleRow {
  let n = rows.length + 1;
  while (rows.some((r) => r.code === `role${n}`)) n += 1;
  return { code: `role${n}`, label: '', count: '1', skills: [] };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const isTime = (text: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim());
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text.trim());

function textFields(form: ActivityFormState) {
  return {
    kind: form.kind,
    title: form.title.trim(),
    description: form.description.trim(),
    place: form.place.trim(),
    communityId: form.communityId,
    roles: form.roles.map((r) => ({ code: r.code, label: r.label.trim(), count: num(r.count), skills: r.skills })),
    riskNote: form.riskNote.trim(),
    insuranceRequired: form.insuranceRequired,
    bring: form.bring.trim(),
    contactPhone: form.contactPhone.replace(/[\s-]/g, ''),
    ...(form.kind === 'tech_class' && form.elderSeats.trim() !== '' ? { elderSeats: num(form.elderSeats) } : {}),
  };
}

function times(form: ActivityFormState) {
  const startsAt = isDate(form.date) && isTime(form.startTime) ? districtInstant(form.date.trim(), form.startTime.trim()) : '';
  const endsAt = isDate(form.date) && isTime(form.endTime) ? districtInstant(form.date.trim(), form.endTime.trim()) : '';
  return { startsAt, endsAt };
}

const before = (iso: string, hours: number) => (iso && Number.isFinite(hours) ? new Date(Date.parse(iso) - hours * 3600_000).toISOString() : '');

export function buildActivityInput(form: ActivityFormState, now: Date): CreateActivityPayload {
  const { startsAt, endsAt } = times(form);
  return {
    ...textFields(form),
    startsAt,
    endsAt,
    signUpOpensAt: now.toISOString(),
    signUpClosesAt: before(startsAt, num(form.closesHoursBefore)),
    withdrawCutoffAt: before(startsAt, num(form.cutoffHoursBefore)),
  } as CreateActivityPayload;
}

/** The first date on or after `from` that falls on `weekday` (0 = 周日). */
export function firstOnWeekday(from: string, weekday: number): string {
  let date = from;
  for (let i = 0; i < 7 && weekdayOf(date) !== weekday; i += 1) date = addDaysToKey(date, 1);
  return date;
}

export function seriesDates(form: ActivityFormState): { firstDate: string; lastDate: string } {
  if (!isDate(form.date)) return { firstDate: form.date.trim(), lastDate: '' };
  const firstDate = firstOnWeekday(form.date.trim(), Number(form.weekday));
  if (form.repeat === 'until') return { firstDate, lastDate: form.untilDate.trim() };
  const weeks = Math.trunc(num(form.weeks));
  return { firstDate, lastDate: Number.isFinite(weeks) && weeks >= 1 ? addDaysToKey(firstDate, 7 * (weeks - 1)) : '' };
}

export function buildSeriesInput(form: ActivityFormState): CreateSeriesPayload {
  return {
    ...textFields(form),
    ...seriesDates(form),
    startTime: form.startTime.trim(),
    endTime: form.endTime.trim(),
    signUpOpensDaysBefore: num(form.opensDaysBefore),
    signUpClosesHoursBefore: num(form.closesHoursBefore),
    withdrawCutoffHoursBefore: num(form.cutoffHoursBefore),
  } as CreateSeriesPayload;
}

/** What an edit sends: the text fields, and the times only when they changed. */
export function buildChanges(form: ActivityFormState, original: ManagedActivity, withTimes: boolean): ActivityChangesPayload {
  const { startsAt, endsAt } = times(form);
  const text = textFields(form);
  const changes: ActivityChangesPayload = {
    title: text.title, description: text.description, place: text.place, riskNote: text.riskNote,
    insuranceRequired: text.insuranceRequired, bring: text.bring, contactPhone: text.contactPhone,
  };
  if (withTimes && (startsAt !== original.startsAt || endsAt !== original.endsAt)) Object.assign(changes, { startsAt, endsAt });
  return changes;
}

const pathToField: Record<string, ActivityFormField> = {
  startsAt: 'startTime', endsAt: 'endTime', signUpClosesAt: 'closesHoursBefore', withdrawCutoffAt: 'cutoffHoursBefore', signUpOpensAt: 'form',
  firstDate: 'date', lastDate: 'weeks', startTime: 'startTime', endTime: 'endTime', signUpOpensDaysBefore: 'opensDaysBefore',
  signUpClosesHoursBefore: 'closesHoursBefore', withdrawCutoffHoursBefore: 'cutoffHoursBefore',
};

/** Schema and server paths (roles.0.count, changes.endsAt, startsAt) to the form's fields; the rest go to `form`. */
export function activityFieldErrors(errors: Record<string, string>, form?: ActivityFormState): Partial<Record<ActivityFormField, string>> {
  const out: Partial<Record<ActivityFormField, string>> = {};
  const known = new Set<string>(['kind', 'title', 'description', 'place', 'communityId', 'riskNote', 'bring', 'contactPhone', 'elderSeats', 'roles']);
  for (const [raw, message] of Object.entries(errors)) {
    const path = raw.replace(/^changes\./, '');
    const role = /^roles\.(\d+)\.(label|count|skills)/.exec(path);
    let field: ActivityFormField = role ? (`roles.${Number(role[1])}.${role[2] as 'label' | 'count' | 'skills'}` as ActivityFormField) : pathToField[path] ?? (known.has(path.split('.')[0] ?? '') ? (path.split('.')[0] as ActivityFormField) : 'form');
    if (field === 'weeks' && form?.repeat === 'until') field = 'untilDate';
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/** Checks the form with the server's own schema, plus plain words for what the schema cannot say well. */
export function validateActivityForm(form: ActivityFormState, mode: 'one' | 'series', now: Date): Partial<Record<ActivityFormField, string>> {
  const checked = mode === 'series' ? checkInput(volunteerActivityActions.createSeries, buildSeriesInput(form)) : checkInput(volunteerActivityActions.createActivity, buildActivityInput(form, now));
  const out = checked.ok ? {} : activityFieldErrors(checked.fields, form);
  const plain: Partial<Record<ActivityFormField, string>> = {};
  if (form.communityId === '') plain.communityId = '请选择社区';
  if (!isDate(form.date)) plain.date = '请按 2026-12-05 这样填写日期';
  if (!isTime(form.startTime)) plain.startTime = '请按 09:00 这样填写时间';
  if (!isTime(form.endTime)) plain.endTime = '请按 11:00 这样填写时间';
  else if (isTime(form.startTime) && form.endTime.trim() <= form.startTime.trim()) plain.endTime = '结束时间要晚于开始时间';
  if (mode === 'series' && form.repeat === 'weeks' && !(Math.trunc(num(form.weeks)) >= 1 && Math.trunc(num(form.weeks)) <= 53)) plain.weeks = '请填写 1 到 53 周';
  if (mode === 'series' && form.repeat === 'until' && !isDate(form.untilDate)) plain.untilDate = '请按 2027-01-31 这样填写日期';
  return { ...out, ...plain };
}
