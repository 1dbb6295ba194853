/**
 * Escorts hear of new escort requests (issue 9, item 14): the escorts of the request's 街道 and the
 * district team get one in-app notice per request, and a WeChat message where they consented, with
 * no personal data of the resident; under retried and concurrent creates and timer runs still one;
 * and the notice leaves the other escorts' inboxes once someone has taken the request.
 *
 * Real parts: the local engine, the seeded demo district, the booking, provider, admin and notify
 * functions, the notify timer, racing function instances on their own connections, and a local
 * server speaking WeChat's API. Manual clock from Monday 2026-11-30 08:00 in Shanghai.
 */
import { FakeWeChatServer } from '../helpers/fake-wechat-server';
import { consent, deliver, notificationsOf, TEMPLATE, wechatEnv } from '../helpers/notify-fixtures';
import { openRacingClients, raceAll } from '../helpers/racing-clients';
import { expectOk, loginAs } from '../helpers/test-app';
import {
  at,
  book,
  CONTACT_PHONE,
  createBookingWorld,
  DEMO_WEEK,
  escortCreate,
  freshResident,
  ids,
  PICKUP_ADDRESS,
  type BookingView,
  type BookingWorld,
  type Person,
} from '../helpers/booking-fixtures';
import type { Envelope } from '../../shared/errors';
import type { NotificationDoc } from '../../cloudfunctions/core/repositories/notification.repository';
import { shortTime } from '../../cloudfunctions/core/services/notify/notification-messages';
import type { OutboxEvent } from '../../cloudfunctions/core/repositories/outbox.repository';

// A hang guard, not a measure: the race below (24 clients, 3 rounds) takes ~30 s alone here and
// up to ~200 s beside the stress project on a two-core CI runner.
jest.setTimeout(600_000);

const { WED, THU } = DEMO_WEEK;
const TYPE = 'escort_request_open';
const father = { name: '张建国', phone: '13700001111', relationship: 'parent' };
/** Everything of the resident an escort must not learn from the announcement. */
const PERSONAL = ['王秀英', '张建国', CONTACT_PHONE, '13700001111', '13911112222', PICKUP_ADDRESS, PICKUP_ADDRESS.slice(0, 6), '心血管内科'];

let fake: FakeWeChatServer;
let w: BookingWorld;
/** An escort of 南大街 (through its station), one of 荷花池, and the three district escorts of the demo. */
let streetEscort: Person;
let otherStreetEscort: Person;

async function escortAt(openid: string, stationId: string, name: string): Promise<Person> {
  const person = await loginAs(w.t, openid);
  await w.t.app.services.users.grantRoles(person.userId, ['escort'], undefined);
  expectOk(await w.as(w.people.admin, 'admin', { action: 'upsertProvider', userId: person.userId, kind: 'escort', name, stationId, venue: '街道陪诊队' }));
  return person;
}

beforeEach(async () => {
  fake = new FakeWeChatServer();
  await fake.start();
  // Retries of one create each spend an allowance: the daily limit is not what is tested here.
  w = await createBookingWorld({ env: { ...wechatEnv(fake), BOOKING_DAILY_LIMIT: '1000' } });
  streetEscort = await escortAt('escort-nandajie', 'sn-xiaoying', '南大街陪诊员');
  otherStreetEscort = await escortAt('escort-hehuachi', 'sn-hehua', '荷花池陪诊员');
});
afterEach(async () => {
  await w.close();
  await fake.stop();
});

const told = () => [w.people.escort1, w.people.escort2, w.people.escort3, streetEscort];
const announcements = (bookingId: string): Promise<NotificationDoc[]> => notificationsOf(w.t, { 'subject.id': bookingId, type: TYPE });
const inbox = async (person: Person) => expectOk<{ items: { id: string; type: string; title: string; page: string }[] }>(await w.as(person, 'notify', { action: 'list' })).items;
const unread = async (person: Person) => expectOk<{ count: number }>(await w.as(person, 'notify', { action: 'unreadCount' })).count;

async function resident(): Promise<Person> {
  const person = await freshResident(w);
  expectOk(await w.as(person, 'user', { action: 'updateProfile', name: '王秀英' }));
  return person;
}

