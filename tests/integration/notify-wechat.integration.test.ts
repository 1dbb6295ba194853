/**
 * The WeChat subscribe-message channel: consent quotas, the shared access token, WeChat's error
 * codes and field rules, retries with backoff and the dead state. Real parts: the local engine, the
 * sender's HTTP client talking to a local server that speaks WeChat's API (token, stable_token,
 * subscribe/send with its error codes and keyword checks), the `notify` function and its timer.
 * Manual clock.
 */
import { FakeWeChatServer } from '../helpers/fake-wechat-server';
import { addEvent, consent, deliver, notificationsOf, TEMPLATE, wechatEnv } from '../helpers/notify-fixtures';
import { openRacingClients } from '../helpers/racing-clients';
import { createTestApp, expectOk, loginAs, type TestApp } from '../helpers/test-app';
import {
  at,
  book,
  COUNSELING_NOTE,
  counselingCreate,
  createBookingWorld,
  escortCreate,
  freeSlots,
  freshResident,
  HOUR,
  ids,
  type BookingWorld,
} from '../helpers/booking-fixtures';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import type { NotificationDoc } from '../../cloudfunctions/core/repositories/notification.repository';
import { counselingTopicLabels } from '../../shared/domain/service-kinds';

const NOW = '2026-11-30T00:00:00.000Z';
const MINUTE = 60_000;

let fake: FakeWeChatServer;
let t: TestApp;
let clock: ReturnType<typeof manualClock>;
type User = { token: string; userId: string };
let alice: User;

beforeEach(async () => {
  fake = new FakeWeChatServer();
  await fake.start();
  clock = manualClock(NOW);
  t = await createTestApp({ clock, env: wechatEnv(fake) });
  alice = await loginAs(t, 'wx-alice');
});
afterEach(async () => {
  await t.close();
  await fake.stop();
});

const run = () => deliver(t.app);
const doc = async (id: string): Promise<NotificationDoc> => (await notificationsOf(t, { _id: id }))[0]!;
const quota = async (user: User, template: string = TEMPLATE.status) => (await consent(t, user.token, [template], 'reject'))[template];
const noticeOf = (eventId: string, user: User) => `${eventId}:${user.userId}`;

