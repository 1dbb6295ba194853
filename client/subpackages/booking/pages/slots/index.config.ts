import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '选择时间',
  usingComponents: vantUsingComponents('subpackages/booking/pages/slots/index'),
});
