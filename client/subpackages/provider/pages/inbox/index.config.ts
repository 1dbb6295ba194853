import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '待处理的预约',
  usingComponents: vantUsingComponents('subpackages/provider/pages/inbox/index'),
});
