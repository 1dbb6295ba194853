import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '区级设置',
  usingComponents: vantUsingComponents('subpackages/staff/pages/settings/index'),
});
