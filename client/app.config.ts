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
      pages: ['pages/status/index', 'pages/apply/index', 'pages/activities/index', 'pages/activity/index', 'pages/mine/index', 'pages/certificate/index'],
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
