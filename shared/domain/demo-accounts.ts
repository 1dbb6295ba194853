/**
 * The demo district's accounts, the one list of them: the seed writes a person for each openid
 * (host/seed/demo-district.data.ts), `npm start` prints this list, and the browser's development
 * login offers a button for each, labelled so. Pure data, so the client can import it too.
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
  { openid: 'demo-teacher', label: '银龄志愿者 孙老师（手机课主讲）' },
  { openid: 'demo-volunteer-1', label: '银龄志愿者 蒋老师' },
  { openid: 'demo-volunteer-2', label: '银龄志愿者 沈师傅' },
  { openid: 'demo-applicant', label: '志愿者申请人 刘阿姨' },
  { openid: 'demo-advisor-2', label: '养老顾问 赵顾问（双桂坊）' },
  { openid: 'demo-advisor-3', label: '养老顾问 孙顾问（荷花池）' },
  { openid: 'demo-advisor-4', label: '养老顾问 吴顾问（清潭）' },
  { openid: 'demo-advisor-5', label: '养老顾问 郑顾问（五星）' },
  { openid: 'demo-advisor-6', label: '养老顾问 冯顾问（永红）' },
  { openid: 'demo-counselor-2', label: '婚姻辅导师 许老师' },
  { openid: 'demo-escort-2', label: '陪诊员 马大姐' },
  { openid: 'demo-escort-3', label: '陪诊员 朱老师（银龄志愿者）' },
];
