/**
 * Malformed events to the actions of catalog, booking, provider and admin, one rule at a time: each
 * is refused with VALIDATION_FAILED naming the field at fault, and writes nothing (every collection
 * is compared before and after). The sweeps that need no rule of their own (the envelope, unknown
 * keys, operators, `__proto__`, missing fields and wrong types at every field of every registered
 * action) are built from the registry and run against the adapter in tests/unit/input-sweep.test.ts;
 * what a refused event leaves in the engine, per function, is rejected-events.integration.test.ts. Real parts: the local engine, the seeded demo district, session tokens, the
 * invoke path of the host; the clock is set to Monday 2026-11-30 08:00 in Shanghai.
 *
 * Each caller holds the role the action needs, so what refuses the event is validation, not access.
 */
import {
  at,
  book,
  advisorCreate,
  counselingCreate,
  createBookingWorld,
  escortCreate,
  ids,
  type BookingView,
  type BookingWorld,
  type PersonaName,
} from '../helpers/booking-fixtures';
import { snapshot } from '../helpers/test-app';
import { demoWeeklyRules } from '../../host/seed/demo-district.data';

let w: BookingWorld;
let requested: BookingView;
let escortRequest: BookingView;

beforeAll(async () => {
  w = await createBookingWorld();
  requested = await book(w, w.people.resident1, advisorCreate(at('2026-12-01', '09:00')));
  escortRequest = await book(w, w.people.resident1, escortCreate(at('2026-12-02', '09:00')));
});
afterAll(async () => {
  await w.close();
});

const op = { $gt: '' };
const long = (n: number) => '长'.repeat(n);
/** A station's week: Monday to Friday, 09:00 to 17:00. */
const weekdayHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const rule = { weekday: 1, start: '09:00', end: '11:00', slotMinutes: 30, capacity: 1, bufferMinutes: 0 };
const TUESDAY_9 = at('2026-12-01', '09:30');

type Case = {
  /** What is wrong with the event. */
  what: string;
  as: PersonaName;
  fn: 'catalog' | 'booking' | 'provider' | 'admin';
  event: () => unknown;
  /** The field path the error must name. */
  path: string;
  /** For unknown keys: the key, reported at its own path inside `path` (and named by the message). */
  mentions?: string;
};

/** Where an unknown key is reported: at its own path inside the object that holds it. */
const keyPath = (c: Pick<Case, 'path' | 'mentions'>) => (!c.mentions ? c.path : c.path === '(root)' ? c.mentions : `${c.path}.${c.mentions}`);

type Row = [what: string, event: () => Record<string, unknown>, path: string, mentions?: string];
const group = (as: PersonaName, fn: Case['fn'], action: string, rows: Row[]): Case[] =>
  rows.map(([what, event, path, mentions]) => ({ what: `${fn}.${action}: ${what}`, as, fn, event: () => ({ action, ...event() }), path, mentions }));

/** A valid create event for pv-advisor-1 on Tuesday 09:30 with `patch` applied. */
const create = (patch: Record<string, unknown>) => () => ({ ...advisorCreate(TUESDAY_9), ...patch });
const withDetails = (details: Record<string, unknown>, base: { details: Record<string, unknown> } = advisorCreate(TUESDAY_9)) => () => ({
  ...base,
  details: { ...base.details, ...details },
});
const escort = (patch: Record<string, unknown>, details: Record<string, unknown> = {}) => () => {
  const base = escortCreate(at('2026-12-03', '09:00'));
  return { ...base, ...patch, details: { ...base.details, ...details } };
};
const withoutKey = <T extends Record<string, unknown>>(value: T, key: string) => {
  const { [key]: _dropped, ...rest } = value;
  return rest;
};

