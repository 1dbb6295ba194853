import type { App } from '../../cloudfunctions/core/runtime/app';
import { hashPassword } from '../../cloudfunctions/core/services/staff-auth/password-hasher';
import { credentialFor } from '../../cloudfunctions/core/services/staff-auth/staff-auth.service';
import { loginKeyOf } from '../../shared/domain/staff-auth/login-limits';

/** The demo staff's password, printed by `npm start`; never seeded in production. */
export const DEMO_STAFF_PASSWORD = 'minzheng2026';
/** The demo people who sign in with a password in the browser: their openid is their login name. */
export const demoPasswordAccounts = [
  { loginName: 'demo-staff-1', label: '陈干事（南大街街道工作人员）' },
  { loginName: 'demo-admin', label: '周主任（区民政局管理员）' },
] as const;

/**
 * staff sign-in: gives the demo 街道 staff member and the demo admin a password (no change forced,
 * so a newcomer can try the workbench at once). Idempotent: an account that has a credential keeps
 * it, whatever its password is now. Runs after the demo district, whose users it links to.
 */
export async function seedDemoPasswords(app: App, log: (line: string) => void = () => undefined): Promise<void> {
  if (app.config.profile === 'production') return;
  const now = app.clock.now();
  for (const { loginName } of demoPasswordAccounts) {
    const key = loginKeyOf(loginName);
    if (await app.repos.staffCredentials.byLoginKey(key)) continue;
    const user = await app.repos.users.findByOpenid(loginName);
    if (!user) continue;
    await app.repos.staffCredentials.create(credentialFor(key, loginName, user._id, await hashPassword(DEMO_STAFF_PASSWORD), false, now));
    log(`[seed] 工作人员密码账号 ${loginName}`);
  }
}

export function printPasswordAccounts(log: (line: string) => void): void {
  log(`[seed] 工作人员密码登录（浏览器登录页“工作人员登录”），密码都是 ${DEMO_STAFF_PASSWORD}：`);
  for (const { loginName, label } of demoPasswordAccounts) log(`         ${loginName.padEnd(20)} ${label}`);
}
