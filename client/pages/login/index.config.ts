import { vantUsingComponents } from '../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '登录',
  usingComponents: vantUsingComponents('pages/login/index'),
});
