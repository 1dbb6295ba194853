import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { current, launchBrowser } from './e2e-browser';
import { loginAs, open, type FlowContext } from './e2e-flows';
import type { ElderSizes } from './e2e-volunteer-walk';
import { pdfText } from '../helpers/pdf-text';

/**
 * 银龄行动's whole path in one go, every step on a screen (issue 12, "same standards"): a new
 * resident applies in the browser; 南大街's staff member approves on their own phone (a second
 * browser) and publishes a class starting in a few minutes; the volunteer signs up as its teacher,
 * checks in and out with the six digits read off the staff member's screen; the staff member
 * corrects the hours (the class has not begun, so the clock gave none) and the volunteer sees them on
 * 我的服务时长; the teacher's roll adds a walk-in and the staff member's training page counts one more
 * 人次 for 小营前社区; the volunteer downloads the certificate and its text is checked.
 */

const cur = (page: FlowContext['page']) => current(page);

/** Shanghai wall date and time of an instant ('YYYY-MM-DD', 'HH:mm'). */
function shanghai(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

async function codeOnScreen(staff: FlowContext): Promise<string> {
  const digits = cur(staff.page).locator('.manage-code__digits').first();
  await digits.waitFor({ timeout: 15_000 });
  const text = (await digits.textContent())?.trim() ?? '';
  if (!/^\d{6}$/.test(text)) throw new Error(`the code on the staff screen is "${text}"`);
  return text;
}

/** 小营前社区's person-times as the staff member's training page shows them. */
async function personTimesOnScreen(staff: FlowContext): Promise<number> {
  await open(staff, '/subpackages/volunteer/pages/manage-training/index');
  const line = cur(staff.page).getByText(/^小营前社区：\d+ 人次/).first();
  await line.waitFor();
  return Number(/：(\d+) 人次/.exec((await line.textContent()) ?? '')?.[1] ?? NaN);
}

export async function volunteerWholePath(ctx: FlowContext): Promise<ElderSizes> {
  const out: ElderSizes = { failures: [], report: [] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const tag = Date.now().toString(36).slice(-4);
  const name = `吴老师${tag}`;
  const title = `手机课 全程 ${tag}`;
  const tap = (label: string) => cur(ctx.page).getByRole('button', { name: label }).click();
  const field = (page: FlowContext['page'], label: string) => cur(page).getByLabel(new RegExp(`^${label}`));

  // The staff member's own phone: a second browser with its own session.
  const staffBrowser = await launchBrowser(mkdtempSync(path.join(tmpdir(), 'civic-e2e-staff-')));
  try {
    const staffPage = staffBrowser.pages()[0] ?? (await staffBrowser.newPage());
    staffPage.setDefaultTimeout(20_000);
    const staff: FlowContext = { ...ctx, page: staffPage, snap: async () => undefined };
    await loginAs(staff, '街道工作人员', '陈干事');

    // 1. A new resident applies (name, phone and 社区 typed on the form).
    await open(ctx, '/pages/login/index');
    await cur(ctx.page).getByLabel(/^openid/).fill(`e2e-path-${tag}`);
    await cur(ctx.page).getByRole('button', { name: '用 openid 登录' }).click();
    await cur(ctx.page).getByText('银龄行动').first().click();
    await tap('申请成为志愿者');
    await cur(ctx.page).getByText('1. 基本信息').waitFor();
    await field(ctx.page, '姓名').fill(name);
    await field(ctx.page, '手机号').fill('13722223333');
    await field(ctx.page, '出生年份').fill('1957');
    await tap('性别：女');
    await tap('所在街道：南大街街道');
    await tap('所在社区：小营前社区');
    await tap('您的身份：老知识分子');
    await tap('技能：智能手机教学');
    await tap('上午有空：周三');
    await field(ctx.page, '紧急联系人姓名').fill('吴小明');
    await field(ctx.page, '紧急联系人电话').fill('13733334444');
    await tap('身体状况：身体良好，能胜任');
    await tap('☐ 我已阅读，同意以上内容');
    await tap('提交申请');
    await cur(ctx.page).getByText('申请已交给街道审核').waitFor();

    // 2. Staff approve it from their list.
    await open(staff, '/subpackages/volunteer/pages/manage/index');
    await cur(staffPage).getByRole('button', { name: /^\d+\s*待审核申请/ }).click();
    await cur(staffPage).getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await cur(staffPage).getByRole('button', { name: '通过', exact: true }).click();
    await cur(staffPage).getByText('已通过').first().waitFor();

    // 3. Staff publish a smartphone class starting in 10 minutes (check-in opens 30 minutes before).
    const start = Date.now() + 10 * 60_000;
    const from = shanghai(start);
    const until = shanghai(start + 60 * 60_000);
    await open(staff, '/subpackages/volunteer/pages/manage-activities/index');
    await cur(staffPage).getByRole('button', { name: '新建活动' }).click();
    await field(staffPage, '活动名称').fill(title);
    await field(staffPage, '地点').fill('小营前社区活动室');
    await cur(staffPage).getByRole('button', { name: '社区：小营前社区' }).click();
    await field(staffPage, '日期').fill(from.date);
    await field(staffPage, '开始时间').fill(from.time);
    await field(staffPage, '结束时间').fill(until.date === from.date ? until.time : '23:59');
    await field(staffPage, '报名截止：开始前几小时').fill('0');
    await field(staffPage, '最晚退出：开始前几小时').fill('0');
    await cur(staffPage).getByRole('button', { name: '发布活动' }).click();
    await cur(staffPage).getByText('签到码').first().waitFor();
    const activityId = /[?&]activityId=([^&]+)/.exec(staffPage.url())?.[1];
    if (!activityId) throw new Error(`no activityId in ${staffPage.url()}`);

    // 4. The volunteer finds the approval and signs up as the class's teacher.
    await open(ctx, '/subpackages/volunteer/pages/status/index');
    await cur(ctx.page).getByText('已通过').first().waitFor();
    await tap('看看能报名的活动');
    await cur(ctx.page).getByRole('button', { name: new RegExp(title) }).click();
    await tap('报名主讲');
    await cur(ctx.page).getByText('我的岗位：主讲').waitFor();

    // 5. Check in and out with the digits on the staff member's screen.
    await tap('签到签退');
    await cur(ctx.page).getByText('未签到').waitFor();
    await field(ctx.page, '签到码').fill(await codeOnScreen(staff));
    await tap('确认签到');
    await cur(ctx.page).getByText(/^已签到 /).waitFor();
    await field(ctx.page, '签退码').fill(await codeOnScreen(staff));
    await tap('确认签退');
    await cur(ctx.page).getByText(/^已签退 /).waitFor();

    // 6. Staff see it on the roster and correct the hours (no time of the class has passed yet).
    await cur(staffPage).getByText('已到 1 人').waitFor({ timeout: 15_000 });
    await cur(staffPage).getByRole('button', { name: `更正${name}的时长` }).click({ timeout: 15_000 });
    await field(staffPage, `${name}的时长`).fill('2');
    await field(staffPage, '更正原因').fill('提前到场布置教室，按两小时计');
    await cur(staffPage).getByRole('button', { name: '保存更正' }).click();
    await cur(staffPage).getByText(new RegExp(`^${name}：2 小时（已更正）`)).waitFor();

    // 7. The volunteer sees the hours.
    await tap('看我的服务时长');
    const record = cur(ctx.page).locator('.volunteer-hours__record', { hasText: title });
    await record.getByText('已更正').first().waitFor();
    await record.getByText(/2 小时/).first().waitFor();

    // 8. The teacher's roll with a walk-in moves 小营前社区's person-times on the staff screen.
    const before = await personTimesOnScreen(staff);
    await open(ctx, `/subpackages/volunteer/pages/roll/index?activityId=${activityId}`);
    await tap('添加现场来的老人');
    await field(ctx.page, '老人姓名').fill(`邓奶奶${tag}`);
    await tap('所在街道：南大街街道');
    await tap('所在社区：小营前社区');
    await tap('年龄段：70–79 岁');
    await tap('加到点名里');
    await tap('保存点名（1 位）');
    await cur(ctx.page).getByText('这次新记 1 人次，本节课共 1 人次').waitFor();
    const after = await personTimesOnScreen(staff);
    if (after !== before + 1) out.failures.push(`the staff training page shows 小营前社区 ${before} → ${after} 人次 (expected +1)`);
    out.report.push(`小营前社区 on the staff screen: ${before} → ${after} 人次`);

    // 9. The certificate of this year, downloaded from my hours, and its text.
    await open(ctx, '/subpackages/volunteer/pages/hours/index');
    await tap('开具服务证明');
    await cur(ctx.page).getByText(/^已确认 \d+ 次活动，共 [\d.]+ 小时$/).waitFor();
    const [download] = await Promise.all([ctx.page.waitForEvent('download'), tap('下载证明')]);
    const file = await download.path();
    if (!file) throw new Error('the certificate did not download');
    const { text, runs } = await pdfText(readFileSync(file));
    for (const expected of ['志愿服务记录证明', `姓名：${name}`, '志愿者编号：ZL-', '出具单位：南大街街道办事处', '合计时长：2']) {
      if (!text.includes(expected)) out.failures.push(`the certificate lacks "${expected}"`);
    }
    const row = runs.indexOf(title);
    if (row < 0 || runs[row + 2] !== '2') out.failures.push(`the certificate lacks the line "${title} … 2": ${runs.slice(Math.max(0, row - 1), row + 3).join(' | ')}`);
    out.report.push(`certificate ${download.suggestedFilename()} for ${name}`);

  } finally {
    await staffBrowser.close();
  }
  return out;
}
