import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '编辑活动',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-activity-form/index'),
});
