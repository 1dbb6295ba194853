import type { Page } from 'playwright-core';
import { axeScan, current, measureSizes, settled, type AxeFinding } from './e2e-browser';

/** What the flows share: the browser page, the host, findings, and what one flow leaves for the next. */
export type FlowContext = {
  page: Page;
  baseUrl: string;
  findings: AxeFinding[];
  scanned: string[];
  notes: string[];
  /** Saves a screenshot when asked for (--screenshots=DIR). */
  snap: (name: string) => Promise<void>;
  advisorBooking?: { id: string; timeLabel: string };
  escortBookingId?: string;
};

let navigation = 0;

/** Opens a route with a full reload, so no state of the previous step lingers. */
export async function open(ctx: FlowContext, route: string): Promise<void> {
  navigation += 1;
  await ctx.page.goto(`${ctx.baseUrl}?n=${navigation}#${route}`);
  await settled(ctx.page);
}

/** Waits for the next page to slide in and stand still. */
async function arrive(ctx: FlowContext, text: string | RegExp): Promise<void> {
  await current(ctx.page).getByText(text).first().waitFor();
  await settled(ctx.page);
}

/** The bookingId in the hash route's query (…#/subpackages/…/index?bookingId=…). */
function bookingIdOf(url: string): string | null {
  const query = url.split('#')[1]?.split('?')[1] ?? '';
  return new URLSearchParams(query).get('bookingId');
}

/** axe-core on the page on screen; each page is scanned once per elder setting. */
export async function scan(ctx: FlowContext, name: string): Promise<void> {
  await settled(ctx.page);
  await ctx.snap(name);
  if (ctx.scanned.includes(name)) return;
  ctx.scanned.push(name);
  ctx.findings.push(...(await axeScan(ctx.page, name)));
}

export type ElderSizes = { failures: string[]; report: string[] };

/** Elder mode on the page on screen: body text ≥ 18 px, key text ≥ 30 px, targets ≥ 60 px, then axe. */
export async function checkElder(ctx: FlowContext, name: string, out: ElderSizes): Promise<void> {
  await settled(ctx.page);
  const sizes = await measureSizes(ctx.page);
  out.report.push(`${name}: text ≥ ${sizes.minFont}px, targets ≥ ${sizes.minTarget}px, key ${sizes.keyFonts.map((k) => k.size).join('/') || '-'}`);
  if (!sizes.elder) out.failures.push(`${name}: elder mode is not on`);
  if (sizes.minFont < 18) out.failures.push(`${name}: text "${sizes.smallestText}" is ${sizes.minFont}px (< 18)`);
  if (sizes.minTarget < 60) out.failures.push(`${name}: tap target "${sizes.smallestTarget}" is ${sizes.minTarget}px (< 60)`);
  for (const key of sizes.keyFonts) if (key.size < 30) out.failures.push(`${name}: ${key.what} is ${key.size}px (< 30)`);
  await scan(ctx, `${name}-elder`);
}

export async function loginAs(ctx: FlowContext, account: string, name: string): Promise<void> {
  await open(ctx, '/pages/login/index');
  await current(ctx.page).getByRole('button', { name: `以${account}登录` }).click();
  await arrive(ctx, `${name}，您好`);
}

const cur = (ctx: FlowContext) => current(ctx.page);

/** A day that is not today (slots of today may be past the cut-off soon) with free times. */
async function pickLaterDay(ctx: FlowContext): Promise<string> {
  const days = cur(ctx).getByRole('button', { name: /可约 \d+$/ });
  const count = await days.count();
  for (let i = 0; i < count; i++) {
    const label = (await days.nth(i).textContent()) ?? '';
    if (!label.startsWith('今天')) {
      await days.nth(i).click();
      return label;
    }
  }
  throw new Error('the calendar shows no day after today with free times');
}

