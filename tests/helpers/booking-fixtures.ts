/**
 * Fixtures for booking integration tests: a real app on a fresh database with the demo district
 * seeded on a manual clock, its people logged in, and factories for valid events and fresh
 * residents. Everything here goes through the same functions a client calls, unless named `direct`.
 */
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { BookingView, HistoryEntry } from '../../cloudfunctions/core/services/booking/booking-view';
import type { FreeSlot } from '../../cloudfunctions/core/services/booking/slot.service';
import type { OutboxEvent } from '../../cloudfunctions/core/repositories/outbox.repository';
import type { BookingDoc } from '../../cloudfunctions/core/repositories/booking.repository';
import { dayjs, DISTRICT_TZ, districtDateOf } from '../../shared/domain/time';
import type { Envelope } from '../../shared/errors';
import { createTestApp, expectOk, loginAs, type TestApp } from './test-app';

export type ManualClock = ReturnType<typeof manualClock>;
export type { BookingView, HistoryEntry, FreeSlot, OutboxEvent, BookingDoc };

/** Monday 2026-11-30, 08:00 in Shanghai: advisors open at 09:00, no holiday in the next weeks. */
export const MONDAY_MORNING = '2026-11-30T00:00:00.000Z';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The instant of a Shanghai wall time, as ISO 8601 in UTC ('2026-12-01', '09:00' → 01:00Z). */
export function at(date: string, time: string): string {
  return dayjs.tz(`${date} ${time}`, DISTRICT_TZ).toISOString();
}

/** The demo accounts the tests act as (openids from host/seed/demo-district.data.ts). */
export const demoOpenids = {
  resident1: 'demo-resident-1',
  resident2: 'demo-resident-2',
  advisor1: 'demo-advisor-1',
  advisor2: 'demo-advisor-2',
  advisor3: 'demo-advisor-3',
  counselor1: 'demo-counselor-1',
  counselor2: 'demo-counselor-2',
  escort1: 'demo-escort-1',
  escort2: 'demo-escort-2',
  escort3: 'demo-escort-3',
  staff: 'demo-staff-1',
  admin: 'demo-admin',
} as const;

export type PersonaName = keyof typeof demoOpenids | 'otherStaff';
export type Person = { token: string; userId: string };

/** pv-advisor-1 sits in sn-xiaoying, 南大街 (st-nandajie); pv-advisor-3 in sn-hehua, 荷花池 (st-hehuachi). */
export const ids = {
  advisor1: 'pv-advisor-1',
  advisor2: 'pv-advisor-2',
  advisor3: 'pv-advisor-3',
  counselor1: 'pv-counselor-1',
  counselor2: 'pv-counselor-2',
  escort1: 'pv-escort-1',
  escort2: 'pv-escort-2',
  escort3: 'pv-escort-3',
  street: 'st-nandajie',
  otherStreet: 'st-hehuachi',
} as const;

