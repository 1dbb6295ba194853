import type { Locator } from 'playwright-core';
import { current, measureSizes, settled } from './e2e-browser';
import { loginAs, open, scan, type FlowContext } from './e2e-flows';

/**
 * The provider side walked as a new advisor and a new escort would (issue 9, items 11–15). The
 * resident's part is made through the API (it is walked in e2e-flows.ts); what the provider sees
 * and taps is driven in the browser.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

type Envelope = { ok: boolean; data?: unknown; error?: { code: string } };

async function api<T>(ctx: FlowContext, token: string | null, fn: string, body: Record<string, unknown>): Promise<T> {
  const reply = await fetch(`${ctx.baseUrl}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await reply.json()) as Envelope;
  if (!envelope.ok) throw new Error(`${fn}.${String(body.action)} failed: ${envelope.error?.code}`);
  return envelope.data as T;
}

const tokenOf = async (ctx: FlowContext, openid: string) => (await api<{ token: string }>(ctx, null, 'user', { action: 'devLogin', openid })).token;

let requestSeq = 0;
const requestId = () => `e2e-provider-${Date.now().toString(36)}-${(requestSeq += 1)}`;

/** Shanghai wall time as an instant, on the `days`-th day from today. */
function shanghaiAt(days: number, hour: number): string {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${today}T${String(hour).padStart(2, '0')}:00:00+08:00`) + days * 86_400_000).toISOString();
}

/** The y of an element's top, to check what stands where on the page. */
const topOf = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN;

/** Item 11: the advisor sees who booked, masked in the inbox, in full with a call button on the case. */
export async function advisorSeesWhoBooked(ctx: FlowContext): Promise<void> {
  const resident = await tokenOf(ctx, 'demo-resident-2');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const { slots } = await api<{ slots: { startsAt: string }[] }>(ctx, resident, 'catalog', { action: 'slots', providerId: 'pv-advisor-1', from: today, days: 14 });
  const slot = slots.filter((s) => Date.parse(s.startsAt) > Date.now() + 24 * 3600_000).at(-1);
  if (!slot) throw new Error('no free slot of 刘顾问 a day ahead');
  const booking = await api<{ id: string }>(ctx, resident, 'booking', {
    action: 'create',
    requestId: requestId(),
    providerId: 'pv-advisor-1',
    startsAt: slot.startsAt,
    details: { kind: 'advisor', topic: 'home_care', mode: 'home_visit', address: '荷花池新村 8 幢 2 单元 302' },
    contactPhone: '13800000002',
  });

  await loginAs(ctx, '养老顾问', '刘顾问');
  await open(ctx, '/subpackages/provider/pages/inbox/index');
  const card = cur(ctx).locator('.booking-card').filter({ hasText: '居家养老' }).filter({ hasText: '李**' }).first();
  await card.waitFor();
  // The card names the person served (masked), never the advisor's own name, and offers no call
  // with a masked number.
  if ((await card.getByText('刘顾问').count()) > 0) throw new Error('the inbox card repeats the advisor’s own name');
  await card.getByText('138****0002').waitFor();
  if ((await card.locator('a[href^="tel:"]').count()) > 0) throw new Error('a masked number is offered as a call');
  await scan(ctx, 'provider-inbox-person');

  await open(ctx, `/subpackages/provider/pages/case/index?bookingId=${booking.id}`);
  await cur(ctx).getByText('李大爷（本人预约）').waitFor();
  const call = cur(ctx).locator('a[href="tel:13800000002"]');
  await call.waitFor();
  if (!(await call.textContent())?.includes('拨打 13800000002')) throw new Error('the call button does not show the number');
  await cur(ctx).getByText('荷花池新村 8 幢 2 单元 302').waitFor();
  await scan(ctx, 'provider-case-person');
}

/**
 * Items 14, 13 and 12: an escort is told of a new request, opens it from the notice, confirms the
 * claim before it is made, finds the cancel button away from the job, and sees the job in full on
 * the schedule.
 */
export async function escortToldClaimsAndWorks(ctx: FlowContext): Promise<void> {
  const resident = await tokenOf(ctx, 'demo-resident-2');
  // Day 3: the resident flow before this one has 钱师傅 escorting on day 2 from 9:00.
  const startsAt = shanghaiAt(3, 10);
  const request = await api<{ id: string }>(ctx, resident, 'booking', {
    action: 'create',
    requestId: requestId(),
    startsAt,
    details: {
      kind: 'escort',
      hospital: '常州市第二人民医院',
      department: '骨科',
      pickupAddress: '荷花池新村 8 幢 2 单元 302',
      mobilityAids: ['walker'],
      companionPhone: '13911113333',
      eligibility: 'dibao',
      streetId: 'st-hehuachi',
    },
    forFamily: { name: '李秀兰', phone: '13722224444', relationship: 'parent' },
    contactPhone: '13800000002',
  });

  // Told: the escort's home counts it, the inbox says what and when, and opens the pool.
  await loginAs(ctx, '陪诊员', '钱师傅');
  await cur(ctx).getByRole('button', { name: /^消息/ }).filter({ hasText: /[1-9]\d* 条未读/ }).waitFor();
  await open(ctx, '/subpackages/booking/pages/notices/index');
  const notice = cur(ctx).locator('.flow-card').filter({ hasText: '新的陪诊请求' }).first();
  await notice.waitFor();
  const noticeText = (await notice.textContent()) ?? '';
  for (const secret of ['李', '1380000', '1372222', '1391111', '荷花池新村']) {
    if (noticeText.includes(secret)) throw new Error(`the notice shows the resident’s details (${secret}): ${noticeText}`);
  }
  await scan(ctx, 'escort-notices');
  await notice.click();
  await cur(ctx).getByText('困难群体（低保、特困等）排在前面').waitFor();
  await settled(ctx.page);

  // One tap on 接单 asks first; nothing is taken until 确认接单.
  const card = cur(ctx).locator('.booking-card').filter({ hasText: '常州市第二人民医院' }).first();
  await card.getByRole('button', { name: '接单：常州市第二人民医院' }).click();
  await card.getByText('确认接下这个陪诊？').waitFor();
  await scan(ctx, 'escort-claim-confirm');
  const pool = await api<{ items: { id: string }[] }>(ctx, await tokenOf(ctx, 'demo-escort-2'), 'provider', { action: 'pool' });
  if (!pool.items.some((b) => b.id === request.id)) throw new Error('the first tap on 接单 claimed the request without confirmation');
  await card.getByRole('button', { name: '确认接单' }).click();
  await cur(ctx).getByText('进展').waitFor();
  await settled(ctx.page);
  await cur(ctx).getByText('已确认').first().waitFor();

  // The case: the person served and the companion can be called; cancelling sits apart, after the
  // history, and is not a red button under the job.
  await cur(ctx).locator('a[href="tel:13722224444"]').waitFor();
  await cur(ctx).locator('a[href="tel:13911113333"]').waitFor();
  const cancel = cur(ctx).getByRole('button', { name: '取消这个预约' });
  await cancel.waitFor();
  if ((await cancel.getAttribute('class'))?.includes('ui-button--danger')) throw new Error('取消这个预约 is still a red main button');
  const history = cur(ctx).getByText('进展', { exact: true });
  if (!((await topOf(cancel)) > (await topOf(history)))) throw new Error('取消这个预约 sits above the history, right under the job');
  await scan(ctx, 'escort-case');
  // The other escorts no longer see the request as waiting. The claim's notices, and the withdrawal
  // of the other escorts' offers, are made right after its reply (runtime/after-reply.ts), so the
  // count is asked until it is 0, for at most 10 s: on SQLite under load that took longer than the
  // case page took to open.
  const otherToken = await tokenOf(ctx, 'demo-escort-2');
  const waitedFrom = Date.now();
  let others = await api<{ count: number }>(ctx, otherToken, 'notify', { action: 'unreadCount' });
  while (others.count !== 0 && Date.now() - waitedFrom < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    others = await api<{ count: number }>(ctx, otherToken, 'notify', { action: 'unreadCount' });
  }
  if (others.count !== 0) throw new Error(`another escort still has ${others.count} unread notice(s) of a claimed request 10 s after the claim`);

  // The schedule is where the escort works: the job's day shows the full address and call buttons.
  await open(ctx, '/subpackages/provider/pages/schedule/index');
  const day = new Date(Date.parse(startsAt) + 8 * 3600_000);
  await cur(ctx).locator('.provider-day').filter({ hasText: new RegExp(`(^|\\D)${day.getUTCMonth() + 1}/${day.getUTCDate()}$`) }).click();
  const job = cur(ctx).locator('.booking-card').filter({ hasText: '常州市第二人民医院' });
  await job.waitFor();
  await job.getByText('荷花池新村 8 幢 2 单元 302').waitFor();
  await job.locator('a[href="tel:13722224444"]').waitFor();
  await job.getByText('李秀兰（预约人的父母）').waitFor();
  await scan(ctx, 'escort-schedule');
}

export type AvailabilityCheck = { failures: string[]; report: string[] };

/** Item 15: the hours page is short and quiet, in normal and in elder mode. */
export async function availabilityCompact(ctx: FlowContext): Promise<AvailabilityCheck> {
  const failures: string[] = [];
  const report: string[] = [];
  const pageHeight = () =>
    ctx.page.evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
      // Where the content ends (the page itself is at least a screen tall).
      const root = shown?.querySelector<HTMLElement>('.page');
      const last = root?.lastElementChild;
      if (!root || !last) return 0;
      return Math.round(last.getBoundingClientRect().bottom - root.getBoundingClientRect().top + parseFloat(getComputedStyle(root).paddingBottom));
    });
  await loginAs(ctx, '养老顾问', '刘顾问');
  const measure = async (label: string, limit: number) => {
    await open(ctx, '/subpackages/provider/pages/availability/index');
    await cur(ctx).getByText('周一至周五').first().waitFor();
    const height = await pageHeight();
    report.push(`${label}: ${height} px tall (limit ${limit})`);
    if (height > limit) failures.push(`${label}: the page is ${height} px tall (> ${limit})`);
    // The week reads as two lines, not ten.
    const lines = await cur(ctx).locator('.provider-rule').filter({ hasText: '周一至周五' }).count();
    if (lines !== 2) failures.push(`${label}: ${lines} lines for the demo week (want 2)`);
    await cur(ctx).getByRole('button', { name: '添加时段' }).click();
    await cur(ctx).getByLabel('开始').waitFor();
    const counters = await cur(ctx).locator('.ui-field__count').count();
    if (counters > 0) failures.push(`${label}: the time fields show ${counters} counter(s) like 5/5`);
    return height;
  };
  try {
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    await measure('390 normal', 1100);
    await scan(ctx, 'provider-availability-compact');
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
    await ctx.page.locator('.page.elder').first().waitFor();
    await ctx.page.setViewportSize({ width: 360, height: 640 });
    await measure('360 elder', 1900);
    const sizes = await measureSizes(ctx.page);
    report.push(`360 elder: text ≥ ${sizes.minFont}px, targets ≥ ${sizes.minTarget}px`);
    if (sizes.minFont < 18) failures.push(`360 elder: text "${sizes.smallestText}" is ${sizes.minFont}px (< 18)`);
    if (sizes.minTarget < 60) failures.push(`360 elder: tap target "${sizes.smallestTarget}" is ${sizes.minTarget}px (< 60)`);
    await scan(ctx, 'provider-availability-compact-elder');
  } finally {
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    await open(ctx, '/pages/profile/index');
    const toggle = cur(ctx).getByRole('switch', { name: /长辈模式/ });
    if ((await toggle.getAttribute('aria-checked')) === 'true') await toggle.click();
  }
  return { failures, report };
}
