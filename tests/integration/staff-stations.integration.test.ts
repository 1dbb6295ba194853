/**
 * Stations and providers managed from the staff desk: the lists with inactive records
 * (`staff.managedStations`, `staff.managedProviders`), a station's opening hours in weekday rows
 * (`admin.upsertStation`) and its on/off switch (`admin.setStationActive`). 街道 staff keep their
 * own 街道's stations and see their own 街道's providers; another 街道's are not there for them.
 *
 * Real parts: the local engine, the seeded demo district (stations sn-xiaoying and
 * sn-shuangguiping in 南大街, sn-hehua and sn-qingtan in 荷花池, each with one advisor), session tokens.
 */
import { errorOf, freshWorldForEachTest, ids, worldCalls, type BookingWorld, type Person } from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { call } = worldCalls(() => w);
const staffCall = (person: Person, action: string, event: Record<string, unknown> = {}) => call(person, 'staff', { action, ...event });
const adminCall = (person: Person, action: string, event: Record<string, unknown> = {}) => call(person, 'admin', { action, ...event });

type Station = { id: string; communityId: string; streetId: string; name: string; hours: string; openingHours: { weekday: number; start: string; end: string }[]; active: boolean };
type ManagedProvider = { id: string; kind: string; stationId: string | null; streetId: string | null; userId: string; active: boolean };

const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '11:30' }));
const afternoons = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '14:00', end: '17:00' }));
const xiaoying = (overrides: Record<string, unknown> = {}) => ({
  stationId: 'sn-xiaoying',
  communityId: 'cm-xiaoying',
  name: '小营前社区养老顾问站',
  address: '钟楼区小营前社区服务中心一楼 101 室',
  openingHours: [...afternoons, ...mornings, { weekday: 6, start: '09:00', end: '12:00' }],
  phone: '0519-88661001',
  ...overrides,
});

async function stationDoc(stationId: string) {
  return w.t.app.repos.district.findStation(stationId);
}

describe('the stations list for managing them', () => {
  it('gives staff their 街道’s stations whatever they ask for, and admin the district or one 街道', async () => {
    const mine = expectOk<Station[]>(await staffCall(w.people.staff, 'managedStations', { streetId: ids.otherStreet }));
    expect(mine.map((s) => s.id).sort()).toEqual(['sn-shuangguiping', 'sn-xiaoying']);
    expect(mine.every((s) => s.streetId === ids.street && s.active)).toBe(true);
    const theirs = expectOk<Station[]>(await staffCall(w.people.otherStaff, 'managedStations'));
    expect(theirs.map((s) => s.id).sort()).toEqual(['sn-hehua', 'sn-qingtan']);
    expect(expectOk<Station[]>(await staffCall(w.people.admin, 'managedStations'))).toHaveLength(6);
    expect(expectOk<Station[]>(await staffCall(w.people.admin, 'managedStations', { streetId: ids.otherStreet })).map((s) => s.id).sort()).toEqual(['sn-hehua', 'sn-qingtan']);
    expect(errorOf(await staffCall(w.people.advisor1, 'managedStations')).code).toBe('FORBIDDEN');
  });
});

describe('a station’s details and opening hours', () => {
  it('lets staff set their own station’s hours in weekday rows; residents read them as one line', async () => {
    const saved = expectOk<Station>(await adminCall(w.people.staff, 'upsertStation', xiaoying()));
    expect(saved.hours).toBe('周一至周五 08:30-11:30、14:00-17:00；周六 09:00-12:00');
    // Stored Monday first and by start, as the form shows them.
    expect(saved.openingHours.slice(0, 2)).toEqual([
      { weekday: 1, start: '08:30', end: '11:30' },
      { weekday: 1, start: '14:00', end: '17:00' },
    ]);
    expect(saved.active).toBe(true);
    const listed = expectOk<Station[]>(await call(w.people.resident1, 'catalog', { action: 'stations', communityId: 'cm-xiaoying' }));
    expect(listed.map((s) => s.hours)).toEqual(['周一至周五 08:30-11:30、14:00-17:00；周六 09:00-12:00']);
  });

  it('refuses staff another 街道’s station, a new one there and moving theirs there, and writes nothing', async () => {
    const before = await stationDoc('sn-hehua');
    const edit = await adminCall(w.people.staff, 'upsertStation', xiaoying({ stationId: 'sn-hehua', communityId: 'cm-hehua', name: '改名' }));
    expect(errorOf(edit).code).toBe('NOT_FOUND');
    expect(await stationDoc('sn-hehua')).toEqual(before);

    // A community of 荷花池 with no station yet: staff of 南大街 may not open one there.
    await w.t.app.repos.district.upsertCommunity({ _id: 'cm-new-hehua', streetId: ids.otherStreet, name: '新社区' });
    const create = await adminCall(w.people.staff, 'upsertStation', xiaoying({ stationId: undefined, communityId: 'cm-new-hehua', name: '新站' }));
    expect(errorOf(create)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'communityId' }] });
    expect(await w.t.app.repos.district.listStations({ communityId: 'cm-new-hehua', includeInactive: true })).toEqual([]);

    const move = await adminCall(w.people.staff, 'upsertStation', xiaoying({ communityId: 'cm-new-hehua' }));
    expect(errorOf(move)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'communityId' }] });
    expect((await stationDoc('sn-xiaoying'))!.communityId).toBe('cm-xiaoying');

    // Their own 街道's new community is theirs to open a station in; admin may anywhere.
    await w.t.app.repos.district.upsertCommunity({ _id: 'cm-new-nandajie', streetId: ids.street, name: '新南社区' });
    const opened = expectOk<Station>(await adminCall(w.people.staff, 'upsertStation', xiaoying({ stationId: undefined, communityId: 'cm-new-nandajie', name: '新南站' })));
    expect(opened).toMatchObject({ streetId: ids.street, active: true });
    expectOk(await adminCall(w.people.admin, 'upsertStation', xiaoying({ stationId: undefined, communityId: 'cm-new-hehua', name: '新站' })));
  });
});