export async function residentBooksAdvisor(ctx: FlowContext): Promise<void> {
  const { page } = ctx;
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await scan(ctx, 'home');
  await cur(ctx).getByRole('button', { name: /^养老顾问/ }).click();
  // 街道 and 社区 start at the resident's own (小营前社区 in 南大街街道); the advisor list follows.
  await arrive(ctx, '3. 选择养老顾问');
  await cur(ctx).getByRole('button', { name: /^刘顾问/ }).waitFor();
  await scan(ctx, 'choose-provider');
  await cur(ctx).getByRole('button', { name: /^刘顾问/ }).click();

  await arrive(ctx, /可约时间$/);
  await pickLaterDay(ctx);
  const time = cur(ctx).getByRole('button', { name: /，剩 \d+ 位$/ }).first();
  const timeLabel = (await time.getAttribute('aria-label'))!.replace(/，剩 \d+ 位$/, '');
  await time.click();
  if ((await time.getAttribute('aria-pressed')) !== 'true') throw new Error('the chosen time is not shown as chosen');
  await scan(ctx, 'slots');
  await cur(ctx).getByRole('button', { name: '下一步：填写信息' }).click();

  await arrive(ctx, '咨询什么');
  // Sending the form without a topic shows the problem at the field.
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  await cur(ctx).getByText('请选择想咨询的事').waitFor();
  await scan(ctx, 'form-advisor');
  await cur(ctx).getByRole('button', { name: '咨询内容：适老化改造' }).click();
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();

  await arrive(ctx, '核对预约信息');
  await cur(ctx).getByText(/前可以取消或改期$/).waitFor();
  await scan(ctx, 'confirm');
  await cur(ctx).getByRole('button', { name: '确认预约' }).click();

  await arrive(ctx, '预约已提交');
  await cur(ctx).getByText('待确认').first().waitFor();
  const clock = timeLabel.split(' ').pop()!;
  await cur(ctx).getByText(new RegExp(clock.replace(':', '\\:'))).first().waitFor();
  const id = bookingIdOf(page.url());
  if (!id) throw new Error(`no bookingId in the result page's address ${page.url()}`);
  ctx.advisorBooking = { id, timeLabel };
  await scan(ctx, 'result');
}

export async function advisorAccepts(ctx: FlowContext): Promise<void> {
  if (!ctx.advisorBooking) throw new Error('needs the advisor booking of the first test');
  await loginAs(ctx, '养老顾问', '刘顾问');
  await cur(ctx).getByRole('button', { name: /待处理的预约/ }).click();
  await arrive(ctx, '待处理的预约');
  const card = cur(ctx).locator('.booking-card').first();
  await card.waitFor();
  await scan(ctx, 'provider-inbox');
  await card.getByRole('button', { name: '接受' }).click();
  await ctx.page.getByText('已接受，已通知居民').waitFor();
  await cur(ctx).getByText('暂时没有需要处理的预约').waitFor();

  await cur(ctx).getByRole('button', { name: /今日日程/ }).click();
  await arrive(ctx, '日程');
  await scan(ctx, 'provider-schedule');
  await open(ctx, `/subpackages/provider/pages/case/index?bookingId=${ctx.advisorBooking.id}`);
  await cur(ctx).getByText('已确认').first().waitFor();
  await scan(ctx, 'provider-case');
  await open(ctx, '/subpackages/provider/pages/availability/index');
  await cur(ctx).getByText('周一至周五').first().waitFor();
  await scan(ctx, 'provider-availability');
}

export async function residentSeesConfirmed(ctx: FlowContext): Promise<void> {
  if (!ctx.advisorBooking) throw new Error('needs the advisor booking of the first test');
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  // The home page shows the next appointment with its new status.
  await cur(ctx).locator('.home-next').filter({ hasText: '已确认' }).waitFor();
  await cur(ctx).getByRole('button', { name: /我的预约/ }).click();
  await arrive(ctx, '我的预约');
  const card = cur(ctx).locator('.booking-card__open').filter({ hasText: '已确认' });
  await card.waitFor();
  await scan(ctx, 'my-bookings');
  await card.click();
  await arrive(ctx, '进展');
  await cur(ctx).getByText(/接受预约 · 已确认/).waitFor();
  await scan(ctx, 'booking-detail');
}

/**
 * The notice of the acceptance in the resident's inbox. Notices are delivered by the host's timer
 * (every minute), so this runs late in the suite and reloads until the notice is there.
 */
