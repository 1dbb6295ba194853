/**
 * Demo accounts the development host knows (seeded by scripts/seed.ts). The browser login screen
 * lists them; later the host may serve this list itself.
 */
export type DemoAccount = { openid: string; label: string };

export const demoAccounts: readonly DemoAccount[] = [
  { openid: 'demo-resident-1', label: '居民 王阿姨' },
  { openid: 'demo-resident-2', label: '居民 李大爷' },
  { openid: 'demo-advisor-1', label: '养老顾问' },
  { openid: 'demo-escort-1', label: '陪诊员' },
  { openid: 'demo-counselor-1', label: '婚姻辅导师' },
  { openid: 'demo-staff-1', label: '街道工作人员' },
  { openid: 'demo-admin', label: '管理员' },
];
