import { vantUsingComponents } from '../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '民政便民服务',
  usingComponents: vantUsingComponents('pages/home/index'),
});
