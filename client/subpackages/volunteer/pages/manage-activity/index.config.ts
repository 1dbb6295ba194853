import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '活动现场',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-activity/index'),
});
