import { current } from './e2e-browser';
import { checkElder, loginAs, open, scan, type FlowContext } from './e2e-flows';
import { api, tokenOf } from './e2e-volunteer-walk';

/**
 * stations and providers (issue 13, item 2): the bureau's admin opens a new 养老顾问站点 from the
 * workbench (its opening hours in weekday rows), then makes an advisor there for a person found by
 * phone, granting the role on the way. 永红社区's old station is retired through the API first, as
 * one community has one station; residents then find the new station and its advisor in the catalog.
 * Then the five new pages are measured in elder mode.
 */

const cur = (ctx: FlowContext) => current(ctx.page);

type Station = { id: string; name: string; hours: string };

export async function adminOpensAStationAndAnAdvisor(ctx: FlowContext): Promise<{ failures: string[]; report: string[] }> {
  const out = { failures: [] as string[], report: [] as string[] };
  await ctx.page.setViewportSize({ width: 390, height: 844 });
  const tag = Date.now().toString(36).slice(-4);
  const admin = await tokenOf(ctx, 'demo-admin');
  // 永红's advisor stops and its station goes, so the community is free for a new one.
  await api(ctx, admin, 'admin', { action: 'deactivateProvider', providerId: 'pv-advisor-6' });
  await api(ctx, admin, 'admin', { action: 'deleteStation', stationId: 'sn-yonghong' });
  const person = await tokenOf(ctx, `e2e-stations-advisor-${tag}`);
  const phone = `1376${String(Date.now()).slice(-7)}`;
  await api(ctx, person, 'user', { action: 'updateProfile', name: '钟新顾问', phone, communityId: 'cm-yonghong' });

  const tap = (name: string | RegExp) => cur(ctx).getByRole('button', { name }).first().click();
  await loginAs(ctx, '管理员', '周主任');
  await tap(/^工作台/);
  await tap(/^养老顾问站点/);
  await cur(ctx).getByText('全区的站点', { exact: false }).first().waitFor();
  await scan(ctx, 'staff-stations');

  const stationName = `永红新站${tag}`;
  await tap('新建站点');
  await cur(ctx).getByRole('button', { name: '所在街道：五星街道' }).click();
  await cur(ctx).getByRole('button', { name: '所在社区：永红社区' }).click();
  await cur(ctx).getByLabel(/^站点名称/).fill(stationName);
  await cur(ctx).getByLabel(/^地址/).fill('钟楼区永红社区服务中心一楼');
  await cur(ctx).getByLabel(/^电话/).fill('0519-88669000');
  // Saturday mornings too: a row of its own, without a lunch break.
  await cur(ctx).getByRole('switch', { name: /^周六/ }).click();
  await cur(ctx).getByLabel('周六关门').fill('12:00');
  await cur(ctx).getByRole('switch', { name: '中午休息' }).nth(5).click();
  await scan(ctx, 'staff-station-form');
  await tap('保存');
  const card = cur(ctx).locator('.card', { hasText: stationName });
  await card.getByText('开放中').waitFor();
  const hoursLine = '周一至周五 08:30-11:30、14:00-17:00；周六 08:30-12:00';
  await card.getByText(hoursLine).waitFor();

  const resident = await tokenOf(ctx, 'demo-resident-1');
  const stations = await api<Station[]>(ctx, resident, 'catalog', { action: 'stations', communityId: 'cm-yonghong' });
  const created = stations.find((s) => s.name === stationName);
  if (!created) out.failures.push(`residents do not see ${stationName} in 永红社区`);
  else if (created.hours !== hoursLine) out.failures.push(`residents read "${created.hours}", not "${hoursLine}"`);
  out.report.push(`opened ${stationName}: ${created?.hours ?? '(missing)'}`);

  await open(ctx, '/subpackages/staff/pages/workbench/index');
  await tap(/^服务人员/);
  await cur(ctx).getByRole('button', { name: '新增服务人员' }).waitFor();
  await scan(ctx, 'staff-providers');
  await tap('新增服务人员');
  // The list has a 服务 filter of the same name: wait until the form is the page in front.
  await cur(ctx).getByText('这位服务人员的账号').waitFor();
  await cur(ctx).getByRole('button', { name: '服务：养老顾问' }).click();
  await cur(ctx).getByLabel(/手机号或姓名/).fill(phone);
  await tap('查找');
  await tap('选这个人');
  await tap('授予养老顾问角色');
  await cur(ctx).getByRole('button', { name: '授予养老顾问角色' }).waitFor({ state: 'detached' });
  await cur(ctx).getByLabel(/^称呼/).fill('钟顾问');
  await cur(ctx).getByRole('button', { name: `所在站点：${stationName}` }).click();
  await cur(ctx).getByLabel(/^服务地点/).fill(stationName);
  await scan(ctx, 'staff-provider-form');
  await tap('保存');
  const providerCard = cur(ctx).locator('.card', { hasText: '钟顾问' });
  await providerCard.getByText('在岗').waitFor();

  if (created) {
    const advisors = await api<{ name: string }[]>(ctx, resident, 'catalog', { action: 'providers', service: 'advisor', stationId: created.id });
    if (!advisors.some((a) => a.name === '钟顾问')) out.failures.push(`钟顾问 is not bookable at ${stationName}`);
    out.report.push(`advisors at ${stationName}: ${advisors.map((a) => a.name).join('、') || 'none'}`);
  }
  await elderSizesHeld(ctx, out);
  return out;
}

/** The new pages in elder mode: text ≥ 18 px, key text ≥ 30 px, tap targets ≥ 60 px (as the other staff pages). */
async function elderSizesHeld(ctx: FlowContext, out: { failures: string[]; report: string[] }): Promise<void> {
  const pages: [string, string, string | RegExp][] = [
    ['stations', '/subpackages/staff/pages/stations/index', '新建站点'],
    ['station-form', '/subpackages/staff/pages/station/index', '周二到周五照周一填写'],
    ['providers', '/subpackages/staff/pages/providers/index', '新增服务人员'],
    ['provider-form', '/subpackages/staff/pages/provider/index', '查找'],
    ['accounts', '/subpackages/staff/pages/accounts/index', '建立账号并生成初始密码'],
  ];
  await open(ctx, '/pages/profile/index');
  await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    for (const [name, route, ready] of pages) {
      await open(ctx, route);
      await cur(ctx).getByRole('button', { name: ready }).first().waitFor();
      await checkElder(ctx, `staff-${name}`, out);
    }
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur(ctx).getByRole('switch', { name: /长辈模式/ }).click();
  }
}
