import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '我的预约',
  usingComponents: vantUsingComponents('subpackages/booking/pages/mine/index'),
});
