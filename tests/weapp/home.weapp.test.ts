/**
 * The home page of the built mini-program, signed out and signed in, with every call answered by
 * this test (the real host is in booking-flow.weapp.test.ts). Answers are typed with the schemas the
 * client reads, so a change of shape shows here as a type error, not as a silent pass.
 */
import type { z } from 'zod';
import type { LoginResult, PublicUser } from '../../shared/schemas/user.schema';
import type { bookingPageSchema, serviceInfoSchema, streetSchema, unreadCountSchema } from '../../client/src/api/views.schema';
import { launchMiniProgram, type MiniProgram } from './harness/mini-program';
import { answerCalls, type Answer, type FunctionCall } from './harness/request-handlers';

const resident: PublicUser = {
  id: 'u-resident',
  openid: 'o-resident',
  name: '王阿姨',
  phone: '13800000001',
  communityId: null,
  address: null,
  elderMode: false,
  roles: ['resident'],
  staffStreetId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};
const token = 'token-of-the-resident';
const ok = (data: unknown): Answer => ({ ok: true, data });

const services: z.input<typeof serviceInfoSchema>[] = [
  { id: 'advisor', name: '养老顾问', description: '养老政策都可以问。', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120 },
];
const streets: z.input<typeof streetSchema>[] = [{ id: 'st-1', name: '南大街街道', communities: [{ id: 'cm-1', name: '小营前社区' }] }];
const noBookings: z.input<typeof bookingPageSchema> = { items: [], total: 0 };
const noUnread: z.input<typeof unreadCountSchema> = { count: 0 };

const unanswered: FunctionCall[] = [];
const loginCodes: string[] = [];
const signedIn = (call: FunctionCall) => (call.token === token ? null : { ok: false as const, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });

const answers: Record<string, (call: FunctionCall) => Answer> = {
  'user.login': (call) => {
    loginCodes.push(String(call.payload.code));
    const result: LoginResult = { token, expiresAt: '2099-01-01T00:00:00.000Z', user: resident };
    return ok(result);
  },
  'user.me': (call) => signedIn(call) ?? ok(resident),
  'booking.mine': (call) => signedIn(call) ?? ok(noBookings),
  'notify.unreadCount': (call) => signedIn(call) ?? ok(noUnread),
  'catalog.services': () => ok(services),
  'catalog.streets': () => ok(streets),
};

let app: MiniProgram;

beforeAll(() => {
  app = launchMiniProgram({ request: answerCalls(answers, unanswered), loginCode: () => 'code-from-wx-login' });
});

afterEach(() => {
  expect(app.problems()).toEqual([]);
  expect(unanswered).toEqual([]);
});

afterAll(() => app.close());

test('signed out, the home page greets, offers the three services and a login, and asks the server nothing', async () => {
  await app.waitForText('登录后可以预约服务、查看预约');
  const page = app.page;
  expect(app.stack.current?.route).toBe('pages/home/index');
  expect(page.byClass('page-title').textContent).toBe('您好');
  expect(page.allByClass('home-service__title').map((title) => title.textContent)).toEqual(['养老顾问', '陪诊服务', '婚姻辅导']);
  expect(page.allByText('登录')).toHaveLength(1);
  expect(page.hasText('我的预约')).toBe(false);
  expect(app.records.requests).toEqual([]);
});

test('signed out, a tap on a service opens the WeChat login, which signs in and returns home', async () => {
  await app.tap(app.page.byClass('home-service--advisor'));
  await app.waitForPage('pages/login/index');
  await app.tap('微信一键登录');

  await app.waitForPage('pages/home/index');
  await app.waitForText('王阿姨，您好');
  // wx.login's code went to user.login; the token came back into the device's storage.
  expect(loginCodes).toEqual(['code-from-wx-login']);
  expect(JSON.parse(app.storage.get('civic.session') ?? 'null')).toMatchObject({ token });
  // Login restarts the app at home, so "back" cannot return to the login page.
  expect(app.stack.pages.map((page) => page.route)).toEqual(['pages/home/index']);
});

test('signed in, the home page shows the resident\'s name, 我的 with its entries, and no provider entry', async () => {
  await app.waitForText('没有未读');
  const page = app.page;
  expect(page.byClass('page-title').textContent).toBe('王阿姨，您好');
  for (const entry of ['我的预约', '消息', '个人资料']) expect(page.allByText(entry)).toHaveLength(1);
  expect(page.hasText('待处理的预约')).toBe(false);
  expect(page.hasText('登录后可以预约服务')).toBe(false);
  const calls = app.records.requests.map((request) => `${new URL(request.url).pathname} ${(request.data as { action: string }).action}`);
  expect(calls).toEqual(expect.arrayContaining(['/api/booking mine', '/api/notify unreadCount']));
});

test('signed in, a tap on a service opens its page in the booking subpackage', async () => {
  await app.tap(app.page.byClass('home-service--advisor'));
  await app.waitForPage('subpackages/booking/pages/choose/index');
  await app.waitForText('南大街街道');
  expect(app.stack.current?.query).toEqual({ service: 'advisor' });
  expect(app.page.byClass('page-title').textContent).toBe('预约养老顾问');
  // A resident with no community yet is asked where they live (then it is kept in the profile).
  expect(app.page.hasText('1. 您住在哪个街道')).toBe(true);
  expect(app.stack.pages.map((page) => page.route)).toEqual(['pages/home/index', 'subpackages/booking/pages/choose/index']);
});
