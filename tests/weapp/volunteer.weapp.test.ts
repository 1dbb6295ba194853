/**
 * 银龄行动 in the weapp build (issue 12): a volunteer approved through the API opens an activity in the
 * volunteer subpackage, reads its rules, signs up in a role, and the place is in the host's database.
 */
import { launchMiniProgram, type MiniProgram } from './harness/mini-program';
import { forwardTo } from './harness/request-handlers';
import { startWeappHost, type WeappHost } from './harness/weapp-host';

let weappHost: WeappHost;
let app: MiniProgram;

type Envelope = { ok: boolean; data?: unknown; error?: { code: string } };

async function api<T>(token: string | null, fn: string, body: Record<string, unknown>): Promise<T> {
  const reply = await fetch(new URL(`api/${fn}`, weappHost.host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await reply.json()) as Envelope;
  if (!envelope.ok) throw new Error(`${fn}.${String(body.action)} failed: ${envelope.error?.code}`);
  return envelope.data as T;
}

const tokenOf = async (openid: string) => (await api<{ token: string }>(null, 'user', { action: 'login', code: weappHost.loginCodeFor(openid) })).token;

beforeAll(async () => {
  weappHost = await startWeappHost();
  app = launchMiniProgram({ request: forwardTo(weappHost.host.url), loginCode: () => weappHost.loginCodeFor('demo-resident-1') });
});

afterEach(() => expect(app.problems()).toEqual([]));

afterAll(async () => {
  app?.close();
  await weappHost?.close();
});

test('an approved volunteer signs up for an activity through the weapp pages', async () => {
  // 王阿姨 (小营前社区, 南大街街道) applies and 陈干事 of that 街道 approves, through the API.
  const resident = await tokenOf('demo-resident-1');
  const staff = await tokenOf('demo-staff-1');
  const application = await api<{ id: string }>(resident, 'volunteer', {
    action: 'apply', name: '王阿姨', gender: 'female', birthYear: 1958, phone: '13800000001', communityId: 'cm-xiaoying', background: 'intellectual',
    skills: ['smartphone_teaching'], availability: [{ weekday: 2, part: 'morning' }], emergencyContact: { name: '王小明', phone: '13698765432' },
    health: { fitForService: true }, consent: { version: '2026-1', agreed: true },
  });
  await api(staff, 'volunteer', { action: 'approve', applicationId: application.id, skills: ['smartphone_teaching'] });
  const start = Date.now() + 3 * 24 * 3600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const activity = await api<{ id: string }>(staff, 'volunteer', {
    action: 'createActivity', kind: 'tech_class', title: '智能手机入门课', description: '', place: '小营前社区活动室', communityId: 'cm-xiaoying',
    roles: [{ code: 'assist', label: '助教', count: 2, skills: [] }], riskNote: '', insuranceRequired: false, bring: '老花镜', contactPhone: '13900000002',
    startsAt: at(start), endsAt: at(start + 2 * 3600_000), signUpOpensAt: at(Date.now() - 60_000), signUpClosesAt: at(start - 3600_000), withdrawCutoffAt: at(start - 24 * 3600_000),
  });

  // WeChat gives every wx.login a fresh code; the fake server knows one per openid, so the one the
  // API calls used is forgotten before the app logs in.
  weappHost.wechat.usedCodes.clear();
  await app.tap('登录');
  await app.waitForPage('pages/login/index');
  await app.tap('微信一键登录');
  await app.waitForPage('pages/home/index');
  await app.tap('银龄行动');
  await app.waitForPage('subpackages/volunteer/pages/status/index');
  await app.waitForText('已通过');
  await app.tap('看看能报名的活动');
  await app.waitForPage('subpackages/volunteer/pages/activities/index');
  await app.waitForText('智能手机入门课');
  await app.tap('智能手机入门课');
  await app.waitForPage('subpackages/volunteer/pages/activity/index');
  await app.waitForText('时长怎么算');
  expect(app.page.hasText('老花镜')).toBe(true);
  await app.tap('报名：助教');
  await app.waitForText('我的岗位：助教');

  const user = await weappHost.host.app.db.collection('users').findOne({ openid: 'demo-resident-1' });
  const signup = await weappHost.host.app.db.collection('activity_signups').findOne({ activityId: activity.id, userId: user?._id });
  expect(signup).toMatchObject({ role: 'assist', state: 'placed' });
});

// volunteer — client: the new pages of the subpackage load in the weapp build and check-in works.
test('check-in (scan button and digits), my hours, the roll and the class sign-up load in the weapp build', async () => {
  // 王阿姨 was approved above (smartphone teaching); 陈干事 makes a class starting in 10 minutes,
  // with seats for elders, and she takes its teaching place: check-in and the roll are open. (The
  // app stays signed in from above; the fake server takes each login code once.)
  weappHost.wechat.usedCodes.clear();
  const resident = await tokenOf('demo-resident-1');
  const staff = await tokenOf('demo-staff-1');
  const start = Date.now() + 10 * 60_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const activity = await api<{ id: string }>(staff, 'volunteer', {
    action: 'createActivity', kind: 'tech_class', title: '手机课（今天）', description: '', place: '小营前社区活动室', communityId: 'cm-xiaoying',
    roles: [{ code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] }], riskNote: '', insuranceRequired: false, bring: '', contactPhone: '13900000002',
    startsAt: at(start), endsAt: at(start + 3600_000), signUpOpensAt: at(Date.now() - 60_000), signUpClosesAt: at(start), withdrawCutoffAt: at(start), elderSeats: 10,
  });
  await api(resident, 'volunteer', { action: 'signUp', activityId: activity.id, role: 'lead' });

  app.open(`/subpackages/volunteer/pages/checkin/index?activityId=${activity.id}`);
  await app.waitForPage('subpackages/volunteer/pages/checkin/index');
  await app.waitForText('未签到');
  // The mini-program scans the organizer's QR; the digits stay as the way when the camera fails.
  expect(app.page.hasText('扫码签到')).toBe(true);
  const { code } = await api<{ code: string }>(staff, 'volunteer', { action: 'attendanceCode', activityId: activity.id });
  await app.type('签到码', code);
  await app.tap('确认签到');
  await app.waitFor('the check-in shown', () => app.page.text().includes('已签到'));
  expect(app.page.hasText('扫码签退')).toBe(true);

  app.open('/subpackages/volunteer/pages/hours/index');
  await app.waitForPage('subpackages/volunteer/pages/hours/index');
  await app.waitForText('开具服务证明');
  expect(app.page.text()).toContain('还没有服务记录');

  app.open(`/subpackages/volunteer/pages/roll/index?activityId=${activity.id}`);
  await app.waitForPage('subpackages/volunteer/pages/roll/index');
  await app.waitForText('添加现场来的老人');
  expect(app.page.text()).toContain('手机课（今天）');

  app.open('/subpackages/volunteer/pages/classes/index');
  await app.waitForPage('subpackages/volunteer/pages/classes/index');
  await app.waitFor('the class listed', () => app.page.text().includes('手机课（今天）') && app.page.text().includes('还剩 10 个座位'));
});

