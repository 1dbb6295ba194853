export default defineAppConfig({
  pages: ['pages/home/index', 'pages/login/index', 'pages/profile/index'],
  subPackages: [
    {
      // Pages for the people who deliver services; residents never download them.
      root: 'subpackages/provider',
      name: 'provider',
      pages: ['pages/inbox/index'],
    },
  ],
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
