import {
  allAdvisorTopics,
  allCounselingTopics,
  type AdvisorTopic,
  type AdvisorVisitMode,
  type CounselingFormat,
  type CounselingTopic,
  type EscortEligibility,
  type FamilyRelation,
  type MobilityAid,
  type ServiceKind,
} from '../../../../shared/domain/service-kinds';
import { cancellationDeadline } from '../../../../shared/domain/booking-lifecycle';
import { bookingActions } from '../../../../shared/schemas/booking.schema';
import { staffDeskActions } from '../../../../shared/schemas/staff-desk.schema';
import type { BookForInput } from '../../api/staff.api';
import type { CreateBookingInput } from '../../api/booking.api';
import { checkInput } from '../../api/validate-input';

/** Everything the booking form holds; only the fields of the chosen service are sent. */
export type BookingFormState = {
  topic: AdvisorTopic | CounselingTopic | '';
  mode: AdvisorVisitMode;
  address: string;
  note: string;
  hospital: string;
  department: string;
  pickupAddress: string;
  mobilityAids: MobilityAid[];
  languageNeeds: string;
  companionPhone: string;
  eligibility: EscortEligibility | '';
  streetId: string;
  format: CounselingFormat;
  /** `proxy`: staff booking for an elder (代办); the family fields then hold the elder's name and phone. */
  forWhom: 'self' | 'family' | 'proxy';
  /** 代办 only: the elder's 社区. */
  elderCommunityId?: string;
  familyName: string;
  familyPhone: string;
  familyRelationship: FamilyRelation | '';
  contactPhone: string;
};

export function emptyBookingForm(contactPhone = ''): BookingFormState {
  return {
    topic: '',
    mode: 'station',
    address: '',
    note: '',
    hospital: '',
    department: '',
    pickupAddress: '',
    mobilityAids: [],
    languageNeeds: '',
    companionPhone: '',
    eligibility: '',
    streetId: '',
    format: 'individual',
    forWhom: 'self',
    familyName: '',
    familyPhone: '',
    familyRelationship: '',
    contactPhone,
  };
}

/**
 * The shared schema's length limits, shown at each field. A test checks them against
 * `bookingActions.create` so the two cannot drift apart.
 */
export const bookingFieldLimits = {
  advisorAddress: 100,
  advisorNote: 200,
  hospital: 60,
  department: 30,
  pickupAddress: 100,
  languageNeeds: 60,
  escortNote: 200,
  counselingNote: 500,
  familyName: 20,
} as const;

export function limitHint(max: number, required: boolean): string {
  return required ? `必填，最多 ${max} 字` : `选填，最多 ${max} 字`;
}

const optionalText = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The `booking.create` payload for this form. */
export function buildCreateInput(options: {
  service: ServiceKind;
  providerId: string | null;
  startsAt: string;
  form: BookingFormState;
  requestId: string;
}): CreateBookingInput {
  const { service, providerId, startsAt, form, requestId } = options;
  let details: CreateBookingInput['details'];
  if (service === 'advisor') {
    details = {
      kind: 'advisor',
      topic: form.topic as AdvisorTopic,
      mode: form.mode,
      address: form.mode === 'home_visit' ? optionalText(form.address) : undefined,
      note: optionalText(form.note),
    };
  } else if (service === 'escort') {
    details = {
      kind: 'escort',
      hospital: form.hospital,
      department: form.department,
      pickupAddress: form.pickupAddress,
      mobilityAids: form.mobilityAids,
      languageNeeds: optionalText(form.languageNeeds),
      companionPhone: optionalText(form.companionPhone),
      eligibility: form.eligibility as EscortEligibility,
      streetId: form.streetId,
      note: optionalText(form.note),
    };
  } else {
    details = { kind: 'counseling', format: form.format, topic: form.topic as CounselingTopic, note: optionalText(form.note) };
  }
  const input: CreateBookingInput = { requestId, startsAt, details, contactPhone: form.contactPhone.trim() };
  if (providerId && service !== 'escort') input.providerId = providerId;
  if (form.forWhom === 'family') {
    input.forFamily = {
      name: form.familyName,
      phone: form.familyPhone.trim(),
      relationship: form.familyRelationship as FamilyRelation,
    };
  }
  // Drop undefined keys: the schemas are strict and JSON would drop them anyway.
  return JSON.parse(JSON.stringify(input)) as CreateBookingInput;
}

