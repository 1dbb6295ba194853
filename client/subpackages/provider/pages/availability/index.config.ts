import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '服务时间',
  usingComponents: vantUsingComponents('subpackages/provider/pages/availability/index'),
});
