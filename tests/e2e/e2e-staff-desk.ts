import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { current, measureSizes, settled } from './e2e-browser';
import { checkElder, open, scan, type FlowContext } from './e2e-flows';
import { api, tokenOf } from './e2e-volunteer-walk';
import { DEMO_STAFF_PASSWORD } from '../../host/seed/seed-demo-passwords';

/**
 * staff desk (issue 13): 陈干事 signs in with a password, opens the workbench from home, dispatches
 * an escort request (it is flagged as possibly the same person's as another request), verifies the
 * request's hardship group, books an advisor for a walk-in elder (代办) through the booking pages,
 * and opens the dashboard, whose charts draw, and downloads its workbook (cells read with exceljs).
 * Two residents' requests are made through the API.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

/** An escort request for the same mother from two of her children, days ahead, through the API. */
async function twoRequestsForOneMother(ctx: FlowContext, tag: string): Promise<void> {
  const day = new Date(Date.now() + 3 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const at = (time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
  const mother = { name: `钱奶奶${tag}`, phone: '13744445555', relationship: 'mother' };
  for (const [child, time, eligibility] of [['son', '09:00', 'dibao'], ['daughter', '10:00', 'none']] as const) {
    const token = await tokenOf(ctx, `e2e-desk-${child}-${tag}`);
    await api(ctx, token, 'user', { action: 'updateProfile', name: `钱${child === 'son' ? '先生' : '女士'}`, phone: child === 'son' ? '13755550001' : '13755550002', communityId: 'cm-xiaoying' });
    await api(ctx, token, 'booking', {
      action: 'create', requestId: `e2e-desk-${child}-${tag}`, startsAt: at(time), forFamily: mother, contactPhone: child === 'son' ? '13755550001' : '13755550002',
      details: { kind: 'escort', hospital: '常州市第二人民医院', department: '骨科', pickupAddress: '小营前 8 号', mobilityAids: [], eligibility, streetId: 'st-nandajie' },
    });
  }
}

export async function staffRunsTheDesk(ctx: FlowContext): Promise<{ failures: string[]; report: string[] }> {
  const out = { failures: [] as string[], report: [] as string[] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const tag = Date.now().toString(36).slice(-4);
  await twoRequestsForOneMother(ctx, tag);
  const tap = (name: string | RegExp) => cur(ctx).getByRole('button', { name }).first().click();

  await open(ctx, '/pages/login/index');
  await cur(ctx).getByLabel('账号').fill('demo-staff-1');
  await cur(ctx).getByLabel('密码').fill(DEMO_STAFF_PASSWORD);
  await cur(ctx).getByRole('button', { name: '登录', exact: true }).click();
  await cur(ctx).getByText('陈干事，您好').first().waitFor();
  await tap(/^工作台/);
  await cur(ctx).getByText('陪诊派单').first().waitFor();
  await scan(ctx, 'staff-workbench');

  // Dispatch: the son's request claims 低保 and may be the same mother's as the daughter's.
  await tap(/^陪诊派单/);
  const card = cur(ctx).locator('.booking-card', { hasText: '困难群体待核实' }).filter({ hasText: '可能重复' }).first();
  await card.waitFor();
  await scan(ctx, 'staff-dispatch');
  await card.getByRole('button', { name: '详情与核实' }).click();
  await cur(ctx).getByText(/^困难群体身份待核实：低保/).waitFor();
  await cur(ctx).getByText(`钱奶奶${tag}`, { exact: false }).first().waitFor();
  await scan(ctx, 'staff-booking');
  await tap('核实通过');
  await cur(ctx).getByText('免费（困难群体）').first().waitFor();
  await tap('指派陪诊员');
  await cur(ctx).getByText('选择陪诊员').waitFor();
  const assign = cur(ctx).getByRole('button', { name: /^指派给/ }).first();
  const escort = ((await assign.getAttribute('aria-label')) ?? (await assign.textContent()) ?? '').replace(/^指派给/, '');
  await assign.click();
  await cur(ctx).getByText('已确认').first().waitFor();
  out.report.push(`dispatched the verified request to ${escort}`);

  // 代办: an advisor visit for a walk-in elder, through the booking pages.
  await open(ctx, '/subpackages/staff/pages/workbench/index');
  await tap(/^代办养老顾问/);
  await cur(ctx).getByRole('button', { name: /^刘顾问/ }).click();
  const days = cur(ctx).getByRole('button', { name: /可约 \d+$/ });
  await days.first().waitFor();
  const count = await days.count();
  for (let i = 0; i < count; i++) {
    if (!((await days.nth(i).textContent()) ?? '').startsWith('今天')) {
      await days.nth(i).click();
      break;
    }
  }
  await cur(ctx).getByRole('button', { name: /，剩 \d+ 位$/ }).first().click();
  await tap('下一步：填写信息');
  await cur(ctx).getByText('为哪位老人代办').first().waitFor();
  await cur(ctx).getByLabel(/^老人姓名/).fill(`孙爷爷${tag}`);
  await cur(ctx).getByLabel(/^老人电话/).fill('13766667777');
  await tap('所在街道：南大街街道');
  await tap('所在社区：小营前社区');
  await tap('咨询内容：适老化改造');
  await scan(ctx, 'staff-book-for-form');
  await tap('下一步：核对信息');
  await cur(ctx).getByText('代办对象').waitFor();
  await tap('确认预约');
  await cur(ctx).getByText('预约详情').first().waitFor();
  await cur(ctx).getByText(`孙爷爷${tag}（工作人员代办）`).waitFor();

  // The dashboard draws its charts.
  await open(ctx, '/subpackages/dashboard/pages/overview/index');
  await cur(ctx).getByText('智能技术培训（人次）').waitFor();
  await cur(ctx).getByText('全年进度').waitFor();
  await settled(ctx.page);
  // The line chart fills its card (a chart drawn narrow reads as broken to staff).
  // Taro draws a <Canvas> as its own element holding the canvas echarts paints on; each chart must
  // fill its card (one drawn narrow reads as broken).
  await ctx.page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page canvas')).some((n) => n.getBoundingClientRect().width > 0));
  const widths = await ctx.page.evaluate(() =>
    Array.from(document.querySelectorAll('.taro_page canvas'))
      .map((n) => Math.round(n.getBoundingClientRect().width))
      .filter((w) => w > 0),
  );
  if (widths.length < 1) out.failures.push('the dashboard drew no chart');
  if (widths.some((w) => w < 300)) out.failures.push(`a dashboard chart is ${Math.min(...widths)} px wide at 390 px (expected the card's width)`);
  out.report.push(`dashboard: ${widths.length} chart(s), ${widths.join('/')} px wide`);
  await scan(ctx, 'staff-dashboard');

  // exports: the dashboard's workbook downloads; its cells are read back.
  await workbookDownloads(ctx, out, { elder: `孙爷爷${tag}`, elderPhone: '13766667777', mother: `钱奶奶${tag}` });
  await exportsInElderMode(ctx, out);
  return out;
}

/** The export buttons in elder mode, on the dashboard and on the workbench (the hours table): large text and targets. */
async function exportsInElderMode(ctx: FlowContext, out: { failures: string[]; report: string[] }) {
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    for (const [page, button] of [['/subpackages/dashboard/pages/overview/index', '导出 Excel（汇总和预约明细）'], ['/subpackages/staff/pages/workbench/index', '导出时长表 PDF']] as const) {
      await open(ctx, page);
      await cur(ctx).getByRole('button', { name: button }).waitFor();
      await checkElder(ctx, `${page.split('/')[4]}-exports`, out);
    }
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
}

/** The staff member downloads the year's workbook from the dashboard: the bureau's summary and their 街道's bookings, phones masked. */
async function workbookDownloads(ctx: FlowContext, out: { failures: string[]; report: string[] }, people: { elder: string; elderPhone: string; mother: string }) {
  const [download] = await Promise.all([ctx.page.waitForEvent('download'), cur(ctx).getByRole('button', { name: '导出 Excel（汇总和预约明细）' }).click()]);
  const file = await download.path();
  if (!file) throw new Error('the workbook did not download');
  const name = download.suggestedFilename();
  const year = new Date().getFullYear();
  if (!new RegExp(`^南大街-预约明细-${year}-01-01至${year}-12-31-\\d{8}\\.xlsx$`).test(name)) out.failures.push(`the workbook is called ${name}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const summary = workbook.getWorksheet('汇总');
  const detail = workbook.getWorksheet('预约明细');
  if (!summary || !detail) throw new Error(`the workbook's sheets are ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  if (String(summary.getCell('A1').value) !== `南大街街道民政便民服务${year}年度工作进度汇总表`) out.failures.push(`the summary's title is ${String(summary.getCell('A1').value)}`);
  if (summary.getCell('Q1').master.address !== 'A1') out.failures.push('the summary\'s title is not merged across the sheet');
  if (String(summary.getCell('B3').value) !== '智能技术培训（人次）' || summary.getCell('E3').master.address !== 'B3') out.failures.push('the training header is not merged over its columns');
  if (String(summary.getCell('A5').value) !== '南大街街道') out.failures.push(`the summary's first row is ${String(summary.getCell('A5').value)}`);
  const rows: string[][] = [];
  detail.eachRow((row, n) => {
    if (n > 3) rows.push(Array.from({ length: 12 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  const everything = rows.flat().join('|');
  if (everything.includes(people.elderPhone)) out.failures.push('a full phone number is in the staff member\'s workbook');
  if (rows.some((r) => r[5] !== '南大街街道')) out.failures.push('the workbook holds another 街道\'s bookings');
  // The walk-in's visit and the mother's requests are days ahead: in this year's file unless the year turns first.
  const walkIn = rows.find((r) => r[9] === people.elder);
  const ahead = new Date(Date.now() + 4 * 24 * 3600_000).getFullYear() === year;
  if (ahead && !walkIn) out.failures.push(`the walk-in ${people.elder} is not in the workbook`);
  if (walkIn && walkIn[10] !== '137****7777') out.failures.push(`the walk-in's phone reads ${walkIn[10]}`);
  if (ahead && !rows.some((r) => r[9] === people.mother)) out.failures.push(`${people.mother}'s escort requests are not in the workbook`);
  out.report.push(`workbook ${name}: ${rows.length} booking rows, the walk-in's phone ${walkIn?.[10] ?? '(next year)'}`);
}