describe('a new escort request', () => {
  it('tells the escorts of its 街道 and the district team once each, without the resident’s details', async () => {
    const asker = await resident();
    const request = await book(w, asker, escortCreate(at(THU, '09:00'), { forFamily: father }));

    const notices = await announcements(request.id);
    expect(notices.map((n) => n.userId).sort()).toEqual(told().map((p) => p.userId).sort());
    for (const person of told()) {
      expect(await unread(person)).toBe(1);
      expect((await inbox(person)).filter((n) => n.type === TYPE)).toHaveLength(1);
    }
    // Another 街道's escort and the resident hear nothing of it.
    expect(await unread(otherStreetEscort)).toBe(0);
    expect((await inbox(asker)).map((n) => n.type)).not.toContain(TYPE);

    const notice = notices[0]!;
    expect(notice).toMatchObject({ title: '新的陪诊请求', body: `有一个陪诊请求等待接单：${shortTime(new Date(at(THU, '09:00')))}，常州市第一人民医院。`, group: 'new_request' });
    expect(notice.page).toBe(`subpackages/provider/pages/pool/index?nid=${encodeURIComponent(notice._id)}`);
    // The inbox opens it where it can be claimed.
    expect((await inbox(w.people.escort1)).find((n) => n.type === TYPE)?.page).toMatch(/^subpackages\/provider\/pages\/pool\/index\?nid=/);
    const everything = JSON.stringify([notices, await w.t.db.collection<OutboxEvent>('outbox').find({ type: TYPE }).toArray()]);
    for (const secret of PERSONAL) expect(everything).not.toContain(secret);
  });

  it('is announced once however often and however concurrently it is created and taken in', async () => {
    const racers = await openRacingClients(w.t, 24, w.clock);
    try {
      for (let round = 0; round < 3; round += 1) {
        const asker = await resident();
        const create = escortCreate(at(WED, `${9 + round}:00`.padStart(5, '0')));
        // The same request sent 16 times at once (a flaky network's retries), while 8 timer runs
        // turn the outbox into notices at the same moment.
        const results = await raceAll<unknown>([
          ...racers.slice(0, 16).map((racer) => () => racer.call('booking', create, asker.token)),
          ...racers.slice(16).map((racer) => () => racer.app.services.notify.intake.run()),
        ]);
        const ids = new Set(results.slice(0, 16).map((r) => expectOk<BookingView>(r as Envelope<unknown>).id));
        expect(ids.size).toBe(1);
        const [bookingId] = [...ids];
        await deliver(w.t.app);
        await deliver(w.t.app);

        expect(await w.t.db.collection('outbox').countDocuments({ type: TYPE, 'subject.id': bookingId })).toBe(1);
        const notices = await announcements(bookingId!);
        expect(notices.map((n) => n.userId).sort()).toEqual(told().map((p) => p.userId).sort());
      }
      for (const person of told()) expect(await unread(person)).toBe(3);
    } finally {
      await racers.close();
    }
  });

  it('leaves the other escorts’ inboxes once an escort has taken it, and is not sent over WeChat late', async () => {
    const request = await book(w, await resident(), escortCreate(at(THU, '09:00')));
    expect(await consent(w.t, w.people.escort2.token, [TEMPLATE.request])).toEqual({ [TEMPLATE.request]: 1 });
    expectOk(await w.as(w.people.escort1, 'provider', { action: 'claim', bookingId: request.id }));

    for (const person of told()) expect((await inbox(person)).map((n) => n.type)).not.toContain(TYPE);
    expect(await unread(w.people.escort2)).toBe(0);
    await deliver(w.t.app);
    expect(fake.sent).toEqual([]);
    expect(new Set((await announcements(request.id)).map((n) => n.push))).toEqual(new Set(['withdrawn']));
  });
});

describe('the WeChat message of a new escort request', () => {
  it('goes to the escorts who consented, on the new-request template, naming only time and hospital', async () => {
    expect(await consent(w.t, w.people.escort2.token, [TEMPLATE.request])).toEqual({ [TEMPLATE.request]: 1 });
    expect(await consent(w.t, streetEscort.token, [TEMPLATE.request])).toEqual({ [TEMPLATE.request]: 1 });
    const request = await book(w, await resident(), escortCreate(at(THU, '09:00'), { forFamily: father }));
    await deliver(w.t.app);

    expect(fake.sent.map((m) => m.touser).sort()).toEqual(['demo-escort-2', 'escort-nandajie']);
    const message = fake.sent.find((m) => m.touser === 'demo-escort-2')!;
    expect(message).toMatchObject({
      template_id: TEMPLATE.request,
      data: { thing1: { value: '陪诊' }, time2: { value: '2026年12月03日 09:00' }, thing3: { value: '点击查看并接单' } },
    });
    expect(message.page).toMatch(/^subpackages\/provider\/pages\/pool\/index\?nid=/);
    for (const secret of PERSONAL) expect(JSON.stringify(fake.sent)).not.toContain(secret);

    // No consent, no message: the inbox still has it.
    const byUser = new Map((await announcements(request.id)).map((n) => [n.userId, n.push]));
    expect(byUser.get(w.people.escort1.userId)).toBe('no_quota');
    expect(byUser.get(w.people.escort2.userId)).toBe('sent');
    expect(await unread(w.people.escort1)).toBe(1);
    // A second run sends nothing twice.
    await deliver(w.t.app);
    expect(fake.sent).toHaveLength(2);
  });
});
