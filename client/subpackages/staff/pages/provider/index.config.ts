import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '服务人员信息',
  usingComponents: vantUsingComponents('subpackages/staff/pages/provider/index'),
});
