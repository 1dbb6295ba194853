/**
 * The instance's cache of what rarely changes (ReferenceCache behind the version stamps): a warm
 * create reads none of it again, and a change made by any other instance is seen by this instance's
 * next call after the change's reply, as if nothing were cached.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host, and a second app on its own connection standing for another function instance. The clock
 * is a manual one on Monday 2026-11-30 08:00 in Shanghai. Each test gets a fresh district.
 */
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { createApp, type App } from '../../cloudfunctions/core/runtime/app';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { STAMP_KINDS, StampRepository } from '../../cloudfunctions/core/repositories/stamp.repository';
import { ReferenceCache, STAMP_REUSE_MS } from '../../cloudfunctions/core/repositories/reference-cache';
import { performance } from 'node:perf_hooks';
import { advisorCreate, at, book, DEMO_WEEK, errorOf, freshWorldForEachTest, ids, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { openRacingClients, type RacingClient } from '../helpers/racing-clients';
import { engineUri, expectOk } from '../helpers/test-app';
import { demoWeeklyRules } from '../../host/seed/demo-district.data';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { TUE, WED, THU } = DEMO_WEEK;

/** Another function instance on the same database. */
async function otherInstance(): Promise<RacingClient & { close(): Promise<void> }> {
  const [other] = await openRacingClients(w.t, 1);
  return Object.assign(other!, { close: () => other!.client.close() });
}

/** An instance whose every database command is recorded, to see what a call reads. */
async function monitoredInstance() {
  const client = new MongoClient(engineUri(), { maxPoolSize: 4, monitorCommands: true });
  await client.connect();
  const app: App = await createApp({ config: w.t.app.config, db: client.db(w.t.dbName), clock: w.clock, ensureIndexes: false });
  let seen: string[] = [];
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (['find', 'insert', 'update', 'delete', 'findAndModify'].includes(event.commandName)) seen.push(`${event.commandName} ${String(event.command[event.commandName])}`);
  });
  return {
    /** The commands one call sent. */
    async commandsOf(person: Person, fn: string, event: unknown) {
      seen = [];
      const envelope = await cloudFunctions[fn]!.invoke(app, event, { kind: 'bearer', token: person.token });
      return { envelope, commands: seen };
    },
    close: () => client.close(),
  };
}

const REFERENCE_READS = ['find services', 'find providers', 'find availability', 'find calendars', 'find stations', 'find communities', 'find streets', 'find users'];
const referenceReads = (commands: string[]) => commands.filter((c) => REFERENCE_READS.includes(c));

