import { vantUsingComponents } from '../../src/ui/vant-components';

export default definePageConfig({
  navigationBarTitleText: '没有这个页面',
  usingComponents: vantUsingComponents('pages/not-found/index', ['button', 'empty']),
});
