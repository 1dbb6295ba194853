import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '日程',
  usingComponents: vantUsingComponents('subpackages/provider/pages/schedule/index'),
});
