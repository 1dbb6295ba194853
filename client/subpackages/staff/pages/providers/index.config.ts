import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '服务人员',
  usingComponents: vantUsingComponents('subpackages/staff/pages/providers/index'),
});
