import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '我的服务时长',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/hours/index'),
});
