import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '街道预约',
  usingComponents: vantUsingComponents('subpackages/staff/pages/bookings/index'),
});
