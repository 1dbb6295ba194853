import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { saveSession } from '../src/api/session-store';
import { ElderModeProvider } from '../src/elder/elder-mode-context';
import { SessionProvider } from '../src/session/session-context';
import { demoUser, fakeHost, type Replies } from './fake-host';
import { resetTaroMock, setRouterParams } from './taro.mock';

/** volunteer — staff: the demo staff member of 南大街 (and the district admin), for the staff page tests. */
export const staffUser = { ...demoUser, id: 'u-staff', openid: 'demo-staff-1', name: '陈干事', phone: '13900000002', roles: ['staff'], staffStreetId: 'st-nandajie' };
export const adminUser = { ...demoUser, id: 'u-admin', openid: 'demo-admin', name: '管理员', roles: ['admin'], staffStreetId: null };

export function resetForStaffPage(): void {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
}

/** Renders a staff page as `user` with the fake host's replies and the page's query. */
export function renderStaffPage(page: ReactElement, replies: Replies, options: { user?: unknown; params?: Record<string, string> } = {}) {
  const host = fakeHost({ 'user.me': () => options.user ?? staffUser, ...replies });
  setRouterParams(options.params ?? {});
  render(
    <SessionProvider>
      <ElderModeProvider>{page}</ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

export const managedActivity = {
  id: 'act-1', seriesId: null, kind: 'tech_class', kindLabel: '智能技术培训课', title: '智能手机入门课', description: '教老人用手机挂号', place: '小营前社区活动室',
  communityId: 'cm-xiaoying', streetId: 'st-nandajie', startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T03:00:00.000Z',
  signUpOpensAt: '2099-11-20T00:00:00.000Z', signUpClosesAt: '2099-12-02T23:00:00.000Z', withdrawCutoffAt: '2099-12-02T01:00:00.000Z',
  roles: [{ code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'], filled: 1 }, { code: 'assist', label: '助教', count: 2, skills: [], filled: 0 }],
  riskNote: '', insuranceRequired: false, bring: '老花镜', contactPhone: '13900000002', elderSeats: 20, status: 'open', cancelReason: null, waiting: 0, pendingHours: 0,
};
