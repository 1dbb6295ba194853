import { VOLUNTEER_CONSENT_VERSION } from '../../shared/domain/volunteer/registration-consent';
import { current } from './e2e-browser';
import { loginAs, open, scan, type FlowContext } from './e2e-flows';
import { api, checkElder, tokenOf, type ElderSizes } from './e2e-volunteer-walk';

/**
 * volunteer — staff (issue 12, items 1, 4, 5, 7, 10): 南大街's staff member approves a pending
 * application from the list, creates an activity starting in a few minutes in the form, reads the
 * rotating code on the activity page, confirms the hours of a volunteer who checked in and out with
 * that code (through the API, as the volunteer), and opens the training progress. Elder sizes are
 * measured on the hub and the activity page.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

/** Shanghai wall date and time of an instant ('YYYY-MM-DD', 'HH:mm'). */
function shanghai(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

async function codeOnScreen(ctx: FlowContext): Promise<string> {
  const digits = cur(ctx).locator('.manage-code__digits').first();
  await digits.waitFor({ timeout: 15_000 });
  const text = (await digits.textContent())?.trim() ?? '';
  if (!/^\d{6}$/.test(text)) throw new Error(`the code on screen is "${text}"`);
  return text;
}

export async function staffRunsAnActivity(ctx: FlowContext): Promise<ElderSizes> {
  const out: ElderSizes = { failures: [], report: [] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const tag = Date.now().toString(36).slice(-4);
  const name = `周老师${tag}`;

  // A resident of 小营前社区 (南大街) applies through the API: pending for 南大街's staff.
  const volunteer = await tokenOf(ctx, `e2e-staffwalk-${tag}`);
  await api(ctx, volunteer, 'volunteer', {
    action: 'apply', name, gender: 'male', birthYear: 1956, phone: '13711112222', communityId: 'cm-xiaoying', background: 'party_member',
    skills: ['smartphone_teaching'], availability: [{ weekday: 3, part: 'morning' }], emergencyContact: { name: '周明', phone: '13733334444' },
    health: { fitForService: true }, consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: true },
  });

  await loginAs(ctx, '街道工作人员', '陈干事');
  await cur(ctx).getByRole('button', { name: /^银龄行动管理/ }).click();
  await cur(ctx).getByText('待审核申请').first().waitFor();
  await scan(ctx, 'volunteer-manage');
  await cur(ctx).getByRole('button', { name: /^\d+\s*待审核申请/ }).click();
  await cur(ctx).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await cur(ctx).getByText('身份证号').waitFor();
  await scan(ctx, 'volunteer-manage-application');
  await cur(ctx).getByRole('button', { name: '通过', exact: true }).click();
  await cur(ctx).getByText('已通过').first().waitFor();

  // A class starting in 10 minutes, so the code is shown now; sign-up stays open to the start.
  const start = Date.now() + 10 * 60_000;
  const from = shanghai(start);
  const until = shanghai(start + 60 * 60_000);
  const title = `手机课 e2e ${tag}`;
  await open(ctx, '/subpackages/volunteer/pages/manage-activities/index');
  await cur(ctx).getByRole('button', { name: '新建活动' }).click();
  const field = (label: string) => cur(ctx).getByLabel(new RegExp(`^${label}`));
  await field('活动名称').fill(title);
  await field('地点').fill('小营前社区活动室');
  await cur(ctx).getByRole('button', { name: '社区：小营前社区' }).click();
  await field('日期').fill(from.date);
  await field('开始时间').fill(from.time);
  await field('结束时间').fill(until.date === from.date ? until.time : '23:59');
  await field('报名截止：开始前几小时').fill('0');
  await field('最晚退出：开始前几小时').fill('0');
  await scan(ctx, 'volunteer-manage-activity-form');
  await cur(ctx).getByRole('button', { name: '发布活动' }).click();
  await cur(ctx).getByText('签到码').first().waitFor();
  const activityId = /[?&]activityId=([^&]+)/.exec(ctx.page.url())?.[1];
  if (!activityId) throw new Error(`no activityId in ${ctx.page.url()}`);

  // The volunteer (approved a moment ago) signs up and checks in and out with the code on screen.
  const volunteerNow = await tokenOf(ctx, `e2e-staffwalk-${tag}`);
  await api(ctx, volunteerNow, 'volunteer', { action: 'signUp', activityId, role: 'role2' });
  await api(ctx, volunteerNow, 'volunteer', { action: 'checkIn', activityId, code: await codeOnScreen(ctx) });
  await api(ctx, volunteerNow, 'volunteer', { action: 'checkOut', activityId, code: await codeOnScreen(ctx) });
  await scan(ctx, 'volunteer-manage-activity');

  // The roster and hours come in by themselves within 10 s.
  await cur(ctx).getByText('已到 1 人').waitFor({ timeout: 15_000 });
  await cur(ctx).getByText(new RegExp(`^${name}：0 小时（待确认）`)).waitFor({ timeout: 15_000 });
  await cur(ctx).getByRole('button', { name: `确认${name}的时长` }).click();
  await cur(ctx).getByText(new RegExp(`^${name}：0 小时（已确认）`)).waitFor();

  await open(ctx, '/subpackages/volunteer/pages/manage-training/index');
  await cur(ctx).getByText('南大街街道').first().waitFor();
  await cur(ctx).getByText(/指标 \d+ 人次|未设指标/).first().waitFor();
  await scan(ctx, 'volunteer-manage-training');

  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    await open(ctx, '/subpackages/volunteer/pages/manage/index');
    await cur(ctx).getByText('待审核申请').first().waitFor();
    await checkElder(ctx, 'volunteer-manage', out);
    await open(ctx, `/subpackages/volunteer/pages/manage-activity/index?activityId=${activityId}`);
    await codeOnScreen(ctx);
    await cur(ctx).getByText(new RegExp(`^${name}：0 小时（已确认）`)).waitFor({ timeout: 15_000 });
    await checkElder(ctx, 'volunteer-manage-activity', out);
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
  return out;
}
