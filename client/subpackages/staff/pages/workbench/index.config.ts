import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '工作台',
  usingComponents: vantUsingComponents('subpackages/staff/pages/workbench/index'),
});
