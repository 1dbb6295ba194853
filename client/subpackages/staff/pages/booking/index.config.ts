import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '预约详情',
  usingComponents: vantUsingComponents('subpackages/staff/pages/booking/index'),
});
