/**
 * Delivery under concurrency and crashes: many workers at once on separate connections, a worker
 * process killed before it sends and after WeChat accepted a message, a worker that stalls past its
 * lease. Every case ends with each message sent exactly once (or, where a reply was lost, not sent
 * again). Real parts: the local engine, worker instances on their own connections or in their own
 * Node process, the sender's HTTP client against a local WeChat API server that counts messages per
 * notice. Manual clocks.
 */
import { FakeWeChatServer } from '../helpers/fake-wechat-server';
import { addEvent, consent, deliver, notificationsOf, spawnWorker, TEMPLATE, wechatEnv } from '../helpers/notify-fixtures';
import { openRacingClients, raceAll } from '../helpers/racing-clients';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { LEASE_MS } from '../../cloudfunctions/core/services/notify/notification-delivery.service';

const NOW = '2026-11-30T00:00:00.000Z';
const MINUTE = 60_000;

let fake: FakeWeChatServer;
let t: TestApp;
let clock: ReturnType<typeof manualClock>;
type User = { token: string; userId: string };

beforeEach(async () => {
  fake = new FakeWeChatServer();
  await fake.start();
  clock = manualClock(NOW);
  t = await createTestApp({ clock, env: wechatEnv(fake) });
});
afterEach(async () => {
  await t.close();
  await fake.stop();
});

let userCounter = 0;
async function usersWithConsent(count: number, consents = 1): Promise<User[]> {
  const users: User[] = [];
  for (let i = 0; i < count; i += 1) {
    userCounter += 1;
    const user = await loginAs(t, `wx-user-${userCounter}`);
    for (let c = 0; c < consents; c += 1) await consent(t, user.token, [TEMPLATE.status]);
    users.push(user);
  }
  return users;
}

/** Outbox events for the users, turned into notices; returns the notice ids. */
async function notices(users: User[], perUser = 1): Promise<string[]> {
  const out: string[] = [];
  for (let round = 0; round < perUser; round += 1) {
    for (const user of users) out.push(`${await addEvent(t.app, [user.userId])}:${user.userId}`);
  }
  return out;
}

const countsOf = (ids: string[]) => ids.map((id) => fake.sentCount(id));

describe('workers at once', () => {
  it.each([0, 1, 2])('round %i: four workers on separate connections send each message once', async () => {
    const users = await usersWithConsent(4, 3);
    const ids = await notices(users, 3);
    const workers = await openRacingClients(t, 4);
    try {
      // Each run starts with the outbox, so the four also race to turn the same events into notices.
      const reports = await raceAll(workers.map((w) => () => deliver(w.app)));
      // All sent in this one round (a failure shows which state and error a message was left in).
      expect((await notificationsOf(t)).map((n) => [n.push, n.lastError])).toEqual(ids.map(() => ['sent', null]));
      expect(reports.reduce((total, r) => total + r.delivery.sent, 0)).toBe(12);
    } finally {
      await workers.close();
    }
    expect(countsOf(ids)).toEqual(ids.map(() => 1));
    expect(fake.sent).toHaveLength(12);
    expect(await t.db.collection('notifications').countDocuments()).toBe(12);
    expect(await t.db.collection('notification_marks').countDocuments({ _id: { $regex: '^claim:' } } as never)).toBe(12);
  });

  it('never spends one consent twice, whoever sends', async () => {
    const [user] = await usersWithConsent(1, 3);
    const ids = await notices([user!], 8);
    const workers = await openRacingClients(t, 4);
    try {
      await raceAll(workers.map((w) => () => deliver(w.app)));
    } finally {
      await workers.close();
    }
    expect(fake.sent).toHaveLength(3);
    expect(countsOf(ids).filter((n) => n === 1)).toHaveLength(3);
    const states = (await notificationsOf(t)).map((n) => n.push).sort();
    expect(states).toEqual([...Array(3).fill('sent'), ...Array(5).fill('no_quota')].sort());
    expect(await t.db.collection('subscription_uses').countDocuments()).toBe(3);
  });

  it('counts every one of many consents given at once', async () => {
    const [user] = await usersWithConsent(1, 0);
    const clients = await openRacingClients(t, 10);
    try {
      const event = { action: 'recordConsent', templateIds: [TEMPLATE.status], results: { [TEMPLATE.status]: 'accept' } };
      const results = await raceAll(clients.map((c) => () => c.call('notify', event, user!.token)));
      for (const result of results) expectOk(result);
    } finally {
      await clients.close();
    }
    const grants = await t.db.collection('subscription_quota').find({ kind: 'grant' }).toArray();
    expect(grants.map((g) => g.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await consent(t, user!.token, [TEMPLATE.status], 'reject'))[TEMPLATE.status]).toBe(10);
  });
});

