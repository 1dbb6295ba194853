import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '陪诊接单',
  usingComponents: vantUsingComponents('subpackages/provider/pages/pool/index'),
});
