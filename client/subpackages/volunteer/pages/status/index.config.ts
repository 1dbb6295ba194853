import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '银龄行动',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/status/index'),
});
