import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '站点信息',
  usingComponents: vantUsingComponents('subpackages/staff/pages/station/index'),
});