export type BookingWorld = {
  t: TestApp;
  clock: ManualClock;
  people: Record<PersonaName, Person>;
  /** Calls a function as a person, or anonymously with null. */
  as(person: Person | null, fn: string, event: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
};

/**
 * The seeded demo district on a manual clock set to `now`, everyone logged in. `otherStaff` is a
 * staff member of 荷花池街道 (the demo staff member serves 南大街).
 */
export async function createBookingWorld(options: { now?: string; env?: Record<string, string> } = {}): Promise<BookingWorld> {
  const clock = manualClock(options.now ?? MONDAY_MORNING);
  // Tests move the clock by days; sessions last the longest the config allows so they outlive it.
  const t = await createTestApp({ clock, env: { TOKEN_TTL_SECONDS: String(30 * 24 * 3600), ...options.env } });
  try {
    await seedDemoDistrict(t.app);
    const people = {} as Record<PersonaName, Person>;
    for (const [name, openid] of Object.entries(demoOpenids)) people[name as PersonaName] = await loginAs(t, openid);
    const otherStaff = await loginAs(t, 'staff-hehuachi');
    await t.app.services.users.grantRoles(otherStaff.userId, ['staff'], ids.otherStreet);
    people.otherStaff = otherStaff;
    return {
      t,
      clock,
      people,
      as: (person, fn, event) => (person ? t.callAs(person.token, fn, event) : t.call(fn, event)),
      close: () => t.close(),
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** Days of the demo week the tests book on (Monday 2026-11-30 is the clock's start). */
export const DEMO_WEEK = { TUE: '2026-12-01', WED: '2026-12-02', THU: '2026-12-03' } as const;

/**
 * Gives each test of the file its own fresh world (jest beforeEach/afterEach) and hands it to `set`,
 * so a file keeps a plain `let w` for its tests to use.
 */
export function freshWorldForEachTest(set: (world: BookingWorld) => void, options: { now?: string; env?: Record<string, string> } = {}): void {
  let current: BookingWorld | undefined;
  beforeEach(async () => {
    current = await createBookingWorld(options);
    set(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}

/** Short calls for the world a file's tests share (read through `world()` when the call is made). */
export function worldCalls(world: () => BookingWorld) {
  const call = (person: Person, fn: string, event: Record<string, unknown>) => world().as(person, fn, event);
  return {
    call,
    provider: (person: Person, action: string, event: Record<string, unknown>) => call(person, 'provider', { action, ...event }),
    /** The start times of a provider's free slots on a date. */
    starts: async (providerId: string, date: string) => (await freeSlots(world(), providerId, date)).map((s) => s.startsAt),
  };
}

/** The code and field issues of a failed envelope, or `{ code: 'ok' }`. */
export function errorOf(envelope: Envelope<unknown>) {
  return envelope.ok ? { code: 'ok' } : { code: envelope.error.code, fields: envelope.error.details?.fields };
}

let residentCounter = 0;

/** A new resident of 小营前社区 (南大街) with a profile, so bookings and rate limits never collide. */
export async function freshResident(w: BookingWorld, communityId = 'cm-xiaoying'): Promise<Person> {
  residentCounter += 1;
  const person = await loginAs(w.t, `fresh-resident-${residentCounter}`);
  expectOk(await w.as(person, 'user', { action: 'updateProfile', name: `居民${residentCounter}`, phone: '13811112222', communityId }));
  return person;
}

let requestCounter = 0;

/** A client request id (8–64 safe characters), unique within the test run. */
export function newRequestId(): string {
  requestCounter += 1;
  return `req-${process.pid}-${String(requestCounter).padStart(6, '0')}`;
}

export const CONTACT_PHONE = '13811112222';
/** Text only the resident and their counselor may ever see; tests search for it everywhere else. */
export const COUNSELING_NOTE = '丈夫长期酗酒，想谈谈是否继续婚姻';
export const COUNSELING_TOPIC = 'cooling_off';
export const COUNSELING_SERVICE_NOTES = '第一次面谈：双方同意下周再来，建议戒酒门诊';

type CreateOverrides = { requestId?: string; providerId?: string; forFamily?: unknown; contactPhone?: string; details?: Record<string, unknown> };

export function advisorCreate(startsAt: string, overrides: CreateOverrides = {}) {
  const { details, ...rest } = overrides;
  return {
    action: 'create',
    requestId: newRequestId(),
    providerId: ids.advisor1,
    startsAt,
    details: { kind: 'advisor', topic: 'policy', mode: 'station', ...details },
    contactPhone: CONTACT_PHONE,
    ...rest,
  };
}

export function counselingCreate(startsAt: string, overrides: CreateOverrides = {}) {
  const { details, ...rest } = overrides;
  return {
    action: 'create',
    requestId: newRequestId(),
    providerId: ids.counselor1,
    startsAt,
    details: { kind: 'counseling', format: 'individual', topic: COUNSELING_TOPIC, note: COUNSELING_NOTE, ...details },
    contactPhone: CONTACT_PHONE,
    ...rest,
  };
}

export const PICKUP_ADDRESS = '钟楼区南大街小营前 12 号 3 单元 401';

export function escortCreate(startsAt: string, overrides: CreateOverrides = {}) {
  const { details, ...rest } = overrides;
  return {
    action: 'create',
    requestId: newRequestId(),
    startsAt,
    details: {
      kind: 'escort',
      hospital: '常州市第一人民医院',
      department: '心血管内科',
      pickupAddress: PICKUP_ADDRESS,
      mobilityAids: ['wheelchair'],
      companionPhone: '13911112222',
      eligibility: 'dibao',
      streetId: ids.street,
      ...details,
    },
    contactPhone: CONTACT_PHONE,
    ...rest,
  };
}

/** Creates a booking through the booking function and returns its view; fails the test otherwise. */
export async function book(w: BookingWorld, person: Person, event: unknown): Promise<BookingView> {
  return expectOk<BookingView>(await w.as(person, 'booking', event));
}

/** Free slots of a provider as residents see them (catalog.slots). */
export async function freeSlots(w: BookingWorld, providerId: string, from: string, days = 1): Promise<FreeSlot[]> {
  const result = expectOk<{ slots: FreeSlot[] }>(await w.as(w.people.resident1, 'catalog', { action: 'slots', providerId, from, days }));
  return result.slots;
}

/** The first free slot of a provider from `fromDate` (default today) on, skipping some start times. */
export async function nextFreeSlot(w: BookingWorld, providerId: string, options: { skip?: readonly string[]; fromDate?: string } = {}): Promise<FreeSlot> {
  const skip = options.skip ?? [];
  const slots = await freeSlots(w, providerId, options.fromDate ?? districtDateOf(w.clock.now()), 31);
  const slot = slots.find((s) => !skip.includes(s.startsAt));
  if (!slot) throw new Error(`no free slot left for ${providerId}`);
  return slot;
}

/** Reads a booking document straight from the database (for state the views do not show). */
export function directBooking(w: BookingWorld, bookingId: string): Promise<BookingDoc | null> {
  return w.t.app.repos.bookings.findById(bookingId);
}

export function directOutbox(w: BookingWorld, filter: Record<string, unknown> = {}): Promise<OutboxEvent[]> {
  return w.t.db.collection<OutboxEvent>('outbox').find(filter as never).sort({ at: 1, _id: 1 }).toArray();
}

export async function detailOf(w: BookingWorld, person: Person, bookingId: string): Promise<{ booking: BookingView; history: HistoryEntry[] }> {
  return expectOk(await w.as(person, 'booking', { action: 'detail', bookingId }));
}

/** Sets a 街道's daily escort capacity (staff keep it as data in the streets collection). */
export async function setEscortCapacity(w: BookingWorld, streetId: string, capacity: number): Promise<void> {
  const street = await w.t.app.repos.district.findStreet(streetId);
  if (!street) throw new Error(`no street ${streetId}`);
  await w.t.app.repos.district.upsertStreet({ ...street, escortDailyCapacity: capacity });
}

/** The error code of an envelope, or 'ok'. */
export function outcome(envelope: Envelope<unknown>): string {
  return envelope.ok ? 'ok' : envelope.error.code;
}
