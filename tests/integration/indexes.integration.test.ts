/** Declared indexes are created once and re-declaring them (a second instance, a restart) is harmless. */
import { createApp } from '../../cloudfunctions/core/runtime/app';
import { allIndexes } from '../../cloudfunctions/core/repositories/repositories';
import { ensureIndexesOnce } from '../../cloudfunctions/core/runtime/function-instance';
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

// lean bundles: a function instance's cold start reads one stamp instead of listing every index.
it('a function instance ensures every index once per set of declarations, then only reads that it was done', async () => {
  const dbName = `${t.dbName}_once`;
  const db = t.client.db(dbName);
  try {
    const app = await createApp({ config: testConfig(), db, ensureIndexes: false });
    expect(await db.listCollections({ name: 'bookings' }).toArray()).toEqual([]);
    await ensureIndexesOnce(app);
    for (const { collection, indexes } of allIndexes) {
      const names = (await db.collection(collection).listIndexes().toArray()).map((i) => i.name);
      for (const index of indexes) expect([collection, names]).toEqual([collection, expect.arrayContaining([index.name])]);
    }
    // Done once: a later instance does not look again (a dropped index stays dropped)...
    const { collection, indexes } = allIndexes.find((d) => d.indexes.length > 0)!;
    await db.collection(collection).dropIndex(indexes[0]!.name);
    // (each instance is a process of its own: a database handle of its own)
    const laterInstance = async () => createApp({ config: testConfig(), db: t.client.db(dbName), ensureIndexes: false });
    await ensureIndexesOnce(await laterInstance());
    expect((await db.collection(collection).listIndexes().toArray()).map((i) => i.name)).not.toContain(indexes[0]!.name);
    // ...until the declarations change (their stamp differs): then it creates what is missing.
    await db.collection('meta').deleteMany({ _id: { $regex: '^indexes:' } } as never);
    await ensureIndexesOnce(await laterInstance());
    expect((await db.collection(collection).listIndexes().toArray()).map((i) => i.name)).toContain(indexes[0]!.name);
  } finally {
    await db.dropDatabase();
  }
});

it('the host and the tests (createApp) ensure every index and stamp it, so function instances after them skip the check', async () => {
  const stamps = await t.db.collection('meta').find({ _id: { $regex: '^indexes:' } } as never).toArray();
  expect(stamps).toHaveLength(1);
});
