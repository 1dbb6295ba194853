import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '人员与角色',
  usingComponents: vantUsingComponents('subpackages/staff/pages/people/index'),
});