describe('consent and quota', () => {
  it('sends one message per consent, in WeChat’s format, and keeps the rest in the inbox only', async () => {
    expect(await consent(t, alice.token, [TEMPLATE.status])).toEqual({ [TEMPLATE.status]: 1 });
    const first = await addEvent(t.app, [alice.userId]);
    clock.advance(MINUTE);
    const second = await addEvent(t.app, [alice.userId]);
    const report = await run();
    expect(report.delivery).toMatchObject({ sent: 1, settled: 1 });

    expect(fake.sent).toEqual([
      {
        touser: 'wx-alice',
        template_id: TEMPLATE.status,
        page: `pages/home/index?nid=${encodeURIComponent(noticeOf(first, alice))}`,
        data: { thing1: { value: '养老顾问' }, time2: { value: '2026年12月01日 09:00' }, phrase3: { value: '已确认' }, thing4: { value: '点击查看详情' }, thing5: { value: '无' } },
        miniprogram_state: 'formal',
        nid: noticeOf(first, alice),
      },
    ]);
    expect(await doc(noticeOf(first, alice))).toMatchObject({ push: 'sent', templateId: TEMPLATE.status, pushAttempts: 1 });
    expect(await doc(noticeOf(second, alice))).toMatchObject({ push: 'no_quota', pushAttempts: 1 });
    expect(await quota(alice)).toBe(0);
    const inbox = expectOk<{ total: number }>(await t.callAs(alice.token, 'notify', { action: 'list' }));
    expect(inbox.total).toBe(2);

    await run();
    expect(fake.sendRequests).toHaveLength(1);
  });

  it('counts accepted templates only, and a ban voids what was banked', async () => {
    const both = [TEMPLATE.status, TEMPLATE.reminder];
    expect(await consent(t, alice.token, both)).toEqual({ [TEMPLATE.status]: 1, [TEMPLATE.reminder]: 1 });
    expect(expectOk(await t.callAs(alice.token, 'notify', { action: 'recordConsent', templateIds: both, results: { [TEMPLATE.status]: 'accept', [TEMPLATE.reminder]: 'filter' } })))
      .toEqual({ quotas: { [TEMPLATE.status]: 2, [TEMPLATE.reminder]: 1 } });
    expect(await consent(t, alice.token, [TEMPLATE.status], 'ban')).toEqual({ [TEMPLATE.status]: 0 });
    expect(await consent(t, alice.token, [TEMPLATE.status])).toEqual({ [TEMPLATE.status]: 1 });
    // A result for a template that was not asked for is refused, and so is a template not configured.
    expect(await t.callAs(alice.token, 'notify', { action: 'recordConsent', templateIds: [TEMPLATE.status], results: { [TEMPLATE.reminder]: 'accept' } }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: `results.${TEMPLATE.reminder}` }] } } });
    expect(await t.callAs(alice.token, 'notify', { action: 'recordConsent', templateIds: ['someone-elses'], results: { 'someone-elses': 'accept' } }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'templateIds.0' }] } } });
  });

  it('on 43101 (the user refused) sets the quota to 0 and leaves the notice in the inbox', async () => {
    await consent(t, alice.token, [TEMPLATE.status]);
    await consent(t, alice.token, [TEMPLATE.status]);
    fake.refusing.add('wx-alice');
    const refused = await addEvent(t.app, [alice.userId]);
    await run();
    expect(await doc(noticeOf(refused, alice))).toMatchObject({ push: 'refused', lastError: 'errcode 43101' });
    expect(await quota(alice)).toBe(0);

    const next = await addEvent(t.app, [alice.userId]);
    await run();
    expect(await doc(noticeOf(next, alice))).toMatchObject({ push: 'no_quota' });
    expect(fake.sendRequests).toHaveLength(1);
    expect(expectOk<{ count: number }>(await t.callAs(alice.token, 'notify', { action: 'unreadCount' })).count).toBe(2);

    // A new consent after the refusal counts again.
    fake.refusing.clear();
    await consent(t, alice.token, [TEMPLATE.status]);
    const after = await addEvent(t.app, [alice.userId]);
    await run();
    expect(fake.sentCount(noticeOf(after, alice))).toBe(1);
  });

  it('sends nothing while no template is configured, and the inbox still works', async () => {
    const off = await createTestApp({ clock, env: { WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.appSecret, WECHAT_API_BASE: fake.url } });
    try {
      const bob = await loginAs(off, 'wx-bob');
      const event = await addEvent(off.app, [bob.userId]);
      expect((await deliver(off.app)).delivery.sent).toBe(0);
      expect((await notificationsOf(off, { _id: noticeOf(event, bob) }))[0]).toMatchObject({ push: 'off', pushAttempts: 0 });
      expect(fake.sendRequests).toHaveLength(0);
      expect(fake.tokenCalls).toHaveLength(0);
      expect(expectOk<{ total: number }>(await off.callAs(bob.token, 'notify', { action: 'list' })).total).toBe(1);
    } finally {
      await off.close();
    }
  });
});

