import { current, measureSizes, settled } from './e2e-browser';
import { checkElder, loginAs, open, scan, type ElderSizes, type FlowContext } from './e2e-flows';

/**
 * 银龄行动, the volunteer's side (issue 12, item 10): a resident applies in the browser, staff approve
 * through the API, the resident sees the number, signs up for an activity made through the API and
 * finds it under 我的. Elder sizes are measured on the form and the activity page.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

type Envelope = { ok: boolean; data?: unknown; error?: { code: string } };

export async function api<T>(ctx: FlowContext, token: string | null, fn: string, body: Record<string, unknown>): Promise<T> {
  const reply = await fetch(`${ctx.baseUrl}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await reply.json()) as Envelope;
  if (!envelope.ok) throw new Error(`${fn}.${String(body.action)} failed: ${envelope.error?.code}`);
  return envelope.data as T;
}

export const tokenOf = async (ctx: FlowContext, openid: string) => (await api<{ token: string }>(ctx, null, 'user', { action: 'devLogin', openid })).token;

/** An activity three days on (so sign-up is open and the cut-off far), in 李大爷's 荷花池社区. */
function activityInput(title: string) {
  const start = Date.now() + 3 * 24 * 3600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    action: 'createActivity', kind: 'tech_class', title, description: '教老人用手机挂号、视频通话', place: '荷花池社区活动室',
    communityId: 'cm-hehua', roles: [{ code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] }, { code: 'assist', label: '助教', count: 2, skills: [] }],
    riskNote: '', insuranceRequired: false, bring: '老花镜、充好电的手机', contactPhone: '13900000001',
    startsAt: at(start), endsAt: at(start + 2 * 3600_000), signUpOpensAt: at(Date.now() - 60_000),
    signUpClosesAt: at(start - 3600_000), withdrawCutoffAt: at(start - 24 * 3600_000),
  };
}

// The elder-size check is the flows' own; the volunteer walks import it from here too.
export { checkElder, type ElderSizes };

export async function volunteerAppliesSignsUp(ctx: FlowContext): Promise<ElderSizes> {
  const out: ElderSizes = { failures: [], report: [] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  await loginAs(ctx, '居民 李大爷', '李大爷');
  await cur(ctx).getByText('银龄行动').first().click();
  await cur(ctx).getByRole('button', { name: '申请成为志愿者' }).click();
  await cur(ctx).getByText('1. 基本信息').waitFor();
  await settled(ctx.page);

  const field = (label: string) => cur(ctx).getByLabel(new RegExp(`^${label}`));
  const tap = (name: string) => cur(ctx).getByRole('button', { name }).click();
  await field('出生年份').fill('1955');
  await tap('性别：男');
  // The community comes from the account (荷花池社区); it is shown chosen.
  await cur(ctx).getByRole('button', { name: '所在社区：荷花池社区', pressed: true }).waitFor();
  await tap('您的身份：老党员');
  await tap('技能：智能手机教学');
  await tap('上午有空：周二');
  await tap('下午有空：周四');
  await field('紧急联系人姓名').fill('李小明');
  await field('紧急联系人电话').fill('13698765432');
  await tap('身体状况：身体良好，能胜任');
  await tap('☐ 我已阅读，同意以上内容');
  await scan(ctx, 'volunteer-apply');
  await tap('提交申请');
  await cur(ctx).getByText('申请已交给街道审核').waitFor();
  await scan(ctx, 'volunteer-status-pending');

  // 荷花池街道 has no demo staff: the district admin decides.
  const admin = await tokenOf(ctx, 'demo-admin');
  const { items } = await api<{ items: { id: string; name: string }[] }>(ctx, admin, 'volunteer', { action: 'applications', status: 'pending' });
  const application = items.find((item) => item.name === '李大爷');
  if (!application) throw new Error('the application is not in the staff list');
  const approved = await api<{ volunteerNumber: string }>(ctx, admin, 'volunteer', { action: 'approve', applicationId: application.id, skills: ['smartphone_teaching'] });

  // No reload: the app still holds the session from before the approval; the status page fetches
  // it again, or the activity pages would refuse the new volunteer.
  await cur(ctx).getByRole('button', { name: '首页' }).click();
  await cur(ctx).getByText('银龄行动').first().click();
  await cur(ctx).getByText('已通过').first().waitFor();
  await cur(ctx).getByText(approved.volunteerNumber).waitFor();
  await scan(ctx, 'volunteer-status-approved');

  const title = `手机课 e2e ${Date.now().toString(36).slice(-5)}`;
  // createActivity answers with the activity as `activity` shows it (its `id`).
  const activity = await api<{ id: string }>(ctx, admin, 'volunteer', activityInput(title));
  await cur(ctx).getByRole('button', { name: '看看能报名的活动' }).click();
  const card = cur(ctx).getByRole('button', { name: new RegExp(title) });
  await card.waitFor();
  await cur(ctx).getByText('主讲：剩 1 个').first().waitFor();
  await scan(ctx, 'volunteer-activities');
  await card.click();
  await cur(ctx).getByText('时长怎么算').waitFor();
  await cur(ctx).getByText('老花镜、充好电的手机').waitFor();
  await scan(ctx, 'volunteer-activity');
  await cur(ctx).getByRole('button', { name: '报名主讲' }).click();
  await cur(ctx).getByText('我的岗位：主讲').waitFor();
  await cur(ctx).getByText('已报上').first().waitFor();

  await open(ctx, '/subpackages/volunteer/pages/mine/index');
  await cur(ctx).getByRole('button', { name: new RegExp(`${title}.*已报上`) }).waitFor();
  await scan(ctx, 'volunteer-mine');

  // Elder mode on the form and the activity (many volunteers are elderly themselves).
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    await open(ctx, '/subpackages/volunteer/pages/apply/index');
    await cur(ctx).getByText('1. 基本信息').waitFor();
    await checkElder(ctx, 'volunteer-apply', out);
    await open(ctx, `/subpackages/volunteer/pages/activity/index?activityId=${activity.id}`);
    await cur(ctx).getByText('我的岗位：主讲').waitFor({ timeout: 10_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message.split('\n')[0]}; the page shows: ${(await cur(ctx).textContent())?.slice(0, 400)}`);
    });
    await checkElder(ctx, 'volunteer-activity', out);
    await open(ctx, '/subpackages/volunteer/pages/status/index');
    await cur(ctx).getByText(approved.volunteerNumber).waitFor();
    await checkElder(ctx, 'volunteer-status', out);
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
  return out;
}
