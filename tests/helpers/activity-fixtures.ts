import type { TestApp } from './test-app';
import { loginAs } from './test-app';
import type { VolunteerSkill } from '../../shared/domain/volunteer/skills';

/** A user holding the volunteer role, with skills on their volunteer record. */
export async function makeVolunteer(t: TestApp, openid: string, skills: VolunteerSkill[] = ['smartphone']): Promise<{ token: string; userId: string }> {
  const user = await loginAs(t, openid);
  await t.app.services.users.grantRoles(user.userId, ['volunteer'], undefined);
  await t.db.collection<{ _id: string; skills: string[] }>('volunteers').insertOne({ _id: user.userId, skills });
  return user;
}

export async function makeStaff(t: TestApp, openid: string, streetId = 'st-nandajie'): Promise<{ token: string; userId: string }> {
  const user = await loginAs(t, openid);
  await t.app.services.users.grantRoles(user.userId, ['staff'], streetId);
  return user;
}

/** A class two days after `now` at 09:00–11:00 Shanghai, sign-up open from now, cut-off a day before. */
export function classInput(now: Date, overrides: Record<string, unknown> = {}) {
  const start = new Date(now.getTime() + 2 * 24 * 3600_000);
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    action: 'createActivity',
    kind: 'tech_class',
    title: '智能手机入门课',
    description: '教老人用手机挂号',
    place: '小营前社区活动室',
    communityId: 'cm-xiaoying',
    roles: [
      { code: 'lead', label: '主讲', count: 1, skills: ['smartphone'] },
      { code: 'assist', label: '助教', count: 2, skills: [] },
    ],
    riskNote: '',
    insuranceRequired: false,
    bring: '老花镜',
    contactPhone: '13800000001',
    startsAt: at(start.getTime()),
    endsAt: at(start.getTime() + 2 * 3600_000),
    signUpOpensAt: at(now.getTime() - 60_000),
    signUpClosesAt: at(start.getTime() - 3600_000),
    withdrawCutoffAt: at(start.getTime() - 24 * 3600_000),
    ...overrides,
  };
}
