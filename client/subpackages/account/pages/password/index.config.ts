import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '修改密码',
  usingComponents: vantUsingComponents('subpackages/account/pages/password/index'),
});
