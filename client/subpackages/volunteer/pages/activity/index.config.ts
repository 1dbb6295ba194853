import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '活动详情',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/activity/index'),
});