export async function residentReadsNotice(ctx: FlowContext): Promise<void> {
  if (!ctx.advisorBooking) throw new Error('needs the advisor booking of the first test');
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  const deadline = Date.now() + 100_000;
  for (;;) {
    const marked = ctx.page
      .waitForResponse((r) => r.url().endsWith('/api/notify') && (r.request().postData() ?? '').includes('markRead'), { timeout: 15_000 })
      .catch(() => null);
    await open(ctx, '/subpackages/booking/pages/notices/index');
    await cur(ctx).locator('.flow-card, .ui-empty').first().waitFor();
    if ((await cur(ctx).locator('.flow-card').filter({ hasText: '预约已确认' }).count()) > 0) {
      if (!(await marked)) throw new Error('opening the inbox did not mark the notices read');
      break;
    }
    if (Date.now() > deadline) throw new Error('no 预约已确认 notice in the inbox within 100 s of the acceptance');
    await ctx.page.waitForTimeout(5_000);
  }
  await scan(ctx, 'notices');
  // Opening the inbox marks the notices read: the home page says so.
  await open(ctx, '/pages/home/index');
  await cur(ctx).getByRole('button', { name: /^消息/ }).filter({ hasText: '没有未读' }).waitFor();
}

export async function residentCancels(ctx: FlowContext): Promise<void> {
  if (!ctx.advisorBooking) throw new Error('needs the advisor booking of the first test');
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, `/subpackages/booking/pages/detail/index?bookingId=${ctx.advisorBooking.id}`);
  await cur(ctx).getByText('已确认').first().waitFor();

  // Move it first: the calendar of the same advisor, another free time, one confirmation.
  await cur(ctx).getByRole('button', { name: '改期' }).click();
  await arrive(ctx, '改到哪个时间');
  await cur(ctx).getByText(/可约时间$/).waitFor();
  await pickLaterDay(ctx);
  const time = cur(ctx).getByRole('button', { name: /，剩 \d+ 位$/ }).last();
  const newLabel = (await time.getAttribute('aria-label'))!.replace(/，剩 \d+ 位$/, '');
  if (newLabel === ctx.advisorBooking.timeLabel) throw new Error('the calendar offers the booked time as a new one');
  await time.click();
  await scan(ctx, 'reschedule');
  await cur(ctx).getByRole('button', { name: '改到这个时间' }).click();
  await ctx.page.getByRole('alertdialog').getByRole('button', { name: '改期' }).click();
  await arrive(ctx, '进展');
  await cur(ctx).getByText(new RegExp(newLabel.split(' ').pop()!.replace(':', '\\:'))).first().waitFor();

  await cur(ctx).getByRole('button', { name: '取消预约' }).click();
  const dialog = ctx.page.getByRole('alertdialog');
  await dialog.waitFor();
  await ctx.snap('cancel-confirm');
  await dialog.getByRole('button', { name: '取消预约' }).click();
  await cur(ctx).getByText('已取消').first().waitFor();
  await cur(ctx).getByText(/取消预约 · 已取消/).waitFor();
  if ((await cur(ctx).getByRole('button', { name: '取消预约' }).count()) !== 0) throw new Error('a cancelled booking still offers 取消预约');
  // Not a dead end: the next step is offered.
  await cur(ctx).getByRole('button', { name: '再约一次养老顾问' }).waitFor();
}