describe('access token', () => {
  it('is fetched once, shared by instances through the database, and refreshed once on 42001 and on 40001', async () => {
    for (let i = 0; i < 4; i += 1) await consent(t, alice.token, [TEMPLATE.status]);
    await addEvent(t.app, [alice.userId]);
    await run();
    expect(fake.tokenCalls).toEqual([{ path: '/cgi-bin/stable_token', force: false }]);
    const cached = await t.db.collection('wechat_tokens').find({}).toArray();
    expect(cached).toEqual([expect.objectContaining({ _id: fake.appId, token: 'fake-token-1' })]);

    // Another function instance on its own connection uses the cached token.
    const [other] = await openRacingClients(t, 1);
    try {
      await addEvent(other!.app, [alice.userId]);
      await deliver(other!.app);
      expect(fake.tokenCalls).toHaveLength(1);
      expect(fake.sent).toHaveLength(2);
    } finally {
      await other!.client.close();
    }

    for (const code of [42001, 40001] as const) {
      fake.expireToken(code);
      const event = await addEvent(t.app, [alice.userId]);
      const report = await run();
      expect(`${code}: ${report.delivery.sent}`).toBe(`${code}: 1`);
      const nid = noticeOf(event, alice);
      expect(fake.sendRequests.filter((m) => m.nid === nid)).toHaveLength(2);
      expect(fake.sentCount(nid)).toBe(1);
    }
    // One normal-mode refresh per expiry, never a forced one.
    expect(fake.tokenCalls).toEqual([0, 1, 2].map(() => ({ path: '/cgi-bin/stable_token', force: false })));
    expect((await t.db.collection('wechat_tokens').findOne({}))?.token).toBe('fake-token-3');
  });
});

