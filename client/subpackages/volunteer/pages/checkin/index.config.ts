import { vantUsingComponents } from '../../../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '签到签退',
  usingComponents: vantUsingComponents('subpackages/volunteer/pages/checkin/index'),
});
