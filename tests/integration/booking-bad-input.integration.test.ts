/**
 * Malformed events to every action of catalog, booking, provider and admin: each is refused with
 * VALIDATION_FAILED naming the field at fault, and writes nothing (every collection is compared
 * before and after). Real parts: the local engine, the seeded demo district, session tokens, the
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
import { cloudFunctions } from '../../cloudfunctions/registry';

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

const envelopeCases: Case[] = (['catalog', 'booking', 'provider', 'admin'] as const).flatMap((fn) => [
  { what: `${fn}: no event at all`, as: 'admin' as const, fn, event: () => null, path: '(root)' },
  { what: `${fn}: an array for an event`, as: 'admin' as const, fn, event: () => [{ action: 'services' }], path: '(root)' },
  { what: `${fn}: a string for an event`, as: 'admin' as const, fn, event: () => 'services', path: '(root)' },
  { what: `${fn}: no action`, as: 'admin' as const, fn, event: () => ({}), path: 'action' },
  { what: `${fn}: an unknown action`, as: 'admin' as const, fn, event: () => ({ action: 'dropDatabase' }), path: 'action' },
  { what: `${fn}: an action named like a prototype key`, as: 'admin' as const, fn, event: () => ({ action: 'constructor' }), path: 'action' },
  { what: `${fn}: an operator for the action`, as: 'admin' as const, fn, event: () => ({ action: op }), path: 'action' },
]);

const cases: Case[] = [
  ...envelopeCases,

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
    ['a phone in letters', () => ({ communityId: 'cm-xiaoying', name: '站', address: '地址', hours: '9-17', phone: 'abc' }), 'phone'],
    ['a name over 40 characters', () => ({ communityId: 'cm-xiaoying', name: long(41), address: '地址', hours: '9-17', phone: '0519-88660000' }), 'name'],
    ['an operator for communityId', () => ({ communityId: op, name: '站', address: '地址', hours: '9-17', phone: '0519-88660000' }), 'communityId'],
    ['a community that does not exist', () => ({ communityId: 'cm-nowhere', name: '站', address: '地址', hours: '9-17', phone: '0519-88660000' }), 'communityId'],
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

it('covers every action of the four functions', () => {
  for (const fn of ['catalog', 'booking', 'provider', 'admin'] as const) {
    const covered = new Set(cases.filter((c) => c.fn === fn).map((c) => (c.event() as { action?: unknown } | null)?.action).filter((a) => typeof a === 'string'));
    for (const action of Object.keys(cloudFunctions[fn]!.actions)) expect(`${fn}.${action}: ${covered.has(action)}`).toBe(`${fn}.${action}: true`);
  }
});

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

/**
 * A sweep over every field of a valid event of every action: the field replaced by an operator
 * object, and by a value of the wrong type. Each is refused at that field's path.
 */
