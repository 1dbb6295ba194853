import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '时长更正申请',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-corrections/index'),
});
