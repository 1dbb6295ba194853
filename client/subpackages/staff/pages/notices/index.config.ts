import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '消息发送情况',
  usingComponents: vantUsingComponents('subpackages/staff/pages/notices/index'),
});
