import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '志愿者申请',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-applications/index'),
});
