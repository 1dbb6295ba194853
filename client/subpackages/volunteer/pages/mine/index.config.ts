import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '我的志愿活动',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/mine/index'),
});
