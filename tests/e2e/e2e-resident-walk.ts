/**
 * A new resident's walk through the rough edges issue 9 found: a slot taken while confirming, back
 * from the result, a form reloaded half-filled, long and spaced input, the first error after an
 * empty submit, dead ends in the browser build, the favicon, and a phone number at 360 px in elder
 * mode. Each step asserts what a resident sees; each failed before its fix.
 */
import type { Page } from 'playwright-core';
import { current, settled } from './e2e-browser';
import { loginAs, open, scan, type FlowContext } from './e2e-flows';

const cur = (ctx: FlowContext) => current(ctx.page);

/** The page element that scrolls (Taro's H5 pages scroll inside .taro_page). */
const scrollTopOf = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((p) => getComputedStyle(p).display !== 'none')?.scrollTop ?? 0);

async function api(ctx: FlowContext, fn: string, body: Record<string, unknown>, token?: string): Promise<{ ok: boolean; data?: any; error?: { code: string } }> {
  const response = await fetch(`${ctx.baseUrl}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
}

/** What the app keeps in storage under a key (Taro's H5 storage wraps values as { data }). */
async function stored(ctx: FlowContext, key: string): Promise<any> {
  return ctx.page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.data ?? null, key);
}

/** Picks the first free time on a day after today; returns its aria label. */
async function pickTime(ctx: FlowContext, index = 0): Promise<string> {
  const days = cur(ctx).getByRole('button', { name: /可约 \d+$/ });
  for (let i = 0; i < (await days.count()); i++) {
    if (!((await days.nth(i).textContent()) ?? '').startsWith('今天')) {
      await days.nth(i).click();
      break;
    }
  }
  const time = cur(ctx).getByRole('button', { name: /，剩 \d+ 位$/ }).nth(index);
  const label = (await time.getAttribute('aria-label'))!;
  await time.click();
  return label;
}

export async function slotTakenWhileConfirming(ctx: FlowContext): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await cur(ctx).getByRole('button', { name: /^养老顾问/ }).click();
  await cur(ctx).getByRole('button', { name: /^刘顾问/ }).click();
  await cur(ctx).getByText(/可约时间$/).waitFor();
  const label = await pickTime(ctx);
  await cur(ctx).getByRole('button', { name: '下一步：填写信息' }).click();
  await cur(ctx).getByRole('button', { name: '咨询内容：养老政策' }).click();
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  await cur(ctx).getByRole('button', { name: '确认预约' }).waitFor();
  await settled(ctx.page);

  // Meanwhile another resident books that very slot.
  const draft = await stored(ctx, 'civic.bookingDraft');
  const other = await api(ctx, 'user', { action: 'devLogin', openid: 'demo-resident-2' });
  const taken = await api(ctx, 'booking', {
    action: 'create', requestId: `walk-${Date.now().toString(36)}`, providerId: 'pv-advisor-1', startsAt: draft.slot.startsAt,
    details: { kind: 'advisor', topic: 'policy', mode: 'station' }, contactPhone: '13800000002',
  }, other.data.token);
  if (!taken.ok) throw new Error(`the other resident could not book the slot: ${taken.error?.code}`);

  await cur(ctx).getByRole('button', { name: '确认预约' }).click();
  await cur(ctx).getByText('这个时间段已经约满了，请换一个时间。').waitFor();
  await cur(ctx).getByRole('button', { name: '换一个时间' }).click();
  await cur(ctx).getByText(/已经被约满了，请换一个时间。$/).waitFor();
  await settled(ctx.page);
  await scan(ctx, 'slots-after-taken');
  if ((await cur(ctx).getByRole('button', { name: label }).count()) !== 0) throw new Error(`the taken time ${label} is still offered`);
  if (!(await cur(ctx).getByRole('button', { name: '下一步：填写信息' }).isDisabled())) throw new Error('a taken time is still chosen');

  // Another time; the form still has the topic chosen before.
  await pickTime(ctx);
  await cur(ctx).getByRole('button', { name: '下一步：填写信息' }).click();
  const topic = cur(ctx).getByRole('button', { name: '咨询内容：养老政策' });
  await topic.waitFor();
  if ((await topic.getAttribute('aria-pressed')) !== 'true') throw new Error('the form lost the topic chosen before');
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  await cur(ctx).getByRole('button', { name: '确认预约' }).click();
  await cur(ctx).getByText('预约已提交').waitFor();
  await settled(ctx.page);
  await cur(ctx).getByText(/^等待刘顾问确认/).waitFor();

  // Back from the result: home, never the filled-in form.
  await ctx.page.goBack();
  await cur(ctx).getByText('王阿姨，您好').waitFor();
  await settled(ctx.page);
  if ((await cur(ctx).getByText('下一步：核对信息').count()) !== 0) throw new Error('back from the result shows the form');
}

export async function formKeepsWhatWasTyped(ctx: FlowContext): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, '/subpackages/booking/pages/form/index?service=escort');
  await cur(ctx).getByText('看病信息').first().waitFor();

  await cur(ctx).getByLabel('医院').fill('常州市第一人民医院');
  // A long address is kept whole and the field says it is too long, as one types.
  const long = '钟楼区南大街小营前'.repeat(56).slice(0, 500);
  await cur(ctx).getByLabel('接送地址').fill(long);
  const kept = await cur(ctx).getByLabel('接送地址').inputValue();
  if (kept.length !== 500) throw new Error(`the address was cut to ${kept.length} characters`);
  await cur(ctx).getByText('超出 400 字，最多 100 字，请删减').waitFor();
  await cur(ctx).getByText('500/100').waitFor();
  await cur(ctx).getByLabel('接送地址').fill('小营前 12 号 3 单元 201');
  // A phone typed with spaces keeps its 11 digits.
  await cur(ctx).getByRole('button', { name: '填写', exact: true }).click();
  await cur(ctx).getByLabel('同行家属电话').fill('139 1234 5678');
  const phone = await cur(ctx).getByLabel('同行家属电话').inputValue();
  if (phone !== '13912345678') throw new Error(`the phone became ${phone}`);
  // The label stays on one line at 390 px.
  const labelLines = await cur(ctx).locator('label', { hasText: '同行家属电话' }).evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  if (labelLines !== 1) throw new Error(`the label 同行家属电话 takes ${labelLines} lines`);

  // A reload in the middle loses nothing.
  await ctx.page.reload();
  await settled(ctx.page);
  await cur(ctx).getByLabel('医院').waitFor();
  for (const [label, value] of [['医院', '常州市第一人民医院'], ['接送地址', '小营前 12 号 3 单元 201'], ['同行家属电话', '13912345678']] as const) {
    const now = await cur(ctx).getByLabel(label).inputValue();
    if (now !== value) throw new Error(`after a reload ${label} is "${now}", not "${value}"`);
  }
}

export async function firstErrorInSight(ctx: FlowContext): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, '/subpackages/booking/pages/form/index?service=escort');
  await cur(ctx).getByText('看病信息').first().waitFor();
  // Scrolled down to the button, as one is after filling in the form.
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).scrollIntoViewIfNeeded();
  await cur(ctx).getByRole('button', { name: '下一步：核对信息' }).click();
  const message = cur(ctx).getByText('请选择就诊日期和时间');
  await message.waitFor();
  await ctx.page.waitForTimeout(600);
  const box = await message.boundingBox();
  const viewport = ctx.page.viewportSize()!;
  if (!box || box.y < 40 || box.y + box.height > viewport.height) throw new Error(`the first error is out of sight (y ${box?.y}, viewport ${viewport.height})`);
  if ((await ctx.page.locator('.ui-toast').count()) !== 0) throw new Error('a toast covers the field messages');
  if ((await scrollTopOf(ctx.page)) > 600) throw new Error('the page scrolled past the first field at fault');
  await scan(ctx, 'form-escort-errors');
}

export async function noDeadEnds(ctx: FlowContext): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  // An unknown address: a page that says so, with a way home.
  await ctx.page.goto(`${ctx.baseUrl}?n=walk-404#/pages/nowhere/index`);
  await cur(ctx).getByText('没有这个页面').first().waitFor();
  await settled(ctx.page);
  await scan(ctx, 'not-found');
  await cur(ctx).getByRole('button', { name: '回到首页' }).click();
  await cur(ctx).getByText('王阿姨，您好').waitFor();

  // A wrong booking id: the message and the way on.
  await open(ctx, '/subpackages/booking/pages/detail/index?bookingId=bk-nope');
  await cur(ctx).getByText('没有找到这条记录。').waitFor();
  await cur(ctx).getByRole('button', { name: '查看我的预约' }).waitFor();
  // No id at all: no form message on a page without a form.
  await open(ctx, '/subpackages/booking/pages/detail/index');
  await cur(ctx).getByText(/没有说明要看哪个预约/).waitFor();
  if ((await cur(ctx).getByText(/格式不对|填写的内容有误/).count()) !== 0) throw new Error('a missing id shows a form message');

  // Every page but home has a way back and home, opened directly or not.
  // (Not the notices page: opening it marks the notices read, which a later test checks.)
  for (const route of ['/subpackages/booking/pages/mine/index', '/subpackages/booking/pages/result/index', '/pages/profile/index', '/subpackages/booking/pages/choose/index?service=counseling']) {
    await open(ctx, route);
    await cur(ctx).getByRole('navigation', { name: '页面导航' }).getByRole('button', { name: '首页' }).waitFor();
  }
  await cur(ctx).getByRole('button', { name: /^何老师/ }).click();
  await cur(ctx).getByText(/可约时间$/).waitFor();
  await cur(ctx).getByText('何老师 · 每次 60 分钟').waitFor();
  await cur(ctx).getByRole('navigation', { name: '页面导航' }).getByRole('button', { name: '‹ 返回' }).click();
  await cur(ctx).getByText('选择辅导师').waitFor();

  // The browser's favicon request gets an icon, not the page.
  const icon = await fetch(`${ctx.baseUrl}favicon.ico`);
  if (!/icon/.test(icon.headers.get('content-type') ?? '')) throw new Error(`/favicon.ico is ${icon.headers.get('content-type')}`);
}

/** Elder mode at 360 px: a phone number on a booking stays on one line. */
export async function phoneOnOneLineAt360(ctx: FlowContext, bookingId: string): Promise<void> {
  await loginAs(ctx, '居民 王阿姨', '王阿姨');
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  await ctx.page.setViewportSize({ width: 360, height: 640 });
  try {
    await open(ctx, `/subpackages/booking/pages/detail/index?bookingId=${bookingId}`);
    const phones = cur(ctx).locator('.detail-row__value').filter({ hasText: /^1\d{10}$/ });
    await phones.first().waitFor();
    for (let i = 0; i < (await phones.count()); i++) {
      const lines = await phones.nth(i).evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      });
      if (lines !== 1) throw new Error(`a phone number takes ${lines} lines at 360 px in elder mode`);
    }
    await ctx.snap('detail-360-elder');
  } finally {
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
}
