import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '陪诊派单',
  usingComponents: vantUsingComponents('subpackages/staff/pages/dispatch/index'),
});
