/**
 * The whole path through the weapp pages against a real local host (engine, demo seed, HTTP): a
 * resident logs in the WeChat way and books an advisor slot, the booking is then read from the
 * host's database, and the advisor finds it in the provider subpackage's inbox and accepts it.
 */
import type { Collection } from 'mongodb';
import { formatRange } from '../../client/src/format/date-time';
import type { BookingDoc } from '../../cloudfunctions/core/repositories/booking.repository';
import { launchMiniProgram, type MiniProgram } from './harness/mini-program';
import { forwardTo } from './harness/request-handlers';
import { startWeappHost, type WeappHost } from './harness/weapp-host';

let weappHost: WeappHost;
let app: MiniProgram;
let bookings: Collection<BookingDoc>;
let nextLogin = '';
// What the resident booked, for the advisor's part.
let booked: { id: string; timeText: string } | null = null;

beforeAll(async () => {
  weappHost = await startWeappHost();
  bookings = weappHost.host.app.db.collection<BookingDoc>('bookings');
  app = launchMiniProgram({ request: forwardTo(weappHost.host.url), loginCode: () => nextLogin });
});

afterEach(() => expect(app.problems()).toEqual([]));

afterAll(async () => {
  app?.close();
  await weappHost?.close();
});

/** From any page: home, then 登录 → 微信一键登录 with a code WeChat would give this openid. */
async function logInAs(openid: string, greeting: string): Promise<void> {
  nextLogin = weappHost.loginCodeFor(openid);
  await app.tap('登录');
  await app.waitForPage('pages/login/index');
  await app.tap('微信一键登录');
  await app.waitForPage('pages/home/index');
  await app.waitForText(greeting);
}

test('a resident books an advisor slot through the weapp pages and the booking is in the host\'s database', async () => {
  await app.waitForText('登录后可以预约服务、查看预约');
  await logInAs('demo-resident-1', '王阿姨，您好');

  await app.tap(app.page.byClass('home-service--advisor'));
  await app.waitForPage('subpackages/booking/pages/choose/index');
  // The resident's own street and community are chosen already; the station's advisor follows.
  await app.tap('选这位，看时间 ›');

  await app.waitForPage('subpackages/booking/pages/slots/index');
  await app.waitForText('可约时间');
  const time = app.page.allByClass('slot-calendar__time')[0];
  if (!time) throw new Error(`no free time shown: ${app.page.text()}`);
  await app.tap(time);
  expect(app.page.allByClass('ui-choice--selected')).toContain(time);
  await app.tap('下一步：填写信息');

  await app.waitForPage('subpackages/booking/pages/form/index');
  await app.tap('适老化改造');
  await app.type('补充说明', '想问问卫生间扶手怎么装');
  await app.tap('下一步：核对信息');

  await app.waitForPage('subpackages/booking/pages/confirm/index');
  await app.waitForText('核对预约信息');
  expect(app.page.hasText('想问问卫生间扶手怎么装')).toBe(true);
  await app.tap('确认预约');

  await app.waitForPage('subpackages/booking/pages/result/index');
  await app.waitForText('预约已提交');
  const bookingId = decodeURIComponent(app.stack.current?.query.bookingId ?? '');
  const timeText = app.page.byClass('text-key').textContent ?? '';

  const resident = await weappHost.host.app.db.collection('users').findOne({ openid: 'demo-resident-1' });
  const doc = await bookings.findOne({ _id: bookingId });
  expect(doc).toMatchObject({
    service: 'advisor',
    providerId: 'pv-advisor-1',
    bookerId: resident?._id,
    status: 'requested',
    details: { kind: 'advisor', topic: 'renovation', note: '想问问卫生间扶手怎么装' },
  });
  // The page shows the time the database holds.
  expect(timeText).toBe(formatRange(doc!.startsAt.toISOString(), doc!.endsAt.toISOString()));
  // The result page replaced the confirmation on the stack (redirectTo), so back cannot book twice.
  expect(app.stack.pages.map((page) => page.route)).not.toContain('subpackages/booking/pages/confirm/index');
  booked = { id: bookingId, timeText };
});

test('the advisor finds the request in the provider subpackage\'s inbox and accepts it', async () => {
  if (!booked) throw new Error('needs the booking of the first test');
  await app.tap('回到首页');
  await app.waitForPage('pages/home/index');
  await app.tap('个人资料');
  await app.waitForPage('pages/profile/index');
  await app.tap('退出登录');
  await app.waitForText('登录后可以预约服务、查看预约');
  expect(app.records.modals.map((modal) => modal.title)).toContain('退出登录');

  await logInAs('demo-advisor-1', '刘顾问，您好');
  await app.tap('待处理的预约');
  await app.waitForPage('subpackages/provider/pages/inbox/index');
  await app.waitForText(booked.timeText);
  const card = app.page.byClass('booking-card');
  expect(card.textContent).toContain('养老顾问');
  expect(card.textContent).toContain('适老化改造');

  await app.tap('接受');
  await app.waitForText('暂时没有需要处理的预约');
  expect(app.records.toasts).toContain('已接受，已通知居民');
  expect(await bookings.findOne({ _id: booked.id })).toMatchObject({ status: 'confirmed' });
});