const cases: Case[] = [
  ...group('resident1', 'catalog', 'services', [['an unknown field', () => ({ extra: 1 }), '(root)', 'extra']]),
  ...group('resident1', 'catalog', 'streets', [['an operator as an unknown field', () => ({ $where: 'sleep(1000)' }), '(root)', '$where']]),
  ...group('resident1', 'catalog', 'stations', [
    ['an operator for streetId', () => ({ streetId: op }), 'streetId'],
    ['a number for communityId', () => ({ communityId: 5 }), 'communityId'],
    ['a path-like streetId', () => ({ streetId: 'st/../admin' }), 'streetId'],
  ]),
  ...group('resident1', 'catalog', 'providers', [
    ['no service', () => ({}), 'service'],
    ['an unknown service', () => ({ service: 'massage' }), 'service'],
    ['an operator for service', () => ({ service: { $ne: null } }), 'service'],
    ['an operator for stationId', () => ({ service: 'advisor', stationId: op }), 'stationId'],
  ]),
  ...group('resident1', 'catalog', 'slots', [
    ['no providerId', () => ({ from: '2026-12-01' }), 'providerId'],
    ['no from', () => ({ providerId: ids.advisor1 }), 'from'],
    ['a date that does not exist', () => ({ providerId: ids.advisor1, from: '2026-02-30' }), 'from'],
    ['a date with slashes', () => ({ providerId: ids.advisor1, from: '2026/12/01' }), 'from'],
    ['zero days', () => ({ providerId: ids.advisor1, from: '2026-12-01', days: 0 }), 'days'],
    ['32 days', () => ({ providerId: ids.advisor1, from: '2026-12-01', days: 32 }), 'days'],
    ['days as a string', () => ({ providerId: ids.advisor1, from: '2026-12-01', days: '7' }), 'days'],
    ['a fraction of days', () => ({ providerId: ids.advisor1, from: '2026-12-01', days: 1.5 }), 'days'],
    ['an operator for providerId', () => ({ providerId: op, from: '2026-12-01' }), 'providerId'],
    ['an operator for from', () => ({ providerId: ids.advisor1, from: { $gte: '' } }), 'from'],
  ]),

  ...group('resident1', 'booking', 'create', [
    ['no requestId', () => withoutKey(advisorCreate(TUESDAY_9), 'requestId'), 'requestId'],
    ['a requestId too short', create({ requestId: 'abc' }), 'requestId'],
    ['an operator for requestId', create({ requestId: op }), 'requestId'],
    ['an operator for providerId', create({ providerId: op }), 'providerId'],
    ['no startsAt', () => withoutKey(advisorCreate(TUESDAY_9), 'startsAt'), 'startsAt'],
    ['a time without an offset', create({ startsAt: '2026-12-01 09:30' }), 'startsAt'],
    ['a time as epoch milliseconds', create({ startsAt: Date.parse(TUESDAY_9) }), 'startsAt'],
    ['an operator for startsAt', create({ startsAt: op }), 'startsAt'],
    ['a past slot', create({ startsAt: at('2026-11-27', '09:00') }), 'startsAt'],
    ['a slot inside the lead time', create({ startsAt: at('2026-11-30', '08:30') }), 'startsAt'],
    ['a slot beyond the 14-day horizon', create({ startsAt: at('2026-12-15', '09:00') }), 'startsAt'],
    ['a time between the provider’s ranges', create({ startsAt: at('2026-12-01', '12:00') }), 'startsAt'],
    ['a Saturday the provider does not work', create({ startsAt: at('2026-12-05', '09:00') }), 'startsAt'],
    ['a time that is not a slot start', create({ startsAt: at('2026-12-01', '09:10') }), 'startsAt'],
    ['no details', () => withoutKey(advisorCreate(TUESDAY_9), 'details'), 'details'],
    ['details as a string', create({ details: 'advisor' }), 'details'],
    ['an unknown kind', withDetails({ kind: 'massage' }), 'details.kind'],
    ['an unknown topic', withDetails({ topic: 'lottery' }), 'details.topic'],
    ['an operator for the topic', withDetails({ topic: op }), 'details.topic'],
    ['a note over 200 characters', withDetails({ note: long(201) }), 'details.note'],
    ['a note with a control character', withDetails({ note: 'a\u0000b' }), 'details.note'],
    ['a home visit without an address', withDetails({ mode: 'home_visit' }), 'details.address'],
    ['a home visit with a blank address', withDetails({ mode: 'home_visit', address: '   ' }), 'details.address'],
    ['an address over 100 characters', withDetails({ mode: 'home_visit', address: long(101) }), 'details.address'],
    ['an unknown field in details', withDetails({ priority: 'high' }), 'details', 'priority'],
    ['an unknown top-level field', create({ price: 0 }), '(root)', 'price'],
    ['an operator as a top-level field', create({ $set: { status: 'confirmed' } }), '(root)', '$set'],
    ['no providerId for an advisor', () => withoutKey(advisorCreate(TUESDAY_9), 'providerId'), 'providerId'],
    ['a provider that does not exist', create({ providerId: 'pv-nobody' }), 'providerId'],
    ['a counselor for an advisor booking', create({ providerId: ids.counselor1 }), 'providerId'],
    ['an advisor for a counseling booking', () => ({ ...counselingCreate(at('2026-12-01', '10:00')), providerId: ids.advisor1 }), 'providerId'],
    ['a counseling note over 500 characters', withDetails({ note: long(501) }, counselingCreate(at('2026-12-01', '10:00'))), 'details.note'],
    ['an advisor topic for counseling', withDetails({ topic: 'policy' }, counselingCreate(at('2026-12-01', '10:00'))), 'details.topic'],
    ['no format for counseling', () => {
      const base = counselingCreate(at('2026-12-01', '10:00'));
      return { ...base, details: withoutKey(base.details, 'format') };
    }, 'details.format'],
    ['a counseling slot beyond the 21-day horizon', () => counselingCreate(at('2026-12-22', '09:00')), 'startsAt'],
    ['an escort with a providerId', escort({ providerId: ids.escort1 }), 'providerId'],
    ['an escort inside the 12-hour lead time', escort({ startsAt: at('2026-11-30', '14:00') }), 'startsAt'],
    ['an escort in the past', escort({ startsAt: at('2026-11-29', '09:00') }), 'startsAt'],
    ['an escort hospital over 60 characters', escort({}, { hospital: long(61) }), 'details.hospital'],
    ['an escort without a pickup address', () => {
      const base = escortCreate(at('2026-12-03', '09:00'));
      return { ...base, details: withoutKey(base.details, 'pickupAddress') };
    }, 'details.pickupAddress'],
    ['an unknown mobility aid', escort({}, { mobilityAids: ['jetpack'] }), 'details.mobilityAids.0'],
    ['five mobility aids', escort({}, { mobilityAids: ['wheelchair', 'walker', 'cane', 'stretcher', 'none'] }), 'details.mobilityAids'],
    ['a bad companion phone', escort({}, { companionPhone: '021-12345678' }), 'details.companionPhone'],
    ['an unknown eligibility', escort({}, { eligibility: 'rich' }), 'details.eligibility'],
    ['a 街道 that does not exist', escort({}, { streetId: 'st-nowhere' }), 'details.streetId'],
    ['an operator for the 街道', escort({}, { streetId: op }), 'details.streetId'],
    ['a contact phone starting 12', create({ contactPhone: '12811112222' }), 'contactPhone'],
    ['a contact phone of 10 digits', create({ contactPhone: '1381111222' }), 'contactPhone'],
    ['a contact phone as a number', create({ contactPhone: 13811112222 }), 'contactPhone'],
    ['no contact phone', () => withoutKey(advisorCreate(TUESDAY_9), 'contactPhone'), 'contactPhone'],
    ['a bad family member phone', create({ forFamily: { name: '张桂兰', phone: '110', relationship: 'parent' } }), 'forFamily.phone'],
    ['a family member name over 20 characters', create({ forFamily: { name: long(21), phone: '13700001111', relationship: 'parent' } }), 'forFamily.name'],
    ['an unknown relationship', create({ forFamily: { name: '张桂兰', phone: '13700001111', relationship: 'boss' } }), 'forFamily.relationship'],
    ['an unknown field in the family member', create({ forFamily: { name: '张桂兰', phone: '13700001111', relationship: 'parent', idCard: '320402' } }), 'forFamily', 'idCard'],
  ]),
  ...group('resident1', 'booking', 'cancel', [
    ['no bookingId', () => ({}), 'bookingId'],
    ['an operator for bookingId', () => ({ bookingId: op }), 'bookingId'],
    ['a reason over 200 characters', () => ({ bookingId: requested.id, reason: long(201) }), 'reason'],
    ['a reason as a number', () => ({ bookingId: requested.id, reason: 5 }), 'reason'],
    ['an unknown field', () => ({ bookingId: requested.id, status: 'cancelled' }), '(root)', 'status'],
  ]),
  ...group('resident1', 'booking', 'reschedule', [
    ['no startsAt', () => ({ bookingId: requested.id }), 'startsAt'],
    ['an operator for startsAt', () => ({ bookingId: requested.id, startsAt: op }), 'startsAt'],
    ['a past slot', () => ({ bookingId: requested.id, startsAt: at('2026-11-27', '09:00') }), 'startsAt'],
    ['a slot beyond the horizon', () => ({ bookingId: requested.id, startsAt: at('2026-12-15', '09:00') }), 'startsAt'],
    ['a slot the provider does not offer', () => ({ bookingId: requested.id, startsAt: at('2026-12-01', '12:00') }), 'startsAt'],
    ['the time it already has', () => ({ bookingId: requested.id, startsAt: requested.startsAt }), 'startsAt'],
    ['an escort request', () => ({ bookingId: escortRequest.id, startsAt: at('2026-12-03', '09:00') }), 'bookingId'],
  ]),
  ...group('resident1', 'booking', 'mine', [
    ['an unknown status', () => ({ status: 'weird' }), 'status'],
    ['an operator for status', () => ({ status: { $in: ['holding', 'failed'] } }), 'status'],
    ['page 0', () => ({ page: 0 }), 'page'],
    ['page as a string', () => ({ page: '1' }), 'page'],
    ['a page of 51', () => ({ pageSize: 51 }), 'pageSize'],
    ['an unknown field', () => ({ bookerId: 'someone' }), '(root)', 'bookerId'],
  ]),
  ...group('resident1', 'booking', 'detail', [
    ['an operator for bookingId', () => ({ bookingId: { $ne: null } }), 'bookingId'],
    ['an empty bookingId', () => ({ bookingId: '' }), 'bookingId'],
    ['a bookingId of 65 characters', () => ({ bookingId: 'b'.repeat(65) }), 'bookingId'],
    ['a bookingId with a dot', () => ({ bookingId: 'bk.x' }), 'bookingId'],
  ]),

  ...group('advisor1', 'provider', 'inbox', [
    ['a negative page', () => ({ page: -1 }), 'page'],
    ['a page size of 0', () => ({ pageSize: 0 }), 'pageSize'],
    ['an unknown field', () => ({ providerId: ids.advisor2 }), '(root)', 'providerId'],
  ]),
  ...group('advisor1', 'provider', 'accept', [
    ['no bookingId', () => ({}), 'bookingId'],
    ['an operator for bookingId', () => ({ bookingId: { $ne: null } }), 'bookingId'],
  ]),
  ...group('advisor1', 'provider', 'decline', [
    ['no reason', () => ({ bookingId: requested.id }), 'reason'],
    ['a blank reason', () => ({ bookingId: requested.id, reason: '   ' }), 'reason'],
    ['a reason over 200 characters', () => ({ bookingId: requested.id, reason: long(201) }), 'reason'],
    ['an operator for the reason', () => ({ bookingId: requested.id, reason: op }), 'reason'],
  ]),
  ...group('advisor1', 'provider', 'complete', [
    ['notes over 1000 characters', () => ({ bookingId: requested.id, notes: long(1001) }), 'notes'],
    ['notes as a number', () => ({ bookingId: requested.id, notes: 7 }), 'notes'],
    ['an array for bookingId', () => ({ bookingId: [requested.id] }), 'bookingId'],
  ]),
  ...group('advisor1', 'provider', 'noShow', [
    ['a number for bookingId', () => ({ bookingId: 42 }), 'bookingId'],
    ['notes, which no-show does not take', () => ({ bookingId: requested.id, notes: '没来' }), '(root)', 'notes'],
  ]),
  ...group('advisor1', 'provider', 'cancel', [
    ['no reason', () => ({ bookingId: requested.id }), 'reason'],
    ['an empty reason', () => ({ bookingId: requested.id, reason: '' }), 'reason'],
  ]),
  ...group('advisor1', 'provider', 'schedule', [
    ['no date', () => ({}), 'date'],
    ['the 32nd of December', () => ({ date: '2026-12-32' }), 'date'],
    ['an operator for the date', () => ({ date: { $gte: '' } }), 'date'],
  ]),
  ...group('advisor1', 'provider', 'availability', [['an operator for providerId', () => ({ providerId: op }), 'providerId']]),
  ...group('advisor1', 'provider', 'setWeeklyRules', [
    ['no rules', () => ({}), 'rules'],
    ['an operator for rules', () => ({ rules: op }), 'rules'],
    ['weekday 7', () => ({ rules: [{ ...rule, weekday: 7 }] }), 'rules.0.weekday'],
    ['a start of 24:00', () => ({ rules: [{ ...rule, start: '24:00' }] }), 'rules.0.start'],
    ['slots of 0 minutes', () => ({ rules: [{ ...rule, slotMinutes: 0 }] }), 'rules.0.slotMinutes'],
    ['capacity 0', () => ({ rules: [{ ...rule, capacity: 0 }] }), 'rules.0.capacity'],
    ['capacity as a string', () => ({ rules: [{ ...rule, capacity: '1' }] }), 'rules.0.capacity'],
    ['an unknown field in a rule', () => ({ rules: [{ ...rule, open: true }] }), 'rules.0', 'open'],
    ['an operator for the provider', () => ({ providerId: op, rules: [rule] }), 'providerId'],
  ]),
  ...group('advisor1', 'provider', 'addException', [
    ['no exception', () => ({}), 'exception'],
    ['a date that does not exist', () => ({ exception: { date: '2026-02-30', kind: 'closed' } }), 'exception.date'],
    ['an unknown kind', () => ({ exception: { date: '2026-12-07', kind: 'open' } }), 'exception.kind'],
    ['extra hours without times', () => ({ exception: { date: '2026-12-07', kind: 'extra' } }), 'exception.start'],
  ]),
  ...group('advisor1', 'provider', 'removeException', [['a date in words', () => ({ date: 'tomorrow' }), 'date']]),
  ...group('escort1', 'provider', 'pool', [['page 0', () => ({ page: 0 }), 'page']]),
  ...group('escort1', 'provider', 'claim', [
    ['an operator for bookingId', () => ({ bookingId: op }), 'bookingId'],
    ['a providerId, which comes from the session', () => ({ bookingId: escortRequest.id, providerId: ids.escort2 }), '(root)', 'providerId'],
  ]),

  ...group('admin', 'admin', 'grantRoles', [
    ['an unknown role', () => ({ userId: 'u1', roles: ['superuser'] }), 'roles.0'],
    ['no roles', () => ({ userId: 'u1', roles: [] }), 'roles'],
    ['an operator for userId', () => ({ userId: op, roles: ['volunteer'] }), 'userId'],
    ['staff without a 街道', () => ({ userId: 'u1', roles: ['staff'] }), 'streetId'],
  ]),
  ...group('admin', 'admin', 'revokeRoles', [
    ['no roles', () => ({ userId: 'u1' }), 'roles'],
    ['the resident role', () => ({ userId: 'u1', roles: ['resident'] }), 'roles'],
  ]),
  ...group('admin', 'admin', 'upsertStation', [
    ['a phone in letters', () => ({ communityId: 'cm-xiaoying', name: '站', address: '地址', openingHours: weekdayHours, phone: 'abc' }), 'phone'],
    ['a name over 40 characters', () => ({ communityId: 'cm-xiaoying', name: long(41), address: '地址', openingHours: weekdayHours, phone: '0519-88660000' }), 'name'],
    ['an operator for communityId', () => ({ communityId: op, name: '站', address: '地址', openingHours: weekdayHours, phone: '0519-88660000' }), 'communityId'],
    ['a community that does not exist', () => ({ communityId: 'cm-nowhere', name: '站', address: '地址', openingHours: weekdayHours, phone: '0519-88660000' }), 'communityId'],
    ['opening hours ending before they start', () => ({ communityId: 'cm-xiaoying', name: '站', address: '地址', openingHours: [{ weekday: 1, start: '17:00', end: '09:00' }], phone: '0519-88660000' }), 'openingHours.0.end'],
    ['no opening hours at all', () => ({ communityId: 'cm-xiaoying', name: '站', address: '地址', openingHours: [], phone: '0519-88660000' }), 'openingHours'],
  ]),
  ...group('admin', 'admin', 'deleteStation', [['an operator for stationId', () => ({ stationId: op }), 'stationId']]),
  ...group('admin', 'admin', 'upsertProvider', [
    ['an unknown kind', () => ({ userId: w.people.advisor2.userId, kind: 'chef', name: '赵顾问', venue: '站' }), 'kind'],
    ['an intro over 200 characters', () => ({ userId: w.people.advisor2.userId, kind: 'advisor', name: '赵顾问', stationId: 'sn-shuangguiping', venue: '站', intro: long(201) }), 'intro'],
    ['a user that does not exist', () => ({ userId: 'u-nobody', kind: 'advisor', name: '某顾问', stationId: 'sn-xiaoying', venue: '站' }), 'userId'],
    ['an advisor without a station', () => ({ userId: w.people.advisor2.userId, kind: 'advisor', name: '赵顾问', venue: '站' }), 'stationId'],
    ['a user without the service’s role', () => ({ userId: w.people.resident2.userId, kind: 'advisor', name: '李大爷', stationId: 'sn-hehua', venue: '站' }), 'userId'],
  ]),
  ...group('admin', 'admin', 'deactivateProvider', [['an operator for providerId', () => ({ providerId: op }), 'providerId']]),
  ...group('staff', 'admin', 'assignEscort', [
    ['no bookingId', () => ({ providerId: ids.escort1 }), 'bookingId'],
    ['a reason over 200 characters', () => ({ bookingId: escortRequest.id, providerId: ids.escort1, reason: long(201) }), 'reason'],
    ['an advisor for an escort', () => ({ bookingId: escortRequest.id, providerId: ids.advisor1 }), 'providerId'],
    ['an escort that does not exist', () => ({ bookingId: escortRequest.id, providerId: 'pv-nobody' }), 'providerId'],
  ]),
  ...group('admin', 'admin', 'setHolidayCalendar', [
    ['a 13th month', () => ({ holidays: ['2026-13-01'], workdays: [] }), 'holidays.0'],
    ['a make-up day following weekday 9', () => ({ holidays: [], workdays: [{ date: '2026-12-05', followsWeekday: 9 }] }), 'workdays.0.followsWeekday'],
    ['no workdays', () => ({ holidays: [] }), 'workdays'],
  ]),
  ...group('staff', 'admin', 'stats', [
    ['from after to', () => ({ from: '2026-12-31', to: '2026-12-01' }), 'to'],
    ['a bad from', () => ({ from: '2026-12', to: '2026-12-31' }), 'from'],
    ['an operator for streetId', () => ({ from: '2026-12-01', to: '2026-12-31', streetId: op }), 'streetId'],
  ]),
];