// volunteer — staff
test('the staff pages of the volunteer subpackage load for the demo staff member', async () => {
  // The fake server takes each login code once, and the test above already signed 陈干事 in.
  weappHost.wechat.usedCodes.clear();
  const staff = await tokenOf('demo-staff-1');
  const start = Date.now() + 4 * 24 * 3600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const activity = await api<{ id: string }>(staff, 'volunteer', {
    action: 'createActivity', kind: 'festival_visit', title: '重阳节探访', description: '', place: '双桂坊社区', communityId: 'cm-shuangguiping',
    roles: [{ code: 'visit', label: '探访', count: 3, skills: [] }], riskNote: '', insuranceRequired: false, bring: '', contactPhone: '13900000002',
    startsAt: at(start), endsAt: at(start + 2 * 3600_000), signUpOpensAt: at(Date.now() - 60_000), signUpClosesAt: at(start - 3600_000), withdrawCutoffAt: at(start - 24 * 3600_000),
  });

  // Out as the resident of the test before, in as 陈干事: the app's wx.login now gets the staff's code.
  app.open('/pages/profile/index');
  await app.waitForPage('pages/profile/index');
  await app.tap('退出登录');
  weappHost.wechat.usedCodes.clear();
  const residentCode = weappHost.loginCodeFor;
  weappHost.loginCodeFor = () => residentCode('demo-staff-1');
  try {
    app.open('/pages/home/index');
    await app.waitForPage('pages/home/index');
    await app.tap('登录');
    await app.waitForPage('pages/login/index');
    await app.tap('微信一键登录');
    await app.waitForPage('pages/home/index');
    await app.waitForText('陈干事，您好');
  } finally {
    weappHost.loginCodeFor = residentCode;
  }
  await app.tap('银龄行动管理');
  await app.waitForPage('subpackages/volunteer/pages/manage/index');
  await app.waitForText('待审核申请');
  await app.waitForText('更正申请');

  const pages: [string, string][] = [
    ['subpackages/volunteer/pages/manage-applications/index', '看哪些'],
    ['subpackages/volunteer/pages/manage-activities/index', '重阳节探访'],
    [`subpackages/volunteer/pages/manage-activity/index?activityId=${activity.id}`, '签到码'],
    ['subpackages/volunteer/pages/manage-activity-form/index', '活动名称'],
    ['subpackages/volunteer/pages/manage-activity-form/index?mode=series', '每周几'],
    ['subpackages/volunteer/pages/manage-corrections/index', '没有等待处理的更正申请'],
    ['subpackages/volunteer/pages/manage-training/index', '人次'],
  ];
  for (const [url, text] of pages) {
    app.open(`/${url}`);
    await app.waitForPage(url.split('?')[0]!);
    await app.waitForText(text);
  }
});