describe('an operator object or a wrong type in any field', () => {
  type Valid = { as: PersonaName; fn: Case['fn']; action: string; note?: string; payload: () => Record<string, unknown> };
  const strip = ({ action: _action, ...payload }: Record<string, unknown>) => payload;
  const valid: Valid[] = [
    { as: 'resident1', fn: 'catalog', action: 'stations', payload: () => ({ streetId: ids.street, communityId: 'cm-xiaoying' }) },
    { as: 'resident1', fn: 'catalog', action: 'providers', payload: () => ({ service: 'advisor', stationId: 'sn-xiaoying' }) },
    { as: 'resident1', fn: 'catalog', action: 'slots', payload: () => ({ providerId: ids.advisor1, from: '2026-12-01', days: 3 }) },
    {
      as: 'resident1',
      fn: 'booking',
      action: 'create',
      note: 'advisor home visit for a family member',
      payload: () =>
        strip(advisorCreate(TUESDAY_9, { details: { mode: 'home_visit', address: '南大街 1 号', note: '腿脚不便' }, forFamily: { name: '张桂兰', phone: '13700001111', relationship: 'parent' } })),
    },
    { as: 'resident1', fn: 'booking', action: 'create', note: 'counseling', payload: () => strip(counselingCreate(at('2026-12-01', '10:00'))) },
    {
      as: 'resident1',
      fn: 'booking',
      action: 'create',
      note: 'escort',
      payload: () => strip(escortCreate(at('2026-12-03', '09:00'), { details: { languageNeeds: '常州话', note: '需要轮椅' } })),
    },
    { as: 'resident1', fn: 'booking', action: 'cancel', payload: () => ({ bookingId: requested.id, reason: '不去了' }) },
    { as: 'resident1', fn: 'booking', action: 'reschedule', payload: () => ({ bookingId: requested.id, startsAt: at('2026-12-01', '10:00') }) },
    { as: 'resident1', fn: 'booking', action: 'mine', payload: () => ({ status: 'requested', page: 1, pageSize: 10 }) },
    { as: 'resident1', fn: 'booking', action: 'detail', payload: () => ({ bookingId: requested.id }) },
    { as: 'advisor1', fn: 'provider', action: 'inbox', payload: () => ({ page: 1, pageSize: 10 }) },
    { as: 'advisor1', fn: 'provider', action: 'accept', payload: () => ({ bookingId: requested.id }) },
    { as: 'advisor1', fn: 'provider', action: 'decline', payload: () => ({ bookingId: requested.id, reason: '外出' }) },
    { as: 'advisor1', fn: 'provider', action: 'complete', payload: () => ({ bookingId: requested.id, notes: '已完成' }) },
    { as: 'advisor1', fn: 'provider', action: 'noShow', payload: () => ({ bookingId: requested.id }) },
    { as: 'advisor1', fn: 'provider', action: 'cancel', payload: () => ({ bookingId: requested.id, reason: '出差' }) },
    { as: 'advisor1', fn: 'provider', action: 'schedule', payload: () => ({ date: '2026-12-01' }) },
    { as: 'advisor1', fn: 'provider', action: 'availability', payload: () => ({ providerId: ids.advisor1 }) },
    { as: 'advisor1', fn: 'provider', action: 'setWeeklyRules', payload: () => ({ providerId: ids.advisor1, rules: [rule] }) },
    {
      as: 'advisor1',
      fn: 'provider',
      action: 'addException',
      payload: () => ({ providerId: ids.advisor1, exception: { date: '2026-12-05', kind: 'extra', start: '09:00', end: '10:00', slotMinutes: 30, capacity: 1, bufferMinutes: 0 } }),
    },
    { as: 'advisor1', fn: 'provider', action: 'removeException', payload: () => ({ providerId: ids.advisor1, date: '2026-12-05' }) },
    { as: 'escort1', fn: 'provider', action: 'pool', payload: () => ({ page: 1, pageSize: 10 }) },
    { as: 'escort1', fn: 'provider', action: 'claim', payload: () => ({ bookingId: escortRequest.id }) },
    { as: 'admin', fn: 'admin', action: 'grantRoles', payload: () => ({ userId: w.people.resident2.userId, roles: ['staff'], streetId: ids.street }) },
    { as: 'admin', fn: 'admin', action: 'revokeRoles', payload: () => ({ userId: w.people.resident2.userId, roles: ['volunteer'] }) },
    {
      as: 'admin',
      fn: 'admin',
      action: 'upsertStation',
      payload: () => ({ stationId: 'sn-wuxing', communityId: 'cm-wuxing', name: '五星站', address: '五星社区', hours: '9:00-17:00', phone: '0519-88661005' }),
    },
    { as: 'admin', fn: 'admin', action: 'deleteStation', payload: () => ({ stationId: 'sn-wuxing' }) },
    {
      as: 'admin',
      fn: 'admin',
      action: 'upsertProvider',
      payload: () => ({ providerId: ids.advisor2, userId: w.people.advisor2.userId, kind: 'advisor', name: '赵顾问', stationId: 'sn-shuangguiping', venue: '站', intro: '顾问' }),
    },
    { as: 'admin', fn: 'admin', action: 'deactivateProvider', payload: () => ({ providerId: ids.advisor2 }) },
    { as: 'staff', fn: 'admin', action: 'assignEscort', payload: () => ({ bookingId: escortRequest.id, providerId: ids.escort1, reason: '就近' }) },
    { as: 'admin', fn: 'admin', action: 'setHolidayCalendar', payload: () => ({ holidays: ['2026-12-02'], workdays: [{ date: '2026-12-05', followsWeekday: 3 }] }) },
    { as: 'admin', fn: 'admin', action: 'stats', payload: () => ({ from: '2026-12-01', to: '2026-12-31', streetId: ids.street }) },
  ];

  /** Every path in a payload, objects and arrays included, with the value found there. */
  function pathsOf(value: unknown, prefix: string[] = []): { path: string[]; value: unknown }[] {
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => [{ path: [...prefix, key], value: child }, ...pathsOf(child, [...prefix, key])]);
  }

  function replaced(payload: Record<string, unknown>, path: string[], replacement: unknown): Record<string, unknown> {
    const copy = structuredClone(payload);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path.at(-1)!] = replacement;
    return copy;
  }

  const wrongType = (value: unknown) => (typeof value === 'string' ? 12345 : 'x');
  // Payloads are functions: they name bookings made in beforeAll.
  const sweep = valid.map((v) => ({ ...v, title: `${v.fn}.${v.action}${v.note ? ` (${v.note})` : ''}` }));

  it('starts from events the schemas accept', () => {
    for (const v of sweep) {
      const parsed = cloudFunctions[v.fn]!.actions[v.action]!.input.safeParse(v.payload());
      expect(`${v.fn}.${v.action}: ${parsed.success ? 'valid' : JSON.stringify(parsed.error.issues)}`).toBe(`${v.fn}.${v.action}: valid`);
    }
    const actions = new Set(sweep.map((v) => `${v.fn}.${v.action}`));
    for (const fn of ['catalog', 'booking', 'provider', 'admin'] as const) {
      for (const [action, spec] of Object.entries(cloudFunctions[fn]!.actions)) {
        // Actions that take no field at all have nothing to sweep.
        const shape = (spec.input as unknown as { shape?: Record<string, unknown> }).shape;
        if (shape && Object.keys(shape).length === 0) continue;
        expect(actions).toContain(`${fn}.${action}`);
      }
    }
  });

  it.each(sweep)('$title: every field', async (v) => {
    const payload = v.payload();
    const failures: string[] = [];
    for (const { path, value } of pathsOf(payload)) {
      for (const [label, replacement] of [['an operator', { $gt: '' }], ['a wrong type', wrongType(value)]] as const) {
        const before = await snapshot(w.t.db);
        const result = await w.as(w.people[v.as], v.fn, { action: v.action, ...replaced(payload, path, replacement) });
        const fields = result.ok ? [] : (result.error.details?.fields ?? []).map((f) => f.path);
        const code = result.ok ? 'ok' : result.error.code;
        // An operator in place of a whole union (details, exception) is reported at its discriminator.
        const named = fields.some((f) => f === path.join('.') || f.startsWith(`${path.join('.')}.`));
        if (code !== 'VALIDATION_FAILED' || !named) failures.push(`${label} at ${path.join('.')}: ${code} ${JSON.stringify(fields)}`);
        if (JSON.stringify(await snapshot(w.t.db)) !== JSON.stringify(before)) failures.push(`${label} at ${path.join('.')}: wrote something`);
      }
    }
    expect(failures).toEqual([]);
  });
});
