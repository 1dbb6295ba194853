import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '工作人员账号',
  usingComponents: vantUsingComponents('subpackages/staff/pages/accounts/index'),
});