it.each(cases.map((c) => ({ ...c, at: keyPath(c) })))('$what → VALIDATION_FAILED at $at, nothing written', async (c) => {
  const before = await snapshot(w.t.db);
  const result = await w.as(w.people[c.as], c.fn, c.event());
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('VALIDATION_FAILED');
  const fields = result.error.details?.fields ?? [];
  expect(fields.map((f) => f.path)).toContain(c.at);
  if (c.mentions) expect(fields.find((f) => f.path === c.at)?.message).toContain(c.mentions);
  expect(await snapshot(w.t.db)).toEqual(before);
});

it('still accepts the valid events the cases were made from (so the cases fail for their fault alone)', async () => {
  const before = (await snapshot(w.t.db)).bookings?.length ?? 0;
  expect((await w.as(w.people.resident1, 'booking', create({})())).ok).toBe(true);
  expect((await w.as(w.people.resident2, 'booking', counselingCreate(at('2026-12-01', '10:00')))).ok).toBe(true);
  expect((await w.as(w.people.resident2, 'booking', escort({})())).ok).toBe(true);
  expect((await w.as(w.people.advisor1, 'provider', { action: 'setWeeklyRules', rules: demoWeeklyRules('advisor') })).ok).toBe(true);
  expect((await snapshot(w.t.db)).bookings).toHaveLength(before + 3);
});
