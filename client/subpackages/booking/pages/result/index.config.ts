import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '预约结果',
  usingComponents: vantUsingComponents('subpackages/booking/pages/result/index'),
});
