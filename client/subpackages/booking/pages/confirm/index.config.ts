import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '确认预约',
  usingComponents: vantUsingComponents('subpackages/booking/pages/confirm/index'),
});
