import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '消息',
  usingComponents: vantUsingComponents('subpackages/booking/pages/notices/index'),
});
