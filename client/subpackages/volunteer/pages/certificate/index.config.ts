import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '服务记录证明',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/certificate/index'),
});
