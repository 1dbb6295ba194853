import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '养老顾问站点',
  usingComponents: vantUsingComponents('subpackages/staff/pages/stations/index'),
});
