import { Text } from '@tarojs/components';
import { Page } from '../../src/components/Page';
import { goTo, restartAt, routes } from '../../src/navigation/routes';
import { Button } from '../../src/ui/Button';
import { Empty } from '../../src/ui/Empty';

/** Where an address the app does not have lands (an old link, a typo): a way on, never a blank page. */
export default function NotFoundPage() {
  return (
    <Page>
      <Text className='page-title'>没有这个页面</Text>
      <Empty description='这个链接可能已经过期或输错了。'>
        <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
          回到首页
        </Button>
        <Button block onClick={() => goTo(routes.myBookings)}>
          查看我的预约
        </Button>
      </Empty>
    </Page>
  );
}
