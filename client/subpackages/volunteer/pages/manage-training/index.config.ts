import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '培训进度',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/manage-training/index'),
});
