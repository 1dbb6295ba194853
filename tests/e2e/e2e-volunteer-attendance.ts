import { current } from './e2e-browser';
import { loginAs, open, scan, type FlowContext } from './e2e-flows';
import { api, checkElder, tokenOf, type ElderSizes } from './e2e-volunteer-walk';

/**
 * 银龄行动 on the day (issue 12, items 4, 5, 7 and 10), in the browser: a resident signs up for a
 * smartphone class on the classes page; the volunteer placed as its teacher checks in and out with
 * the organizer's six digits (read through the organizer's `attendanceCode` call: the organizer's
 * screen is the staff side's), finds the record 待确认 under my hours, then takes the roll with the
 * enrolled resident and a walk-in, and the 街道's person-times go up by two. Elder sizes are measured
 * on the check-in, hours, roll and classes pages.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

/** 李大爷 as a smartphone-teaching volunteer: approved by the admin unless an earlier flow did it. */
async function ensureVolunteer(ctx: FlowContext, admin: string): Promise<string> {
  const token = await tokenOf(ctx, 'demo-resident-2');
  const mine = await api<{ current: { status: string } | null }>(ctx, token, 'volunteer', { action: 'myApplication' });
  if (mine.current?.status === 'approved') return token;
  const application =
    mine.current?.status === 'pending'
      ? (mine.current as unknown as { id: string })
      : await api<{ id: string }>(ctx, token, 'volunteer', {
          action: 'apply', name: '李大爷', gender: 'male', birthYear: 1955, phone: '13800000002', communityId: 'cm-hehua', background: 'party_member',
          skills: ['smartphone_teaching'], availability: [{ weekday: 2, part: 'morning' }], emergencyContact: { name: '李小明', phone: '13698765432' },
          health: { fitForService: true }, consent: { version: '2026-1', agreed: true },
        });
  await api(ctx, admin, 'volunteer', { action: 'approve', applicationId: application.id, skills: ['smartphone_teaching'] });
  return token;
}

/** A class starting in 10 minutes in 荷花池社区 with seats for elders: check-in and the roll are open now. */
function classNow(title: string) {
  const start = Date.now() + 10 * 60_000;
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    action: 'createActivity', kind: 'tech_class', title, description: '教老人用手机挂号', place: '荷花池社区活动室', communityId: 'cm-hehua',
    roles: [{ code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] }], riskNote: '', insuranceRequired: false, bring: '', contactPhone: '13900000001',
    startsAt: at(start), endsAt: at(start + 3600_000), signUpOpensAt: at(Date.now() - 60_000), signUpClosesAt: at(start), withdrawCutoffAt: at(start), elderSeats: 10,
  };
}

type Progress = { streets: { streetId: string; personTimes: number }[] };

