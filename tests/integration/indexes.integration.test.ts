/** Declared indexes are created once and re-declaring them (a second instance, a restart) is harmless. */
import { createApp } from '../../cloudfunctions/core/runtime/app';
import { allIndexes } from '../../cloudfunctions/core/repositories/repositories';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('creates every declared index, and a second app on the same database starts cleanly', async () => {
  await createApp({ config: testConfig(), db: t.client.db(t.dbName) });
  for (const { collection, indexes } of allIndexes) {
    const names = (await t.db.collection(collection).listIndexes().toArray()).map((i) => i.name);
    for (const index of indexes) expect(names).toContain(index.name);
  }
  // The unique openid index is enforced: a second user with the same openid is refused.
  await t.db.collection('users').insertOne({ _id: 'a' as never, openid: 'same' });
  await expect(t.db.collection('users').insertOne({ _id: 'b' as never, openid: 'same' })).rejects.toMatchObject({ code: 11000 });
});
