import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '活动管理',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-activities/index'),
});