export async function volunteerChecksInTakesRoll(ctx: FlowContext): Promise<ElderSizes> {
  const out: ElderSizes = { failures: [], report: [] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const admin = await tokenOf(ctx, 'demo-admin');
  const volunteer = await ensureVolunteer(ctx, admin);
  const title = `今天的手机课 ${Date.now().toString(36).slice(-5)}`;
  const activity = await api<{ id: string }>(ctx, admin, 'volunteer', classNow(title));
  await api(ctx, volunteer, 'volunteer', { action: 'signUp', activityId: activity.id, role: 'lead' });
  const personTimes = async () => (await api<Progress>(ctx, admin, 'volunteer', { action: 'trainingProgress' })).streets.find((s) => s.streetId === 'st-hehuachi')?.personTimes ?? 0;
  const before = await personTimes();

  // 王阿姨 signs herself up from home's link.
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await cur(ctx).getByText('智能手机课报名').first().click();
  const signUp = cur(ctx).getByRole('button', { name: new RegExp(`^报名这节课 ${title}`) });
  await signUp.waitFor();
  await scan(ctx, 'volunteer-classes');
  await signUp.click();
  await cur(ctx).getByRole('button', { name: '年龄段：70–79 岁' }).click();
  await cur(ctx).getByRole('button', { name: '确认报名' }).click();
  await cur(ctx).getByText('已报名：王阿姨').first().waitFor();

  // 李大爷, the class's teacher, checks in from 我的 with the six digits the organizer's phone shows.
  await loginAs(ctx, '居民 李大爷', '李大爷');
  await open(ctx, '/subpackages/volunteer/pages/mine/index');
  await cur(ctx).getByRole('button', { name: `签到签退 ${title}` }).click();
  await cur(ctx).getByText('未签到').waitFor();
  await scan(ctx, 'volunteer-checkin');
  const codeNow = async () => (await api<{ code: string }>(ctx, admin, 'volunteer', { action: 'attendanceCode', activityId: activity.id })).code;
  await cur(ctx).getByLabel(/^签到码/).fill(await codeNow());
  await cur(ctx).getByRole('button', { name: '确认签到' }).click();
  await cur(ctx).getByText(/^已签到 /).waitFor();
  await cur(ctx).getByLabel(/^签退码/).fill(await codeNow());
  await cur(ctx).getByRole('button', { name: '确认签退' }).click();
  await cur(ctx).getByText(/^已签退 /).waitFor();
  await cur(ctx).getByRole('button', { name: '看我的服务时长' }).click();
  const record = cur(ctx).locator('.volunteer-hours__record', { hasText: title });
  await record.getByText('待确认').waitFor();
  await cur(ctx).getByRole('button', { name: '开具服务证明' }).waitFor();
  await scan(ctx, 'volunteer-hours');

  // The roll: the enrolled resident and one walk-in (name, community, age band; no phone).
  await open(ctx, '/subpackages/volunteer/pages/mine/index');
  await cur(ctx).getByRole('button', { name: `课堂点名 ${title}` }).click();
  await cur(ctx).getByRole('button', { name: '王阿姨 到了' }).click();
  await cur(ctx).getByRole('button', { name: '添加现场来的老人' }).click();
  await cur(ctx).getByLabel(/^老人姓名/).fill('张大爷');
  await cur(ctx).getByRole('button', { name: '所在街道：荷花池街道' }).click();
  await cur(ctx).getByRole('button', { name: '所在社区：荷花池社区' }).click();
  await cur(ctx).getByRole('button', { name: '年龄段：80–89 岁' }).click();
  await cur(ctx).getByRole('button', { name: '加到点名里' }).click();
  await scan(ctx, 'volunteer-roll');
  await cur(ctx).getByRole('button', { name: '保存点名（2 位）' }).click();
  await cur(ctx).getByText('这次新记 2 人次，本节课共 2 人次').waitFor();
  const after = await personTimes();
  if (after - before !== 2) out.failures.push(`the roll added ${after - before} person-times to 荷花池街道 (expected 2)`);

  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    await open(ctx, `/subpackages/volunteer/pages/checkin/index?activityId=${activity.id}`);
    await cur(ctx).getByText(/^已签退 /).waitFor();
    await checkElder(ctx, 'volunteer-checkin', out);
    await open(ctx, '/subpackages/volunteer/pages/hours/index');
    await cur(ctx).getByText('开具服务证明').waitFor();
    await checkElder(ctx, 'volunteer-hours', out);
    await open(ctx, `/subpackages/volunteer/pages/roll/index?activityId=${activity.id}`);
    await cur(ctx).getByRole('button', { name: '添加现场来的老人' }).click();
    await cur(ctx).getByText('只记姓名、社区和年龄段，不用手机号和身份证。').waitFor();
    await checkElder(ctx, 'volunteer-roll', out);
    await open(ctx, '/subpackages/volunteer/pages/classes/index');
    await cur(ctx).getByRole('button', { name: new RegExp(`^报名这节课 ${title}`) }).click();
    await cur(ctx).getByRole('button', { name: '确认报名' }).waitFor();
    await checkElder(ctx, 'volunteer-classes', out);
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
  return out;
}
