/** The demo district seed is complete and idempotent. */
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { demoPeople } from '../../host/seed/demo-district.data';
import { createTestApp, snapshot, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('writes streets, communities, stations, services, providers and accounts, and a second run changes nothing', async () => {
  const first = await seedDemoDistrict(t.app);
  expect(first.created).toBe(true);
  const counts = async () => ({
    streets: await t.db.collection('streets').countDocuments(),
    communities: await t.db.collection('communities').countDocuments(),
    stations: await t.db.collection('stations').countDocuments(),
    services: await t.db.collection('services').countDocuments(),
    providers: await t.db.collection('providers').countDocuments(),
    users: await t.db.collection('users').countDocuments(),
  });
  const after = await counts();
  expect(after).toEqual({ streets: 3, communities: 6, stations: 6, services: 3, providers: 11, users: demoPeople.length });

  const users = await snapshot(t.db).then((s) => s.users);
  const second = await seedDemoDistrict(t.app);
  expect(second.created).toBe(false);
  expect(await counts()).toEqual(after);
  expect((await snapshot(t.db)).users).toEqual(users);

  const staff = await t.db.collection('users').findOne({ openid: 'demo-staff-1' });
  expect(staff).toMatchObject({ roles: ['resident', 'staff'], staffStreetId: 'st-nandajie' });
  const admin = await t.db.collection('users').findOne({ openid: 'demo-admin' });
  expect(admin?.roles).toContain('admin');
});