describe('switching a station off and on', () => {
  it('keeps a station with active advisors on, then takes it off the residents’ map and puts it back', async () => {
    const refused = await adminCall(w.people.staff, 'setStationActive', { stationId: 'sn-xiaoying', active: false });
    expect(errorOf(refused).code).toBe('CONFLICT');
    expect((await stationDoc('sn-xiaoying'))!.active).toBeUndefined();

    expectOk(await adminCall(w.people.admin, 'deactivateProvider', { providerId: ids.advisor1 }));
    // Another 街道's staff cannot switch it: for them it does not exist.
    expect(errorOf(await adminCall(w.people.otherStaff, 'setStationActive', { stationId: 'sn-xiaoying', active: false })).code).toBe('NOT_FOUND');
    expect((await stationDoc('sn-xiaoying'))!.active).toBeUndefined();

    expect(expectOk<Station>(await adminCall(w.people.staff, 'setStationActive', { stationId: 'sn-xiaoying', active: false })).active).toBe(false);
    const map = expectOk<Station[]>(await call(w.people.resident1, 'catalog', { action: 'stations', streetId: ids.street }));
    expect(map.map((s) => s.id)).toEqual(['sn-shuangguiping']);
    const managed = expectOk<Station[]>(await staffCall(w.people.staff, 'managedStations'));
    expect(managed.find((s) => s.id === 'sn-xiaoying')).toMatchObject({ active: false });

    // Editing it keeps it off; no provider can be put at a station that is off.
    expect(expectOk<Station>(await adminCall(w.people.staff, 'upsertStation', xiaoying({ phone: '0519-88669999' }))).active).toBe(false);
    const advisor = await adminCall(w.people.admin, 'upsertProvider', { providerId: ids.advisor1, userId: w.people.advisor1.userId, kind: 'advisor', name: '刘顾问', stationId: 'sn-xiaoying', venue: '站' });
    expect(errorOf(advisor)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'stationId' }] });
    expect((await w.t.app.repos.providers.findById(ids.advisor1))!.active).toBe(false);

    expect(expectOk<Station>(await adminCall(w.people.staff, 'setStationActive', { stationId: 'sn-xiaoying', active: true })).active).toBe(true);
    expect(expectOk<Station[]>(await call(w.people.resident1, 'catalog', { action: 'stations', streetId: ids.street })).map((s) => s.id)).toEqual(['sn-shuangguiping', 'sn-xiaoying']);
  });

  it('is not a resident’s or a provider’s to do', async () => {
    expect(errorOf(await adminCall(w.people.resident1, 'setStationActive', { stationId: 'sn-xiaoying', active: false })).code).toBe('FORBIDDEN');
    expect(errorOf(await adminCall(w.people.advisor1, 'upsertStation', xiaoying())).code).toBe('FORBIDDEN');
  });
});

describe('the providers list for managing them', () => {
  it('gives staff their 街道’s providers, inactive ones included, and admin the district’s', async () => {
    expectOk(await adminCall(w.people.admin, 'deactivateProvider', { providerId: ids.advisor2 }));
    const mine = expectOk<ManagedProvider[]>(await staffCall(w.people.staff, 'managedProviders', { streetId: ids.otherStreet }));
    expect(mine.map((p) => [p.id, p.active])).toEqual([
      [ids.advisor1, true],
      [ids.advisor2, false],
    ]);
    expect(mine[0]).toMatchObject({ kind: 'advisor', stationId: 'sn-xiaoying', streetId: ids.street, userId: w.people.advisor1.userId });
    expect(expectOk<ManagedProvider[]>(await staffCall(w.people.staff, 'managedProviders', { stationId: 'sn-shuangguiping' })).map((p) => p.id)).toEqual([ids.advisor2]);
    // Another 街道's station asked for by id: still only one's own 街道.
    expect(expectOk<ManagedProvider[]>(await staffCall(w.people.staff, 'managedProviders', { stationId: 'sn-hehua' }))).toEqual([]);
    expect(expectOk<ManagedProvider[]>(await staffCall(w.people.otherStaff, 'managedProviders')).map((p) => p.id)).toEqual([ids.advisor3, 'pv-advisor-4']);

    const counselors = expectOk<ManagedProvider[]>(await staffCall(w.people.admin, 'managedProviders', { service: 'counseling' }));
    expect(counselors.map((p) => p.id)).toEqual([ids.counselor1, ids.counselor2]);
    expect(expectOk<ManagedProvider[]>(await staffCall(w.people.admin, 'managedProviders', { service: 'escort' })).length).toBeGreaterThanOrEqual(3);
    expect(errorOf(await staffCall(w.people.escort1, 'managedProviders')).code).toBe('FORBIDDEN');
  });
});
