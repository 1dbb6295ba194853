export default defineAppConfig({
  pages: ['pages/home/index', 'pages/login/index', 'pages/profile/index', 'pages/not-found/index'],
  subPackages: [
    {
      // The resident's booking flow and bookings: downloaded on first use (preloaded from home).
      root: 'subpackages/booking',
      name: 'booking',
      pages: [
        'pages/choose/index',
        'pages/slots/index',
        'pages/form/index',
        'pages/confirm/index',
        'pages/result/index',
        'pages/mine/index',
        'pages/detail/index',
        'pages/notices/index',
      ],
    },
    {
      // Pages for the people who deliver services; residents never download them.
      root: 'subpackages/provider',
      name: 'provider',
      pages: ['pages/inbox/index', 'pages/schedule/index', 'pages/case/index', 'pages/availability/index', 'pages/pool/index'],
    },
    {
      // volunteer — client: 银龄行动 (apply, status, activities, my places); only volunteers and applicants download it.
      root: 'subpackages/volunteer',
      name: 'volunteer',
      pages: [
        'pages/status/index',
        'pages/apply/index',
        'pages/activities/index',
        'pages/activity/index',
        'pages/mine/index',
        // volunteer — client: check-in/out, my hours, the teacher's roll, elders' class sign-up.
        'pages/checkin/index',
        'pages/hours/index',
        'pages/roll/index',
        'pages/classes/index',
        // documents — certificates: the 志愿服务记录证明 for a period.
        'pages/certificate/index',
        // volunteer — staff: the 街道's staff run 银龄行动 from these (applications, activities, rosters, hours, training).
        'pages/manage/index',
        'pages/manage-applications/index',
        'pages/manage-application/index',
        'pages/manage-activities/index',
        'pages/manage-activity-form/index',
        'pages/manage-activity/index',
        'pages/manage-corrections/index',
        'pages/manage-training/index',
      ],
    },
    {
      // staff desk: the workbench of 街道 staff and the bureau's admin; nobody else downloads it.
      root: 'subpackages/staff',
      name: 'staff',
      pages: [
        'pages/workbench/index',
        'pages/bookings/index',
        'pages/booking/index',
        'pages/dispatch/index',
        'pages/audit/index',
        'pages/notices/index',
        'pages/people/index',
        'pages/settings/index',
        // stations and providers
        'pages/stations/index',
        'pages/station/index',
        'pages/providers/index',
        'pages/provider/index',
        'pages/accounts/index',
      ],
    },
    {
      // staff desk: the dashboard's charts (echarts) are heavy; only those who open it download them.
      root: 'subpackages/dashboard',
      name: 'dashboard',
      pages: ['pages/overview/index'],
    },
    {
      // staff sign-in: a staff member's own password (browser accounts); residents never download it.
      root: 'subpackages/account',
      name: 'account',
      pages: ['pages/password/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['booking'] },
  },
  window: {
    navigationBarTitleText: '民政便民服务',
    navigationBarBackgroundColor: '#0052d9',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat Cloud builds (TARO_APP_CLOUD_ENV set) declare it; HTTPS builds do not.
  ...(process.env.TARO_APP_CLOUD_ENV ? { cloud: true } : {}),
});
