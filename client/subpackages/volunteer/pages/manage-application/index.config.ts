import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '申请详情',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-application/index'),
});
