import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '课堂点名',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/roll/index'),
});
