import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '预约处理',
  usingComponents: vantUsingComponents('subpackages/provider/pages/case/index'),
});
