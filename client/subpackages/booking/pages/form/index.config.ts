import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '填写预约信息',
  usingComponents: vantUsingComponents('subpackages/booking/pages/form/index'),
});
