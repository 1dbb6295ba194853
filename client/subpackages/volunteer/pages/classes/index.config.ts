import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '智能手机课报名',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/classes/index'),
});
