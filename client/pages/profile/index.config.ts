import { vantUsingComponents } from '../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '个人资料',
  usingComponents: vantUsingComponents('pages/profile/index'),
});