describe('failures', () => {
  it('retries while the server is down, with growing pauses, and sends once when it is back', async () => {
    await consent(t, alice.token, [TEMPLATE.status]);
    await consent(t, alice.token, [TEMPLATE.status]);
    await addEvent(t.app, [alice.userId]);
    await run(); // warms the token cache, so the next failures are on the send itself
    const event = await addEvent(t.app, [alice.userId]);
    const nid = noticeOf(event, alice);
    await fake.stop();

    expect((await run()).delivery.retrying).toBe(1);
    expect(await doc(nid)).toMatchObject({ push: 'pending', pushAttempts: 1, lastError: 'ECONNREFUSED', nextAttemptAt: new Date(Date.parse(NOW) + MINUTE) });
    expect((await run()).delivery).toMatchObject({ retrying: 0, sent: 0 });

    clock.advance(MINUTE);
    await run();
    expect(await doc(nid)).toMatchObject({ push: 'pending', pushAttempts: 2, nextAttemptAt: new Date(Date.parse(NOW) + 3 * MINUTE) });

    await fake.start();
    clock.advance(MINUTE);
    await run();
    expect(fake.sentCount(nid)).toBe(0);
    clock.advance(MINUTE);
    expect((await run()).delivery.sent).toBe(1);
    expect(await doc(nid)).toMatchObject({ push: 'sent', pushAttempts: 3, lastError: null });
    clock.advance(HOUR);
    await run();
    expect(fake.sentCount(nid)).toBe(1);
  });

  it('after five failed attempts marks the message dead, gives its consent back, and the admin can resend it', async () => {
    // The message is about no known 街道 (a test event), so it is the district admin's to see.
    const staff = await loginAs(t, 'staff-1');
    await t.app.services.users.grantRoles(staff.userId, ['admin'], undefined);
    await consent(t, alice.token, [TEMPLATE.status]);
    fake.failNext.push(-1, -1, -1, -1, -1);
    const event = await addEvent(t.app, [alice.userId]);
    const nid = noticeOf(event, alice);
    for (let i = 0; i < 5; i += 1) {
      await run();
      clock.advance(30 * MINUTE);
    }
    expect(await doc(nid)).toMatchObject({ push: 'dead', pushAttempts: 5, lastError: 'errcode -1 queued failure' });
    expect(fake.sendRequests).toHaveLength(5);
    expect(await quota(alice)).toBe(1);
    await run();
    expect(fake.sendRequests).toHaveLength(5);

    const dead = expectOk<{ items: unknown[]; total: number }>(await t.callAs(staff.token, 'notify', { action: 'dead' }));
    expect(dead).toMatchObject({ total: 1, items: [{ id: nid, userId: alice.userId, state: 'dead', attempts: 5, lastError: 'errcode -1 queued failure' }] });
    // Staff see that it failed, not what it said.
    expect(JSON.stringify(dead)).not.toContain('养老顾问');
    expect(await t.callAs(alice.token, 'notify', { action: 'resend', id: nid })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(expectOk(await t.callAs(staff.token, 'notify', { action: 'resend', id: nid }))).toEqual({ id: nid, state: 'pending' });
    expect((await run()).delivery.sent).toBe(1);
    expect(fake.sentCount(nid)).toBe(1);
    expect(await quota(alice)).toBe(0);
    expect(await t.callAs(staff.token, 'notify', { action: 'resend', id: nid })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('kills a message WeChat will always refuse at once and gives its consent back', async () => {
    fake.knownTemplates.add('tmpl-only-this-one');
    await consent(t, alice.token, [TEMPLATE.status]);
    const event = await addEvent(t.app, [alice.userId]);
    expect((await run()).delivery.dead).toBe(1);
    expect(await doc(noticeOf(event, alice))).toMatchObject({ push: 'dead', pushAttempts: 1, lastError: 'errcode 40037 invalid template_id' });
    expect(await quota(alice)).toBe(1);
  });
});

describe('messages about real bookings', () => {
  let w: BookingWorld;
  beforeEach(async () => {
    w = await createBookingWorld({ env: wechatEnv(fake) });
  });
  afterEach(async () => {
    await w.close();
  });

  it('shortens a long hospital name to fit WeChat instead of being refused', async () => {
    const hospital = '常州市第一人民医院钟楼院区心血管内科门诊楼三楼东侧';
    const resident = await freshResident(w);
    await consent(w.t, resident.token, [TEMPLATE.status]);
    const request = await book(w, resident, escortCreate(at('2026-12-03', '09:00'), { details: { hospital } }));
    expectOk(await w.as(w.people.escort1, 'provider', { action: 'claim', bookingId: request.id }));
    await deliver(w.t.app);

    expect(fake.sent).toHaveLength(1);
    const place = fake.sent[0]!.data.thing5!.value;
    expect(place).toBe(`${Array.from(hospital).slice(0, 19).join('')}…`);
    expect(fake.sent[0]!.data.phrase3).toEqual({ value: '已接单' });
    // The server does hold messages to WeChat's limits: the name as it is would have been refused.
    const token = (await w.t.db.collection<{ token: string }>('wechat_tokens').findOne({}))!.token;
    const raw = await fetch(`${fake.url}/cgi-bin/message/subscribe/send?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fake.sent[0], data: { ...fake.sent[0]!.data, thing5: { value: hospital } } }),
    });
    expect(await raw.json()).toEqual({ errcode: 47003, errmsg: 'argument invalid! data.thing5.value invalid' });
  });

  it('sends counseling notices and reminders without the topic, the service or the place', async () => {
    const { resident1, counselor1 } = w.people;
    await consent(w.t, resident1.token, [TEMPLATE.status, TEMPLATE.reminder]);
    await consent(w.t, counselor1.token, [TEMPLATE.request, TEMPLATE.reminder]);
    const [slot] = (await freeSlots(w, ids.counselor1, '2026-12-03')).map((s) => s.startsAt);
    const booking = await book(w, resident1, counselingCreate(slot!));
    await deliver(w.t.app);
    expectOk(await w.as(counselor1, 'provider', { action: 'accept', bookingId: booking.id }));
    await deliver(w.t.app);
    w.clock.set(new Date(Date.parse(slot!) - 24 * HOUR));
    await deliver(w.t.app);

    expect(fake.sent.map((m) => [m.touser, m.template_id])).toEqual([
      ['demo-counselor-1', TEMPLATE.request],
      ['demo-resident-1', TEMPLATE.status],
      ['demo-resident-1', TEMPLATE.reminder],
      ['demo-counselor-1', TEMPLATE.reminder],
    ]);
    const text = JSON.stringify(fake.sendRequests);
    for (const secret of [...Object.values(counselingTopicLabels).filter((l) => l !== '其他'), COUNSELING_NOTE, '婚姻', '辅导', '登记处']) {
      expect(`${secret}: ${text.includes(secret)}`).toBe(`${secret}: false`);
    }
    expect(fake.sent.every((m) => m.data.thing1?.value === '预约服务')).toBe(true);
  });
});