export async function escortRequestClaimed(ctx: FlowContext): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await cur(ctx).getByRole('button', { name: /^陪诊服务/ }).click();
  await arrive(ctx, '看病信息');
  // The day after tomorrow: tomorrow's 9:00 is inside the 12-hour notice after 21:00 Beijing time.
  await cur(ctx).getByRole('button', { name: /^后天.*可约 \d+$/ }).click();
  await cur(ctx).getByRole('button', { name: /上午 9:00$/ }).click();
  await cur(ctx).getByLabel('医院').fill('常州市第一人民医院');
  await cur(ctx).getByLabel('科室').fill('心内科');
  await cur(ctx).getByLabel('接送地址').fill('小营前 12 号 3 单元 201');
  // The optional needs are folded until asked for.
  await cur(ctx).getByRole('button', { name: '填写', exact: true }).click();
  await cur(ctx).getByRole('button', { name: '需要的辅助器具：轮椅' }).click();
  await cur(ctx).getByRole('button', { name: '是否属于困难群体：高龄独居' }).click();
  // 为家人: the father is the one served, the resident the contact.
  await cur(ctx).getByRole('button', { name: '服务对象：为家人' }).click();
  await cur(ctx).getByLabel('家人姓名').fill('王老伯');
  await cur(ctx).getByLabel('家人手机').fill('1380000');
  await cur(ctx).getByRole('button', { name: '与您的关系：父亲' }).click();
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  await cur(ctx).getByText('请填写 11 位手机号').first().waitFor();
  await scan(ctx, 'form-escort');
  await cur(ctx).getByLabel('家人手机').fill('13900001111');
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  await arrive(ctx, '核对预约信息');
  await cur(ctx).getByText('王老伯（父亲）').waitFor();
  await cur(ctx).getByText('13900001111').waitFor();
  await cur(ctx).getByRole('button', { name: '确认预约' }).click();
  await arrive(ctx, '预约已提交');
  const id = bookingIdOf(ctx.page.url());
  if (!id) throw new Error('no bookingId on the result page');
  ctx.escortBookingId = id;

  await loginAs(ctx, '陪诊员', '钱师傅');
  await cur(ctx).getByRole('button', { name: /待处理的预约/ }).click();
  await arrive(ctx, '待处理的预约');
  await cur(ctx).getByRole('button', { name: /陪诊接单/ }).click();
  await arrive(ctx, '陪诊接单');
  const claim = cur(ctx).getByRole('button', { name: '接单：常州市第一人民医院' });
  await claim.waitFor();
  await scan(ctx, 'escort-pool');
  await claim.click();
  // A claim is confirmed on the card before it is made.
  await cur(ctx).getByRole('button', { name: '确认接单' }).click();
  await arrive(ctx, '进展');
  await cur(ctx).getByText('已确认').first().waitFor();
  // Claimed: the escort now sees the full pickup address.
  await cur(ctx).getByText('小营前 12 号 3 单元 201').waitFor();

  // … and the resident can call the escort from the booking.
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, `/subpackages/booking/pages/detail/index?bookingId=${id}`);
  await cur(ctx).getByRole('button', { name: /^打电话给陪诊员钱师傅 1\d{10}$/ }).waitFor();
  // An escort request can be cancelled, never moved: the line names 取消 alone, whichever side of the
  // deadline the wall clock is (the flow books tomorrow, and a deadline at night moves to 20:00).
  await cur(ctx).getByText(/(前可以取消|已过可以取消的时间，有变动请联系街道或陪诊员)$/).waitFor();
  await scan(ctx, 'booking-detail-escort');
}

export type ElderCheck = { failures: string[]; report: string[] };

/** Elder mode on the pages with key text: body ≥ 18 px, key text ≥ 30 px, targets ≥ 60 px. */
export async function elderModeSizes(ctx: FlowContext): Promise<ElderCheck> {
  const failures: string[] = [];
  const report: string[] = [];
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    const check = (name: string) => checkElder(ctx, name, { failures, report });
    await check('profile');
    await open(ctx, '/pages/home/index');
    await cur(ctx).getByText('王阿姨，您好').waitFor();
    await check('home');
    await cur(ctx).getByRole('button', { name: /^养老顾问/ }).click();
    await arrive(ctx, '3. 选择养老顾问');
    await cur(ctx).getByRole('button', { name: /^刘顾问/ }).waitFor();
    // Station and advisor names are what one chooses between: key text.
    await check('choose');
    await cur(ctx).getByRole('button', { name: /^刘顾问/ }).click();
    await arrive(ctx, /可约时间$/);
    await pickLaterDay(ctx);
    const times = await cur(ctx).locator('.slot-calendar__clock').count();
    if (times === 0) failures.push('slots: no time buttons to measure');
    await cur(ctx).getByRole('button', { name: /，剩 \d+ 位$/ }).first().click();
    await check('slots');
    await cur(ctx).getByRole('button', { name: '下一步：填写信息' }).click();
    await arrive(ctx, '咨询什么');
    await check('form');
    await open(ctx, '/subpackages/booking/pages/mine/index');
    await cur(ctx).getByRole('button', { name: '已结束' }).click();
    await cur(ctx).locator('.ui-tag--large').first().waitFor();
    await check('my-bookings');
    await open(ctx, '/subpackages/booking/pages/notices/index');
    await cur(ctx).locator('.flow-card').first().waitFor();
    await check('notices');
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
  return { failures, report };
}