describe('the reference cache', () => {
  it('serves a warm create without reading the service, provider, hours, calendar, station or user again', async () => {
    const { resident1 } = w.people;
    const instance = await monitoredInstance();
    try {
      const first = await instance.commandsOf(resident1, 'booking', advisorCreate(at(TUE, '09:00')));
      expectOk(first.envelope);
      expect(referenceReads(first.commands).length).toBeGreaterThan(0);

      // Past the window in which one stamp read answers for the instance's every call.
      await new Promise((resolve) => setTimeout(resolve, STAMP_REUSE_MS + 50));
      const second = await instance.commandsOf(resident1, 'booking', advisorCreate(at(TUE, '10:00')));
      expect(expectOk<{ status: string }>(second.envelope).status).toBe('requested');
      expect(referenceReads(second.commands)).toEqual([]);
      // The one read that stands for all of them.
      expect(second.commands.filter((c) => c === 'find stamps')).toHaveLength(1);

      // Within the window (time held still) the stamps just read answer again: a refused create
      // against a full slot reads the request id and the seats (and, once, the new caller).
      const still = performance.now();
      const clock = jest.spyOn(performance, 'now').mockReturnValue(still);
      try {
        const full = await instance.commandsOf(w.people.resident2, 'booking', advisorCreate(at(TUE, '09:00')));
        expect(errorOf(full.envelope).code).toBe('SLOT_FULL');
        expect(full.commands.sort()).toEqual(['find bookings', 'find seats', 'find users'].sort());
        const fullAgain = await instance.commandsOf(w.people.resident2, 'booking', advisorCreate(at(TUE, '09:00')));
        expect(fullAgain.commands.sort()).toEqual(['find bookings', 'find seats'].sort());
        // Once the window has passed, the next call reads the stamps again.
        clock.mockReturnValue(still + STAMP_REUSE_MS);
        const later = await instance.commandsOf(w.people.resident2, 'booking', advisorCreate(at(TUE, '09:00')));
        expect(later.commands.sort()).toEqual(['find bookings', 'find seats', 'find stamps'].sort());
      } finally {
        clock.mockRestore();
      }
    } finally {
      await instance.close();
    }
  });

  it('sees a holiday another instance set at its next create, and that instance reports the bookings it strands', async () => {
    const { resident1, resident2, admin } = w.people;
    // This instance (the test app) has the advisor, the hours and the calendar in memory.
    const onTuesday = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const other = await otherInstance();
    try {
      const set = expectOk<{ affected: { id: string }[] }>(await other.call('admin', { action: 'setHolidayCalendar', holidays: [TUE], workdays: [] }, admin.token));
      expect(set.affected.map((b) => b.id)).toEqual([onTuesday.id]);
      expect(errorOf(await w.as(resident2, 'booking', advisorCreate(at(TUE, '10:00'))))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'startsAt' }] });

      // And back: the next create here may book that day again.
      expectOk(await other.call('admin', { action: 'setHolidayCalendar', holidays: [], workdays: [] }, admin.token));
      expect((await book(w, resident2, advisorCreate(at(TUE, '10:00')))).status).toBe('requested');
    } finally {
      await other.close();
    }
  });

  it('reports to whoever set a holiday a booking made on it by an instance still going by the stamps it read just before', async () => {
    const { resident1, resident2, admin } = w.people;
    const onTuesday = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    // This instance has just read the stamps; held at that moment, it keeps going by them.
    const justChecked = performance.now();
    const other = await otherInstance();
    const settle = ReferenceCache.settled;
    let slipped: { id: string } | null = null;
    // The moment the holiday is stored on the other instance and before it looks for stranded bookings.
    jest.spyOn(ReferenceCache, 'settled').mockImplementationOnce(async () => {
      const clock = jest.spyOn(performance, 'now').mockReturnValue(justChecked);
      try {
        slipped = await book(w, resident2, advisorCreate(at(TUE, '10:00')));
      } finally {
        clock.mockRestore();
      }
      await settle();
    });
    try {
      const set = expectOk<{ affected: { id: string }[] }>(await other.call('admin', { action: 'setHolidayCalendar', holidays: [TUE], workdays: [] }, admin.token));
      expect(slipped).not.toBeNull();
      expect(set.affected.map((b) => b.id).sort()).toEqual([onTuesday.id, slipped!.id].sort());
      // Its resident is told, like every resident whose booking the change strands.
      const told = await w.t.db.collection('outbox').find({ type: 'availability_changed', 'subject.id': slipped!.id }).toArray();
      expect(told.map((e) => e.recipients)).toEqual([[resident2.userId]]);
    } finally {
      jest.restoreAllMocks();
      await other.close();
    }
  });

  it('sees changed hours and a provider taken off duty at its next create', async () => {
    const { resident1, resident2, advisor1, admin } = w.people;
    await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const other = await otherInstance();
    try {
      const withoutThursday = demoWeeklyRules('advisor').filter((rule) => rule.weekday !== 4);
      expectOk(await other.call('provider', { action: 'setWeeklyRules', rules: withoutThursday }, advisor1.token));
      expect(errorOf(await w.as(resident2, 'booking', advisorCreate(at(THU, '09:00'))))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'startsAt' }] });

      expectOk(await other.call('admin', { action: 'deactivateProvider', providerId: ids.advisor1 }, admin.token));
      expect(errorOf(await w.as(resident2, 'booking', advisorCreate(at(WED, '10:00'))))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'providerId' }] });
    } finally {
      await other.close();
    }
  });

  it('sees a profile changed and a role revoked on another instance at the next call', async () => {
    const { resident1, admin } = w.people;
    const other = await otherInstance();
    try {
      expect(expectOk<{ name: string | null }>(await w.as(resident1, 'user', { action: 'me' })).name).not.toBe('新名字');
      expectOk(await other.call('user', { action: 'updateProfile', name: '新名字' }, resident1.token));
      expect(expectOk<{ name: string | null }>(await w.as(resident1, 'user', { action: 'me' })).name).toBe('新名字');

      // Staff known to this instance as staff; the role revoked elsewhere, the next call is refused.
      const staff = w.people.staff;
      expectOk(await w.as(staff, 'staff', { action: 'streetBookings' }));
      expectOk(await other.call('admin', { action: 'revokeRoles', userId: staff.userId, roles: ['staff'] }, admin.token));
      expect(errorOf(await w.as(staff, 'staff', { action: 'streetBookings' })).code).toBe('FORBIDDEN');
    } finally {
      await other.close();
    }
  });
});

describe('the version stamps', () => {
  it('gives the kind a new token on every write to the data behind it', async () => {
    const stamps = new StampRepository(w.t.db);
    const repos = w.t.app.repos;
    const street = (await repos.district.findStreet(ids.street))!;
    const station = (await repos.district.listStations({ streetId: ids.street }))[0]!;
    const community = (await repos.district.findCommunity(station.communityId))!;
    const provider = (await repos.providers.findById(ids.advisor1))!;
    const service = (await repos.catalog.findService('advisor'))!;
    const hours = await repos.availability.get(ids.advisor1);
    const now = w.clock.now();
    const writes: [string, 'reference' | 'users', () => Promise<unknown>][] = [
      ['service', 'reference', () => repos.catalog.upsertService(service)],
      ['calendar', 'reference', () => repos.catalog.saveHolidayCalendar({ holidays: [], workdays: [], updatedAt: now })],
      ['provider', 'reference', () => repos.providers.upsert(provider)],
      ['provider off duty', 'reference', () => repos.providers.deactivate(ids.advisor2, now)],
      ['hours', 'reference', () => repos.availability.save(hours)],
      ['street', 'reference', () => repos.district.upsertStreet(street)],
      ['escort capacity', 'reference', () => repos.district.setEscortCapacity(ids.street, street.escortDailyCapacity)],
      ['community', 'reference', () => repos.district.upsertCommunity(community)],
      ['station', 'reference', () => repos.district.upsertStation(station)],
      ['station removed', 'reference', () => repos.district.deleteStation('sn-none')],
      ['profile', 'users', () => repos.users.updateProfile(w.people.resident1.userId, { name: '张三' }, now)],
      ['roles added', 'users', () => repos.users.addRoles(w.people.resident1.userId, ['volunteer'], undefined, now)],
      ['roles removed', 'users', () => repos.users.removeRoles(w.people.resident1.userId, ['volunteer'], now)],
      ['sessions ended', 'users', () => repos.users.endSessionsBefore(w.people.resident1.userId, now)],
    ];
    for (const [what, kind, write] of writes) {
      const before = await stamps.read();
      await write();
      const after = await stamps.read();
      expect({ what, changed: after[kind] !== before[kind] }).toEqual({ what, changed: true });
      for (const other of STAMP_KINDS.filter((k) => k !== kind)) expect({ what, other, same: after[other] === before[other] }).toEqual({ what, other, same: true });
    }
  });
});
