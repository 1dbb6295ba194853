import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '选择服务点',
  usingComponents: vantUsingComponents('subpackages/booking/pages/choose/index'),
});