/** The `staff.bookFor` payload (代办) for this form: the elder in place of "for whom". */
export function buildBookForInput(options: { service: ServiceKind; providerId: string | null; startsAt: string; form: BookingFormState; requestId: string }): BookForInput {
  const { forFamily: _none, contactPhone, ...create } = buildCreateInput({ ...options, form: { ...options.form, forWhom: 'self' } });
  const { form } = options;
  return {
    ...create,
    elder: { name: form.familyName.trim(), phone: form.familyPhone.trim(), communityId: form.elderCommunityId ?? '' },
    ...(contactPhone ? { contactPhone } : {}),
  };
}

/** Form field names, as the form page keys its error messages. */
export type BookingFormField =
  | 'topic' | 'mode' | 'address' | 'note' | 'hospital' | 'department' | 'pickupAddress' | 'mobilityAids'
  | 'languageNeeds' | 'companionPhone' | 'eligibility' | 'streetId' | 'format' | 'familyName' | 'familyPhone'
  | 'familyRelationship' | 'contactPhone' | 'elderCommunityId' | 'startsAt' | 'form';

const pathToField: Record<string, BookingFormField> = {
  'details.topic': 'topic',
  'details.mode': 'mode',
  'details.address': 'address',
  'details.note': 'note',
  'details.hospital': 'hospital',
  'details.department': 'department',
  'details.pickupAddress': 'pickupAddress',
  'details.mobilityAids': 'mobilityAids',
  'details.languageNeeds': 'languageNeeds',
  'details.companionPhone': 'companionPhone',
  'details.eligibility': 'eligibility',
  'details.streetId': 'streetId',
  'details.format': 'format',
  'forFamily.name': 'familyName',
  'forFamily.phone': 'familyPhone',
  'forFamily.relationship': 'familyRelationship',
  'elder.name': 'familyName',
  'elder.phone': 'familyPhone',
  'elder.communityId': 'elderCommunityId',
  contactPhone: 'contactPhone',
  startsAt: 'startsAt',
};

/** Maps server / schema paths (details.hospital) to the form's fields; unknown paths go to `form`. */
export function fieldErrorsFromPaths(errors: Record<string, string>): Partial<Record<BookingFormField, string>> {
  const out: Partial<Record<BookingFormField, string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = pathToField[path] ?? (path.startsWith('details.mobilityAids') ? 'mobilityAids' : 'form');
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/**
 * Checks the form with the shared create schema, in the server's own words, plus plain messages for
 * choices not made yet (a missing choice reads better as 请选择… than as an enum error).
 */
export function validateBookingForm(service: ServiceKind, form: BookingFormState, startsAt: string | null): Partial<Record<BookingFormField, string>> {
  const choices: Partial<Record<BookingFormField, string>> = {};
  if (service === 'advisor' && !(allAdvisorTopics as readonly string[]).includes(form.topic)) choices.topic = '请选择想咨询的事';
  if (service === 'counseling' && !(allCounselingTopics as readonly string[]).includes(form.topic)) choices.topic = '请选择辅导内容';
  if (service === 'escort' && form.eligibility === '') choices.eligibility = '请选择是否属于困难群体';
  if (service === 'escort' && form.streetId === '') choices.streetId = '请选择所在街道';
  if (form.forWhom === 'family' && form.familyRelationship === '') choices.familyRelationship = '请选择与您的关系';
  if (!startsAt) choices.startsAt = service === 'escort' ? '请选择就诊日期和时间' : '请先选择预约时间';

  if (form.forWhom === 'proxy' && !form.elderCommunityId) choices.elderCommunityId = '请选择老人所在社区';
  const probe = { service, providerId: null, startsAt: startsAt ?? new Date(0).toISOString(), form, requestId: 'check-only-0000' };
  const checked = form.forWhom === 'proxy' ? checkInput(staffDeskActions.bookFor, buildBookForInput(probe)) : checkInput(bookingActions.create, buildCreateInput(probe));
  const fromSchema = checked.ok ? {} : fieldErrorsFromPaths(checked.fields);
  return { ...fromSchema, ...choices };
}

/** The last moment to cancel (or move), by the server's own rule (shared/domain/booking-lifecycle). */
export function cancelDeadlineOf(startsAt: string, cutoffMinutes: number): string {
  return cancellationDeadline(new Date(startsAt), cutoffMinutes).toISOString();
}
