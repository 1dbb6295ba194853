import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '银龄行动管理',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage/index'),
});
