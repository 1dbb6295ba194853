import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '操作记录',
  usingComponents: vantUsingComponents('subpackages/staff/pages/audit/index'),
});
