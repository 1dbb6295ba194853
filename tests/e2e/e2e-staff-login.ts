import { current } from './e2e-browser';
import { checkElder, open, scan, type FlowContext } from './e2e-flows';
import { DEMO_STAFF_PASSWORD } from '../../host/seed/seed-demo-passwords';

/**
 * staff sign-in: the demo 街道 staff member signs in with the password `npm start` prints, in the
 * browser, after one wrong try; lands on home as 陈干事; the profile offers 修改密码. The demo
 * accounts of dev login stay listed below (the host runs with dev login on), for the other flows.
 */
export async function staffLogsInWithPassword(ctx: FlowContext): Promise<void> {
  const cur = () => current(ctx.page);
  await open(ctx, '/pages/login/index');
  await cur().getByText('工作人员登录').first().waitFor();
  await cur().getByRole('button', { name: '以居民 王阿姨登录' }).waitFor();
  await scan(ctx, 'staff-login');

  await cur().getByLabel('账号').fill('demo-staff-1');
  await cur().getByLabel('密码').fill('not-the-password-1');
  await cur().getByRole('button', { name: '登录', exact: true }).click();
  await cur().getByText('账号或密码不对，请再试一次。').waitFor();

  await cur().getByLabel('密码').fill(DEMO_STAFF_PASSWORD);
  await cur().getByRole('button', { name: '登录', exact: true }).click();
  await cur().getByText('陈干事，您好').first().waitFor();

  await open(ctx, '/pages/profile/index');
  await cur().getByRole('button', { name: '修改密码' }).click();
  await cur().getByLabel('原密码').waitFor();
  await scan(ctx, 'change-password');
}

/**
 * The login page and the change-password page in elder mode (staff may be older, and residents
 * meet the login page too): text ≥ 18 px, key text (titles, the main button) ≥ 30 px, targets ≥ 60 px.
 */
export async function staffPagesInElderMode(ctx: FlowContext): Promise<{ failures: string[]; report: string[] }> {
  const cur = () => current(ctx.page);
  const out = { failures: [] as string[], report: [] as string[] };
  const check = (name: string) => checkElder(ctx, name, out);
  await open(ctx, '/pages/profile/index');
  await cur().getByRole('switch', { name: /长辈模式/ }).click();
  await ctx.page.locator('.page.elder').first().waitFor();
  try {
    await open(ctx, '/pages/login/index');
    await cur().getByRole('button', { name: '以居民 王阿姨登录' }).waitFor();
    await check('staff-login');
    await open(ctx, '/subpackages/account/pages/password/index');
    await cur().getByLabel('原密码').waitFor();
    await check('change-password');
  } finally {
    await open(ctx, '/pages/profile/index');
    await cur().getByRole('switch', { name: /长辈模式/ }).click();
  }
  return out;
}
