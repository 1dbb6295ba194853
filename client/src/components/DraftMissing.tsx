import { restartAt, routes } from '../navigation/routes';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Empty';

/** A flow page opened without a booking in progress (a reload after finishing, an old link). */
export function DraftMissing() {
  return (
    <Empty description='这次预约的信息已经没有了，请从首页重新选择服务。'>
      <Button variant='primary' size='large' onClick={() => restartAt(routes.home)}>
        回到首页
      </Button>
    </Empty>
  );
}