describe('a worker that dies', () => {
  it('after claiming but before sending: the message is claimed again when the lease runs out, and sent once', async () => {
    const users = await usersWithConsent(3);
    const ids = await notices(users);
    await t.app.services.notify.intake.run();
    // The worker claims the first message, then waits for an access token that never comes.
    fake.hold = 'token';
    const worker = spawnWorker(t, wechatEnv(fake), clock.now());
    await fake.whenHeld();
    worker.kill('SIGKILL');
    await worker.exited;
    fake.release();

    const [stuck] = (await notificationsOf(t, { push: 'sending' })).map((n) => n._id);
    expect(stuck).toBeDefined();
    // While its lease lasts nobody else touches it; the rest go out.
    clock.advance(LEASE_MS - MINUTE);
    expect((await deliver(t.app)).delivery.sent).toBe(2);
    expect(fake.sentCount(stuck!)).toBe(0);

    clock.advance(2 * MINUTE);
    expect((await deliver(t.app)).delivery.sent).toBe(1);
    expect(countsOf(ids)).toEqual([1, 1, 1]);
    expect((await notificationsOf(t, { _id: stuck })).at(0)).toMatchObject({ push: 'sent', pushAttempts: 2 });
    // The consent the dead worker spent was the one its message used, not a second one.
    expect(await t.db.collection('subscription_uses').countDocuments()).toBe(3);
  });

  it('after WeChat accepted a message but before recording it: the message is not sent again', async () => {
    // The message is about no known 街道 (a test event), so it is the district admin's to see.
    const staff = await loginAs(t, 'staff-1');
    await t.app.services.users.grantRoles(staff.userId, ['admin'], undefined);
    const users = await usersWithConsent(4);
    const ids = await notices(users);
    await t.app.services.notify.intake.run();
    // The first send is answered; WeChat takes the second and the worker dies before the reply.
    fake.hold = 'send';
    fake.holdAfter = 1;
    const worker = spawnWorker(t, wechatEnv(fake), clock.now());
    await fake.whenHeld();
    worker.kill('SIGKILL');
    await worker.exited;
    fake.release();
    expect(fake.sent).toHaveLength(2);
    const lost = fake.sent[1]!.nid!;

    clock.advance(LEASE_MS + MINUTE);
    expect((await deliver(t.app)).delivery).toMatchObject({ sent: 2, unconfirmed: 1 });
    clock.advance(LEASE_MS + MINUTE);
    await deliver(t.app);
    expect(countsOf(ids)).toEqual([1, 1, 1, 1]);
    expect((await notificationsOf(t, { _id: lost })).at(0)).toMatchObject({ push: 'unconfirmed', lastError: 'worker stopped while sending' });
    // Staff can see it and decide whether to send it again.
    const dead = expectOk<{ items: { id: string; state: string }[] }>(await t.callAs(staff.token, 'notify', { action: 'dead' }));
    expect(dead.items).toEqual([expect.objectContaining({ id: lost, state: 'unconfirmed' })]);
  });

  it('or only stalls past its lease: once another worker took the message over, it does not send', async () => {
    const users = await usersWithConsent(1);
    const [id] = await notices(users);
    await t.app.services.notify.intake.run();
    const [slow] = await openRacingClients(t, 1, manualClock(NOW));
    const [fast] = await openRacingClients(t, 1, manualClock(new Date(Date.parse(NOW) + LEASE_MS + MINUTE)));
    try {
      fake.hold = 'token';
      const slowRun = slow!.app.services.notify.delivery.run();
      await fake.whenHeld();
      fake.hold = null;
      expect((await fast!.app.services.notify.delivery.run()).sent).toBe(1);
      fake.release();
      expect(await slowRun).toMatchObject({ sent: 0, busy: 1 });
    } finally {
      await slow!.client.close();
      await fast!.client.close();
    }
    expect(fake.sentCount(id!)).toBe(1);
    expect(fake.sendRequests).toHaveLength(1);
    expect((await notificationsOf(t, { _id: id })).at(0)).toMatchObject({ push: 'sent', pushAttempts: 2 });
  });
});
