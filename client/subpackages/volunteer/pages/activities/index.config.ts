import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '志愿活动',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/activities/index'),
});
