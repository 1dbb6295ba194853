import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '数据看板',
  usingComponents: vantUsingComponents('subpackages/dashboard/pages/overview/index'),
});
